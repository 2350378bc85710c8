"use client";
// Revoking one certificate: asks once more (a <details>, so it works without JavaScript), then shows the
// server's verdict; the list beside it is rendered again from the database.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/dashboard/form-message";
import { revokeCertificateAction } from "@/lib/certificates/actions";

export function RevokeCertificateForm({ certificateId, name, locale }: { certificateId: string; name: string; locale: "nl" | "en" }) {
  const t = useTranslations("certificates.admin");
  const [outcome, action, pending] = useActionState(revokeCertificateAction, null);
  if (outcome?.ok) return <FormMessage kind="ok">{t("revokedDone")}</FormMessage>;
  return (
    <details className="text-sm">
      <summary className="inline-flex min-h-10 cursor-pointer items-center font-semibold text-bad-700 underline">{t("revoke")}</summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="certificateId" value={certificateId} />
        <input type="hidden" name="locale" value={locale} />
        {outcome && !outcome.ok && <FormMessage kind="error">{t("failed")}</FormMessage>}
        <p>{t("revokeConfirm", { name })}</p>
        <button type="submit" disabled={pending} className="min-h-10 rounded-md bg-bad-700 px-4 font-semibold text-white">
          {t("revoke")}
        </button>
      </form>
    </details>
  );
}
