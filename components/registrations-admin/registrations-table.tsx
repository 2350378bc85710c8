import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { formatTime } from "@/lib/format";
import type { RegistrationRow } from "@/lib/registrations/admin-queries";
import { RegistrationStatusBadge } from "./registration-status-badge";

type Props = { rows: RegistrationRow[]; locale: Locale; basePath: string };

export function Flag({ children }: { children: React.ReactNode }) {
  return (
    <span className="inline-flex items-start gap-1 rounded border border-bad-700 bg-bad-50 px-1.5 text-sm font-semibold text-bad-700">
      <span aria-hidden>⚠</span>
      {children}
    </span>
  );
}

// The organiser's list: one row per person, the name linking to everything else about them. Inside a
// scrollable region on narrow screens, which a keyboard can reach (tabIndex) to scroll it.
export async function RegistrationsTable({ rows, locale, basePath }: Props) {
  const t = await getTranslations("registrationsAdmin");
  return (
    <div role="region" aria-label={t("table.caption")} tabIndex={0} className="overflow-x-auto rounded-lg border border-line bg-white">
      <table className="w-full min-w-[44rem] border-collapse text-left">
        <caption className="sr-only">{t("table.caption")}</caption>
        <thead>
          <tr className="border-b-2 border-petrol-200 text-sm text-muted">
            <th scope="col" className="min-w-[14rem] px-3 py-2 font-semibold">{t("table.name")}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t("table.organisation")}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t("table.status")}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t("table.workshops")}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t("table.checkedIn")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-line align-top last:border-b-0">
              <th scope="row" className="px-3 py-2 font-normal">
                <Link href={`${basePath}/${row.id}`} className="font-semibold text-petrol-700 underline" aria-label={t("table.detailsOf", { name: row.name })}>
                  {row.name}
                </Link>
                <span className="block break-words text-sm text-muted">{row.email}</span>
                {row.source === "WALK_IN" && <span className="block text-sm text-muted">{t("table.walkIn")}</span>}
              </th>
              <td className="px-3 py-2">{row.organisation ?? t("table.none")}</td>
              <td className="px-3 py-2">
                <RegistrationStatusBadge status={row.status} label={t(`status.${row.status}`)} />
              </td>
              <td className="px-3 py-2 text-sm">
                {row.workshops.length === 0 ? (
                  t("table.none")
                ) : (
                  <ul>
                    {row.workshops.map((workshop) => (
                      <li key={workshop.title}>
                        {workshop.title}
                        {workshop.status === "WAITLISTED" && <span className="text-muted"> ({t("table.waitlisted")})</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="px-3 py-2 tabular-nums">
                <span className="block">{row.checkedInAt ? formatTime(row.checkedInAt, locale) : t("table.none")}</span>
                <span className="flex flex-wrap gap-1">
                  {row.conflict && <Flag>{t("table.conflict")}</Flag>}
                  {row.lateUpload && <Flag>{t("table.late")}</Flag>}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
