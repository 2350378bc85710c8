"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/dashboard/form-message";
import { useRefusalText } from "@/components/dashboard/outcome-text";
import { primaryButton } from "@/components/dashboard/styles";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { createWebhookAction } from "@/lib/webhooks/actions";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/schema";

const ADDRESS_REFUSALS = new Set(["invalidUrl", "unresolvable", "privateAddress"]);

// The secret is shown once, right after the hook is made: the receiving system needs it to check signatures.
export function WebhookForm({ organisationId }: { organisationId: string }) {
  const t = useTranslations("integrations.webhooks");
  const tValidation = useTranslations("validation");
  const refusal = useRefusalText();
  const [outcome, formAction, pending] = useActionState(createWebhookAction, null);
  const fieldErrors = outcome && !outcome.ok && "fieldErrors" in outcome ? outcome.fieldErrors : {};
  const urlError = fieldErrors.url
    ? ADDRESS_REFUSALS.has(fieldErrors.url)
      ? t(`validation.${fieldErrors.url}` as "validation.invalidUrl")
      : t("validation.invalidUrl")
    : undefined;
  const eventsError = fieldErrors.events ? tValidation("required") : undefined;
  // After a refusal the address stays, also without JavaScript (the form resets to its defaults).
  const previousUrl = outcome && !outcome.ok ? outcome.values.url : undefined;
  const refused = outcome && !outcome.ok && !("fieldErrors" in outcome) ? refusal(outcome as Parameters<typeof refusal>[0]) : null;

  return (
    <div className="space-y-4">
      {outcome?.ok && (
        <div role="status" className="space-y-2 rounded-md border-2 border-ok-700 bg-ok-50 p-3">
          <p className="font-semibold text-ok-700">{t("created")}</p>
          <label htmlFor="new-webhook-secret" className="block text-sm">
            {t("secretOnce")}
          </label>
          <input id="new-webhook-secret" readOnly value={outcome.data.secret} className={`${inputClass} font-mono text-sm`} />
        </div>
      )}
      <form action={formAction} className="space-y-4">
        {refused && <FormMessage kind="error">{refused}</FormMessage>}
        <input type="hidden" name="organisationId" value={organisationId} />
        <Field id="webhook-url" label={t("url")} hint={t("urlHint")} error={urlError}>
          <input
            id="webhook-url"
            name="url"
            type="url"
            defaultValue={previousUrl}
            required
            inputMode="url"
            autoComplete="off"
            aria-invalid={urlError ? true : undefined}
            aria-describedby={describedBy("webhook-url", t("urlHint"), urlError)}
            className={inputClass}
          />
        </Field>
        <fieldset aria-describedby={eventsError ? "webhook-events-error" : undefined}>
          <legend className="font-semibold">{t("events")}</legend>
          <ul className="mt-2 space-y-1">
            {WEBHOOK_EVENTS.map((event) => (
              <li key={event}>
                <label className="flex min-h-11 items-center gap-2">
                  <input type="checkbox" name="events" value={event} className="size-5 shrink-0" />
                  <span className="min-w-0 break-words">
                    {/* Message keys cannot hold dots (next-intl nests on them): registration.created → registration_created. */}
                    {t(`eventNames.${event.replace(".", "_")}` as "eventNames.registration_created")} <code className="break-all text-sm text-muted">{event}</code>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {eventsError && (
            <p id="webhook-events-error" className="text-sm font-semibold text-bad-700">
              <span aria-hidden>⚠</span> {eventsError}
            </p>
          )}
        </fieldset>
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? t("pending") : t("submit")}
        </button>
      </form>
    </div>
  );
}
