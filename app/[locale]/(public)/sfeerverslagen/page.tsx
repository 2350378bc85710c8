import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ReportCard } from "@/components/reports/report-card";
import { Pagination, pageHref } from "@/components/site/pagination";
import { listReportsPage } from "@/lib/reports/queries";
import { FEEDS, pageAlternates } from "@/lib/site/urls";
import type { Locale } from "@/i18n/routing";

type Props = PageProps<"/[locale]/sfeerverslagen">;

const PATH = "/sfeerverslagen";

// ?pagina=N with N a plain positive number; anything else is a page that does not exist.
function pageNumber(raw: string | string[] | undefined): number | null {
  if (raw === undefined) return 1;
  return typeof raw === "string" && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const page = pageNumber((await searchParams).pagina) ?? 1;
  const t = await getTranslations({ locale, namespace: "report" });
  return {
    title: page > 1 ? t("pageTitle", { page }) : t("listTitle"),
    description: t("listIntro"),
    alternates: pageAlternates(locale, pageHref(PATH, page)),
  };
}

// ?pagina=N can only be read per request (the locale layout would otherwise prerender this page and fail on
// searchParams). Rendering stays cheap: the reports come from the tagged data cache, not from the database.
export const dynamic = "force-dynamic";

export default async function ReportsPage({ params, searchParams }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const page = pageNumber((await searchParams).pagina);
  if (page === null) notFound();
  const { reports, pageCount } = await listReportsPage(String(page));
  if (page > pageCount) notFound();
  const t = await getTranslations("report");

  return (
    <main className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-semibold tracking-tight text-petrol-800 sm:text-4xl">{t("listTitle")}</h1>
      <p className="mt-3 max-w-2xl text-lg text-muted">{t("listIntro")}</p>
      {reports.length === 0 ? (
        <p className="mt-8 rounded-xl border border-line bg-white p-6">{t("listEmpty")}</p>
      ) : (
        <ul className="mt-8 grid gap-6 md:grid-cols-2 lg:grid-cols-3">
          {reports.map((report, index) => (
            <li key={report.slug}>
              <ReportCard locale={locale} report={report} headingLevel="h2" priority={index === 0} />
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        path={PATH}
        labels={{
          nav: t("pagination.nav"),
          previous: t("pagination.previous"),
          next: t("pagination.next"),
          status: t("pagination.status", { page, count: pageCount }),
        }}
      />
      <p className="mt-10">
        <a href={FEEDS.reports} className="font-semibold text-petrol-700 underline">
          {t("feed")}
        </a>
      </p>
    </main>
  );
}
