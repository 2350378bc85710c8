"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/dashboard/form-message";
import { cancelRegistrationAction } from "@/lib/registrations/admin-actions";
import { useRegistrationRefusal } from "./refusal-text";

type Props = { registrationId: string; name: string; cancelled: boolean };

// Asks twice (a disclosure, then the red button), without needing JavaScript. Kept mounted after the
// cancellation, so the page that refreshes around it still shows what happened.
export function CancelRegistrationForm({ registrationId, name, cancelled }: Props) {
  const t = useTranslations("registrationsAdmin.cancel");
  const refusal = useRegistrationRefusal();
  const [outcome, formAction, pending] = useActionState(cancelRegistrationAction, null);
  if (outcome?.ok) {
    return (
      <FormMessage kind="ok">
        {t("done")} {outcome.data.promoted > 0 && t("promoted", { count: outcome.data.promoted })}
      </FormMessage>
    );
  }
  if (cancelled) return null;
  const refused = refusal(outcome);
  return (
    <section aria-labelledby="annuleren" className="rounded-lg border border-line bg-white p-5">
      <h2 id="annuleren" className="text-xl font-semibold text-petrol-800">
        {t("title")}
      </h2>
      <p className="mt-1">{t("text", { name })}</p>
      {refused && (
        <div className="mt-3">
          <FormMessage kind="error">{refused}</FormMessage>
        </div>
      )}
      <details className="mt-3">
        <summary className="inline-flex min-h-12 cursor-pointer items-center rounded-md border-2 border-bad-700 px-4 font-semibold text-bad-700">
          {t("title")}…
        </summary>
        <form action={formAction} className="mt-3">
          <input type="hidden" name="registrationId" value={registrationId} />
          <button type="submit" disabled={pending} className="min-h-12 rounded-md bg-bad-700 px-5 font-semibold text-white disabled:opacity-70">
            {t("confirm", { name })}
          </button>
        </form>
      </details>
    </section>
  );
}
