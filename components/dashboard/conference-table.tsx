import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { formatDateTimeRange } from "@/lib/format";
import type { DashboardConference } from "@/lib/organisations/queries";
import { StatusBadge } from "./status-badge";

type Props = { conferences: DashboardConference[]; locale: Locale; caption: string; organisationSlug: string };

// Check-in is for the day itself (and the evening after); an old conference needs no door.
function checkInOpen(c: DashboardConference): boolean {
  return c.status === "PUBLISHED" && c.endsAt.getTime() > Date.now() - 24 * 60 * 60 * 1000;
}

const linkClass = "inline-flex min-h-12 items-center font-semibold text-petrol-700 underline md:min-h-0 md:py-1";

/**
 * Dense on a desk (a table), stacked on a phone (one card per conference). Both are rendered and one is
 * hidden with display:none, which also hides it from screen readers, so nothing is read twice.
 */
export async function ConferenceTable({ conferences, locale, caption, organisationSlug }: Props) {
  const t = await getTranslations("dashboard.conferences");
  const tEditor = await getTranslations("conferenceEditor");
  // The title opens the conference's editor (details, programme, registrations).
  const title = (c: DashboardConference) => (
    <Link
      href={`/beheer/${organisationSlug}/conferenties/${c.id}`}
      className="font-semibold text-petrol-800 underline decoration-petrol-200 underline-offset-4 hover:decoration-petrol-700"
      aria-label={tEditor("editConference", { title: c.title })}
    >
      {c.title}
    </Link>
  );
  const tRegistrations = await getTranslations("registrationsAdmin");

  const confirmed = (c: DashboardConference) => (
    <>
      {t("confirmedOf", { confirmed: c.confirmed, capacity: c.capacity })}
      {c.confirmed >= c.capacity && c.capacity > 0 && (
        <span className="ml-1 font-semibold text-accent-700">({t("full")})</span>
      )}
    </>
  );

  // The conference's own waiting list, and the places in line for its workshops (a full workshop has one too).
  const waitlist = (c: DashboardConference) => (
    <>
      <span className="block">{c.waitlisted}</span>
      {c.workshopWaitlisted > 0 && <span className="block text-sm font-normal text-muted">{t("workshopWaitlist", { count: c.workshopWaitlisted })}</span>}
    </>
  );

  const links = (c: DashboardConference) => (
    <>
      <Link
        href={`/beheer/${organisationSlug}/conferenties/${c.id}/aanmeldingen`}
        className={linkClass}
        aria-label={tRegistrations("linkOf", { title: c.title })}
      >
        {tRegistrations("link")}
      </Link>
      {c.status !== "DRAFT" && (
        <Link href={`/conferenties/${c.slug}`} className={linkClass} aria-label={t("publicPageOf", { title: c.title })}>
          {t("publicPage")}
        </Link>
      )}
      {checkInOpen(c) && (
        <Link href={`/checkin/${c.slug}`} className={linkClass} aria-label={t("checkInAt", { title: c.title })}>
          {t("checkIn")}
        </Link>
      )}
    </>
  );

  return (
    <>
      <table className="hidden w-full table-fixed border-collapse text-left md:table">
        <caption className="sr-only">{caption}</caption>
        {/* Fixed widths, so the upcoming and the past table line up under each other. */}
        <colgroup>
          <col className="w-[38%]" />
          <col className="w-[15%]" />
          <col className="w-[12%]" />
          <col className="w-[10%]" />
          <col className="w-[10%]" />
          <col className="w-[15%]" />
        </colgroup>
        <thead>
          <tr className="border-b-2 border-petrol-200 text-sm text-muted">
            <th scope="col" className="py-2 pr-4 font-semibold">{t("columns.conference")}</th>
            <th scope="col" className="py-2 pr-4 font-semibold">{t("columns.status")}</th>
            <th scope="col" className="py-2 pr-4 text-right font-semibold">{t("columns.confirmed")}</th>
            <th scope="col" className="py-2 pr-4 text-right font-semibold">{t("columns.waitlist")}</th>
            <th scope="col" className="py-2 pr-4 text-right font-semibold">{t("columns.checkedIn")}</th>
            <th scope="col" className="py-2 font-semibold">{t("columns.links")}</th>
          </tr>
        </thead>
        <tbody>
          {conferences.map((c) => (
            <tr key={c.id} className="border-b border-line align-top">
              <th scope="row" className="py-3 pr-4 font-normal">
                <span className="block">{title(c)}</span>
                <span className="block text-sm text-muted">{formatDateTimeRange(c.startsAt, c.endsAt, locale)}</span>
              </th>
              <td className="py-3 pr-4">
                <StatusBadge status={c.status} label={t(`status.${c.status}`)} />
              </td>
              <td className="py-3 pr-4 text-right tabular-nums">{confirmed(c)}</td>
              <td className="py-3 pr-4 text-right tabular-nums">{waitlist(c)}</td>
              <td className="py-3 pr-4 text-right tabular-nums">{c.checkedIn}</td>
              <td className="py-3">
                <div className="flex flex-col items-start gap-1">{links(c)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <ul className="space-y-3 md:hidden">
        {conferences.map((c) => (
          <li key={c.id} className="rounded-lg border border-line bg-white p-4">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h3 className="leading-snug">{title(c)}</h3>
              <StatusBadge status={c.status} label={t(`status.${c.status}`)} />
            </div>
            <p className="mt-1 text-sm text-muted">{formatDateTimeRange(c.startsAt, c.endsAt, locale)}</p>
            <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
              <div>
                <dt className="text-muted">{t("columns.confirmed")}</dt>
                <dd className="font-semibold tabular-nums">{confirmed(c)}</dd>
              </div>
              <div>
                <dt className="text-muted">{t("columns.waitlist")}</dt>
                <dd className="font-semibold tabular-nums">{waitlist(c)}</dd>
              </div>
              <div>
                <dt className="text-muted">{t("columns.checkedIn")}</dt>
                <dd className="font-semibold tabular-nums">{c.checkedIn}</dd>
              </div>
            </dl>
            <div className="mt-2 flex flex-wrap gap-x-5">{links(c)}</div>
          </li>
        ))}
      </ul>
    </>
  );
}
