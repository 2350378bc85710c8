"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { secondaryButton, selectClass } from "@/components/dashboard/styles";
import { quoteRemarkAction } from "@/lib/feedback/actions";

// "Quote in report" beside a remark: one report is chosen for the organiser, several give a select. The quote is
// added by the server (lib/feedback/mutations.ts); the page then shows the remark as quoted.
export function QuoteRemarkForm({
  conferenceId,
  remark,
  reports,
  remarkElementId,
}: {
  conferenceId: string;
  /** The remark's handle (lib/feedback/remarks.ts), never its response's id. */
  remark: string;
  reports: Array<{ id: string; title: string }>;
  /** The remark's own element, so a screen reader hears which remark the button quotes. */
  remarkElementId: string;
}) {
  const t = useTranslations("feedback.admin");
  const [outcome, action, pending] = useActionState(quoteRemarkAction, null);
  const id = `quote-${remark}`;
  return (
    <form action={action} className="mt-2 flex flex-wrap items-end gap-2">
      <input type="hidden" name="conferenceId" value={conferenceId} />
      <input type="hidden" name="remark" value={remark} />
      {reports.length === 1 ? (
        <input type="hidden" name="reportId" value={reports[0]!.id} />
      ) : (
        <div>
          <label htmlFor={id} className="block text-sm font-semibold">
            {t("quoteIn")}
          </label>
          <select id={id} name="reportId" className={selectClass}>
            {reports.map((report) => (
              <option key={report.id} value={report.id}>
                {report.title}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" disabled={pending} className={secondaryButton} aria-describedby={remarkElementId}>
        {t("quote")}
      </button>
      {outcome?.ok && (
        <p role="status" className="w-full text-sm font-semibold text-ok-700">
          <span aria-hidden>✓ </span>
          {t("quoteDone")}
        </p>
      )}
      {outcome && !outcome.ok && (
        <p role="alert" className="w-full text-sm font-semibold text-bad-700">
          <span aria-hidden>⚠ </span>
          {t(`errors.${outcome.reason}` as "errors.unexpected")}
        </p>
      )}
    </form>
  );
}
