import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { formatDateTime } from "@/lib/format";
import type { RetentionScheduleRow } from "@/lib/retention/queries";

/** One step of one conference: when it goes (or went) and how many registrations it concerns (or concerned). */
function Step({ date, count, done, now, locale, t }: { date: Date; count: string; done: boolean; now: Date; locale: Locale; t: Awaited<ReturnType<typeof getTranslations<"retention.schedule">>> }) {
  // Due and not yet done: the period has just passed (or was shortened); the hourly job takes it next.
  const when = done ? t("done", { date: formatDateTime(date, locale) }) : date <= now ? t("overdue") : t("due", { date: formatDateTime(date, locale) });
  return (
    <>
      <span className={done ? "font-semibold text-ok-700" : undefined}>
        {done && <span aria-hidden>✓ </span>}
        {when}
      </span>
      <br />
      <span className="text-sm text-muted">{count}</span>
    </>
  );
}

// What the retention job will purge when, per conference (lib/retention/queries.ts reads the same rule it follows).
export async function RetentionSchedule({ rows, locale, now }: { rows: RetentionScheduleRow[]; locale: Locale; now: Date }) {
  const t = await getTranslations("retention.schedule");
  if (rows.length === 0) return <p className="mt-4 rounded-lg border border-line bg-white p-5">{t("empty")}</p>;
  return (
    <div role="region" aria-label={t("caption")} tabIndex={0} className="mt-4 overflow-x-auto rounded-lg border border-line bg-white">
      <table className="w-full min-w-[44rem] border-collapse text-left">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr className="border-b-2 border-petrol-200 text-sm text-muted">
            <th scope="col" className="px-3 py-2 font-semibold">{t("columns.conference")}</th>
            <th scope="col" className="w-44 px-3 py-2 font-semibold">{t("columns.ended")}</th>
            <th scope="col" className="w-56 px-3 py-2 font-semibold">{t("columns.needs")}</th>
            <th scope="col" className="w-56 px-3 py-2 font-semibold">{t("columns.personal")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            // The needs went with the rest when the personal data went first (a shorter period than the needs').
            const needsWithPersonal = !row.needsPurgedAt && row.personalPurgedAt !== null;
            return (
              <tr key={row.conferenceId} className="border-b border-line align-top last:border-b-0">
                <th scope="row" className="px-3 py-2 font-semibold">{row.title}</th>
                <td className="px-3 py-2">{row.endsAt > now ? t("notEnded") : formatDateTime(row.endsAt, locale)}</td>
                <td className="px-3 py-2">
                  {needsWithPersonal ? (
                    <span className="font-semibold text-ok-700"><span aria-hidden>✓ </span>{t("withPersonal")}</span>
                  ) : (
                    <Step
                      date={row.needsPurgedAt ?? row.needsDueAt}
                      done={row.needsPurgedAt !== null}
                      count={row.needsPurgedAt ? t("doneCount", { count: row.needsPurged ?? 0 }) : t("dueCount", { count: row.withNeeds })}
                      now={now}
                      locale={locale}
                      t={t}
                    />
                  )}
                </td>
                <td className="px-3 py-2">
                  <Step
                    date={row.personalPurgedAt ?? row.personalDueAt}
                    done={row.personalPurgedAt !== null}
                    count={row.personalPurgedAt ? t("doneCount", { count: row.personalPurged ?? 0 }) : t("dueRegistrations", { count: row.registrations })}
                    now={now}
                    locale={locale}
                    t={t}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
