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

/**
 * The organiser's list: one row per person, the name linking to everything else about them. Dense on a desk (a
 * table); on a phone one card per person, so nothing needs sideways scrolling (issue 14, item 15). Both are
 * rendered and one is hidden with display:none, which also hides it from screen readers, so nothing is read
 * twice (as components/dashboard/conference-table.tsx does).
 */
export async function RegistrationsTable({ rows, locale, basePath }: Props) {
  const t = await getTranslations("registrationsAdmin");
  const name = (row: RegistrationRow) => (
    <Link href={`${basePath}/${row.id}`} className="font-semibold text-petrol-700 underline" aria-label={t("table.detailsOf", { name: row.name })}>
      {row.name}
    </Link>
  );
  const workshops = (row: RegistrationRow) =>
    row.workshops.length === 0 ? (
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
    );
  const flags = (row: RegistrationRow) =>
    (row.conflict || row.lateUpload) && (
      <span className="flex flex-wrap gap-1">
        {row.conflict && <Flag>{t("table.conflict")}</Flag>}
        {row.lateUpload && <Flag>{t("table.late")}</Flag>}
      </span>
    );
  const checkedIn = (row: RegistrationRow) => (row.checkedInAt ? formatTime(row.checkedInAt, locale) : t("table.none"));

  return (
    <>
      <div className="hidden overflow-hidden rounded-lg border border-line bg-white md:block">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{t("table.caption")}</caption>
          <thead>
            <tr className="border-b-2 border-petrol-200 text-sm text-muted">
              <th scope="col" className="px-3 py-2 font-semibold">{t("table.name")}</th>
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
                  {name(row)}
                  {row.email && <span className="block break-all text-sm text-muted">{row.email}</span>}
                  {row.source === "WALK_IN" && <span className="block text-sm text-muted">{t("table.walkIn")}</span>}
                </th>
                <td className="px-3 py-2">{row.organisation ?? t("table.none")}</td>
                <td className="px-3 py-2">
                  <RegistrationStatusBadge status={row.status} label={t(`status.${row.status}`)} />
                </td>
                <td className="px-3 py-2 text-sm">{workshops(row)}</td>
                <td className="px-3 py-2 tabular-nums">
                  <span className="block">{checkedIn(row)}</span>
                  {flags(row)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul aria-label={t("table.caption")} className="space-y-3 md:hidden">
        {rows.map((row) => (
          <li key={row.id} className="rounded-lg border border-line bg-white p-4">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h3 className="min-w-0 text-lg leading-snug">{name(row)}</h3>
              <RegistrationStatusBadge status={row.status} label={t(`status.${row.status}`)} />
            </div>
            {(row.organisation || row.email) && (
              <p className="mt-1 text-sm text-muted">
                {row.organisation && <span className="block">{row.organisation}</span>}
                {row.email && <span className="block break-all">{row.email}</span>}
              </p>
            )}
            {row.source === "WALK_IN" && <p className="text-sm text-muted">{t("table.walkIn")}</p>}
            <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-muted">{t("table.workshops")}</dt>
              <dd>{workshops(row)}</dd>
              <dt className="text-muted">{t("table.checkedIn")}</dt>
              <dd className="tabular-nums">
                {checkedIn(row)}
                {flags(row)}
              </dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
