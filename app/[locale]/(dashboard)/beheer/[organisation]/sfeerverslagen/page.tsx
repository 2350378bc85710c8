import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { primaryButton } from "@/components/dashboard/styles";
import { ReportStatusBadge, reportDisplayStatus } from "@/components/reports/editor/report-status-badge";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { ORGANISE } from "@/lib/auth/roles";
import { formatShortDate } from "@/lib/format";
import { listOrganisationReports } from "@/lib/reports/admin-queries";
import { dashboardMetadata } from "../../../dashboard-metadata";
import { publishedLabel } from "./editor-props";

type Props = PageProps<"/[locale]/beheer/[organisation]/sfeerverslagen">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "reportEditor" });
  return dashboardMetadata(locale, t("listTitle"));
}

// The organisation's reports, newest change first, each with where it stands: draft, scheduled or published.
export default async function ReportsPage({ params }: Props) {
  const { locale, organisation: slug } = (await params) as { locale: Locale; organisation: string };
  setRequestLocale(locale);
  const access = await requireOrganisationPage(locale, slug, ORGANISE, `/beheer/${slug}/sfeerverslagen`);
  const [reports, t] = await Promise.all([listOrganisationReports(access.organisation.id), getTranslations("reportEditor")]);
  const now = new Date();

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-petrol-800 sm:text-3xl">{t("listTitle")}</h1>
          <p className="mt-2 max-w-prose text-muted">{t("listIntro")}</p>
        </div>
        <Link href={`/beheer/${slug}/sfeerverslagen/nieuw`} className={primaryButton}>
          {t("new")}
        </Link>
      </div>

      {reports.length === 0 ? (
        <p className="mt-8 rounded-xl border border-line bg-white p-5 text-muted">{t("listEmpty")}</p>
      ) : (
        <ul className="mt-6 divide-y divide-line rounded-xl border border-line bg-white">
          {reports.map((report) => {
            const status = reportDisplayStatus(report.status, report.publishedAt, now);
            const when = publishedLabel(report.status, report.publishedAt, locale);
            return (
              <li key={report.id} className="flex flex-wrap items-start justify-between gap-3 p-4">
                <div className="min-w-0">
                  <Link href={`/beheer/${slug}/sfeerverslagen/${report.id}`} className="text-lg font-semibold text-petrol-700 underline">
                    {report.title}
                  </Link>
                  <p className="text-sm text-muted">
                    {report.conference && <>{report.conference.title} · </>}
                    {t("updated", { date: formatShortDate(report.updatedAt, locale) })}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-3">
                  <ReportStatusBadge status={status} label={t(`statusBadge.${status}`, { date: when ?? "" })} />
                  {status === "published" && (
                    <Link
                      href={`/sfeerverslagen/${report.slug}`}
                      className="inline-flex min-h-12 items-center font-semibold text-petrol-700 underline"
                      aria-label={t("publicPageOf", { title: report.title })}
                    >
                      {t("publicPage")}
                    </Link>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}
