"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/dashboard/form-message";
import { dangerButton, primaryButton, secondaryButton } from "@/components/dashboard/styles";
import {
  cancelConferenceAction,
  duplicateConferenceAction,
  publishConferenceAction,
} from "@/lib/conferences/actions";
import type { ActionOutcome } from "@/lib/auth/outcome";

type Props = { conferenceId: string; status: "DRAFT" | "PUBLISHED" | "CANCELLED"; registrants: number; locale: "nl" | "en" };

function useRefusal() {
  const t = useTranslations("editor.errors");
  return (outcome: ActionOutcome<unknown, string> | null) =>
    outcome && !outcome.ok ? t(outcome.reason as "unexpected", { minutes: 1 }) : null;
}

// Publish, copy and cancel: each its own small form with the id in a hidden field (unbound actions work
// without JavaScript). Cancelling asks twice and says who will be emailed.
export function ConferenceActions({ conferenceId, status, registrants, locale }: Props) {
  const t = useTranslations("conferenceEditor.actions");
  const tEditor = useTranslations("editor");
  const refusal = useRefusal();
  const [published, publish, publishing] = useActionState(publishConferenceAction, null);
  const [copied, duplicate, copying] = useActionState(duplicateConferenceAction, null);
  const [cancelled, cancel, cancelling] = useActionState(cancelConferenceAction, null);
  const error = refusal(published) ?? refusal(copied) ?? refusal(cancelled);
  const hidden = (
    <>
      <input type="hidden" name="conferenceId" value={conferenceId} />
      <input type="hidden" name="locale" value={locale} />
    </>
  );

  return (
    <div className="space-y-4">
      {error && <FormMessage kind="error">{error}</FormMessage>}
      {published?.ok && <FormMessage kind="ok">{t("publishedDone")}</FormMessage>}
      {cancelled?.ok && <FormMessage kind="ok">{t("cancelledDone", { count: cancelled.data.emailed })}</FormMessage>}

      {status === "DRAFT" && (
        <form action={publish} className="rounded-lg border border-line bg-white p-4">
          {hidden}
          <h3 className="font-semibold text-petrol-800">{t("publishTitle")}</h3>
          <p className="mb-3 mt-1 text-sm text-muted">{t("publishText")}</p>
          <button type="submit" disabled={publishing} className={primaryButton}>
            {publishing ? tEditor("pending") : t("publish")}
          </button>
        </form>
      )}

      <form action={duplicate} className="rounded-lg border border-line bg-white p-4">
        {hidden}
        <h3 className="font-semibold text-petrol-800">{t("duplicateTitle")}</h3>
        <p className="mb-3 mt-1 text-sm text-muted">{t("duplicateText")}</p>
        <button type="submit" disabled={copying} className={secondaryButton}>
          {copying ? tEditor("pending") : t("duplicate")}
        </button>
      </form>

      {status !== "CANCELLED" && (
        <section aria-labelledby="annuleren" className="rounded-lg border border-line bg-white p-4">
          <h3 id="annuleren" className="font-semibold text-petrol-800">
            {t("cancelTitle")}
          </h3>
          <p className="mt-1 text-sm text-muted">{t("cancelText", { count: registrants })}</p>
          <details className="mt-3">
            <summary className={`${dangerButton} cursor-pointer list-none`}>{t("cancel")}…</summary>
            <form action={cancel} className="mt-3 rounded-md border-2 border-bad-700 bg-bad-50 p-3">
              {hidden}
              <p className="mb-3 font-semibold text-bad-700">{t("cancelConfirmText", { count: registrants })}</p>
              <button type="submit" disabled={cancelling} className="min-h-12 rounded-md bg-bad-700 px-5 font-semibold text-white">
                {cancelling ? tEditor("pending") : t("cancelConfirm")}
              </button>
            </form>
          </details>
        </section>
      )}
    </div>
  );
}
