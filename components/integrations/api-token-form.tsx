"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/dashboard/form-message";
import { useRefusalText } from "@/components/dashboard/outcome-text";
import { primaryButton, selectClass } from "@/components/dashboard/styles";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { createApiTokenAction } from "@/lib/api-tokens/actions";
import { API_TOKEN_LIFETIMES, API_TOKEN_SCOPES } from "@/lib/api-tokens/schema";

// A new token is shown here once, right after it is made: only its hash is kept, so it cannot be shown again.
// Works without JavaScript (the page renders again with the outcome).
export function ApiTokenForm({ organisationId }: { organisationId: string }) {
  const t = useTranslations("integrations.tokens");
  const tValidation = useTranslations("validation");
  const refusal = useRefusalText();
  const [outcome, formAction, pending] = useActionState(createApiTokenAction, null);
  const [copied, setCopied] = useState(false);
  const nameMessage = outcome && !outcome.ok && "fieldErrors" in outcome ? outcome.fieldErrors.name : undefined;
  const nameError = nameMessage ? tValidation(nameMessage as "invalid") : undefined;
  const previousName = outcome && !outcome.ok ? outcome.values.name : undefined;
  const refused = outcome && !outcome.ok && !("fieldErrors" in outcome) ? refusal(outcome as Parameters<typeof refusal>[0]) : null;

  return (
    <div className="space-y-4">
      {outcome?.ok && (
        <div role="status" className="space-y-2 rounded-md border-2 border-ok-700 bg-ok-50 p-3">
          <p className="font-semibold text-ok-700">{t("created")}</p>
          <label htmlFor="new-api-token" className="block text-sm">
            {t("copyOnce")}
          </label>
          <input id="new-api-token" readOnly value={outcome.data.secret} className={`${inputClass} font-mono text-sm`} onFocus={(e) => e.currentTarget.select()} />
          <button
            type="button"
            className="text-sm font-semibold text-petrol-700 underline"
            onClick={() => void navigator.clipboard?.writeText(outcome.data.secret).then(() => setCopied(true))}
          >
            {copied ? t("copied") : t("copy")}
          </button>
        </div>
      )}
      <form action={formAction} className="space-y-4">
        {refused && <FormMessage kind="error">{refused}</FormMessage>}
        <input type="hidden" name="organisationId" value={organisationId} />
        <Field id="api-token-name" label={t("name")} hint={t("nameHint")} error={nameError}>
          <input
            id="api-token-name"
            name="name"
            defaultValue={previousName}
            required
            maxLength={80}
            autoComplete="off"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={describedBy("api-token-name", t("nameHint"), nameError)}
            className={inputClass}
          />
        </Field>
        <div className="flex flex-wrap gap-4">
          <Field id="api-token-scope" label={t("scope")}>
            <select id="api-token-scope" name="scope" defaultValue="READ" className={selectClass}>
              {API_TOKEN_SCOPES.map((scope) => (
                <option key={scope} value={scope}>
                  {t(`scopes.${scope}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="api-token-expiry" label={t("expiry")}>
            <select id="api-token-expiry" name="expiresInDays" defaultValue="365" className={selectClass}>
              {API_TOKEN_LIFETIMES.map((days) => (
                <option key={days} value={days}>
                  {days ? t("days", { days: Number(days) }) : t("never")}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? t("pending") : t("submit")}
        </button>
      </form>
    </div>
  );
}
