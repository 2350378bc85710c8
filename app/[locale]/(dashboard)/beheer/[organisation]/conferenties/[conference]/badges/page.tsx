import "./badges.css";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { PrintButton } from "@/components/registrations-admin/print-button";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { ORGANISE } from "@/lib/auth/roles";
import { formatDate, formatTime } from "@/lib/format";
import { findAdminConference, listBadges, type Badge } from "@/lib/registrations/admin-queries";
import { dashboardMetadata } from "../../../../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]/conferenties/[conference]/badges">;

const PER_SHEET = 8;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "registrationsAdmin.badges" });
  return dashboardMetadata(locale, t("title"));
}

function sheets(badges: Badge[]): Badge[][] {
  const result: Badge[][] = [];
  for (let i = 0; i < badges.length; i += PER_SHEET) result.push(badges.slice(i, i + PER_SHEET));
  return result;
}

// A print-styled page rather than a PDF: the browser's own print dialog makes the PDF or the paper, with the
// fonts the page already has, and nothing to install on the server. The layout is in badges.css.
export default async function BadgesPage({ params }: Props) {
  const { locale, organisation: slug, conference: conferenceId } = (await params) as { locale: Locale; organisation: string; conference: string };
  setRequestLocale(locale);
  const path = `/beheer/${slug}/conferenties/${conferenceId}`;
  const access = await requireOrganisationPage(locale, slug, ORGANISE, `${path}/badges`);
  const conference = await findAdminConference(access.organisation.id, conferenceId);
  if (!conference) notFound();
  const [badges, t, tList] = await Promise.all([listBadges(conference.id), getTranslations("registrationsAdmin.badges"), getTranslations("registrationsAdmin")]);

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6 print:m-0 print:max-w-none print:p-0">
      <div className="mb-8 print:hidden">
        <Link href={`${path}/aanmeldingen`} className="inline-flex min-h-12 items-center font-semibold text-petrol-700 underline">
          <span aria-hidden>←&nbsp;</span>
          {tList("detail.backToList")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold text-petrol-800 sm:text-3xl">{t("title")}</h1>
        <p className="mt-1 text-lg font-semibold">{conference.title}</p>
        {badges.length === 0 ? (
          <p className="mt-4">{t("empty")}</p>
        ) : (
          <>
            <p className="mt-2 max-w-prose text-muted">{t("intro", { count: badges.length })}</p>
            <div className="mt-4">
              <PrintButton label={t("print")} />
            </div>
          </>
        )}
      </div>
      {sheets(badges).map((sheet, index) => (
        <section key={sheet[0]?.id ?? index} className="badge-sheet" aria-label={t("sheet", { number: index + 1 })}>
          {sheet.map((badge) => (
            <article key={badge.id} className="badge">
              <p className="text-[9pt] font-semibold uppercase tracking-wide text-petrol-700">{conference.title}</p>
              <p className="mt-[4mm] text-[20pt] font-bold leading-tight text-ink">{badge.name}</p>
              {badge.organisation && <p className="mt-[1mm] text-[12pt] leading-snug text-ink">{badge.organisation}</p>}
              {badge.workshops.length > 0 && (
                <ul className="mt-auto space-y-[0.5mm] border-t border-petrol-200 pt-[2mm] text-[8.5pt] leading-snug text-ink">
                  {badge.workshops.map((workshop) => (
                    <li key={workshop.title}>
                      <span className="font-semibold tabular-nums">{formatTime(workshop.startsAt, locale)}</span> {workshop.title}
                      {workshop.room && <span className="text-muted"> · {workshop.room.name}</span>}
                    </li>
                  ))}
                </ul>
              )}
              {badge.workshops.length === 0 && <p className="mt-auto text-[8.5pt] text-muted">{formatDate(conference.startsAt, locale)}</p>}
            </article>
          ))}
        </section>
      ))}
    </main>
  );
}
