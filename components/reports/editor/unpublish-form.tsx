"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/dashboard/form-message";
import { dangerButton } from "@/components/dashboard/styles";
import { unpublishReportAction } from "@/lib/reports/actions";

// Takes a published or scheduled report off the public site; it stays as a draft. The id travels in a hidden
// field (an unbound action), so the form also works without JavaScript.
export function UnpublishForm({ reportId }: { reportId: string }) {
  const t = useTranslations("reportEditor");
  const [outcome, formAction, pending] = useActionState(unpublishReportAction, null);
  return (
    <form action={formAction} className="space-y-3">
      {outcome && !outcome.ok && <FormMessage kind="error">{t(`errors.${outcome.reason}` as "errors.notFound", { minutes: 1 })}</FormMessage>}
      <input type="hidden" name="reportId" value={reportId} />
      <button type="submit" disabled={pending} className={dangerButton}>
        {t("actions.unpublish")}
      </button>
    </form>
  );
}
