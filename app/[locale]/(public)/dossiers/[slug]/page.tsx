import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocalizedLink as Link } from "@/components/site/localized-link";
import { ReportCard } from "@/components/reports/report-card";
import { getDossier } from "@/lib/dossiers/queries";
import { contentLang } from "@/lib/site/content-lang";
import { socialMetadata } from "@/lib/site/social";
import { pageAlternates } from "@/lib/site/urls";
import type { Locale } from "@/i18n/routing";

type Props = PageProps<"/[locale]/dossiers/[slug]">;

// A minute at most, so that a scheduled report in the dossier appears on time.
export const revalidate = 60;

export function generateStaticParams(): Array<{ slug: string }> {
  // `next build` runs without a database: every dossier is rendered on its first visit instead.
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  const dossier = await getDossier(slug);
  if (!dossier) return {};
  const t = await getTranslations({ locale, namespace: "site" });
  const path = `/dossiers/${slug}`;
  const cover = dossier.reports.find((r) => r.report.coverPhoto)?.report.coverPhoto;
  return {
    title: dossier.title,
    description: dossier.description || undefined,
    alternates: pageAlternates(locale, path),
    ...socialMetadata({ locale, path, title: dossier.title, description: dossier.description, cover, siteName: t("name") }),
  };
}

export default async function DossierPage({ params }: Props) {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  setRequestLocale(locale);
  const dossier = await getDossier(slug);
  if (!dossier) notFound();
  const t = await getTranslations("dossier");
  const lang = contentLang(locale);

  return (
    <main className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <p>
        <Link href="/dossiers" className="text-petrol-700 underline">
          <span aria-hidden>← </span>
          {t("back")}
        </Link>
      </p>
      <h1 lang={lang} className="mt-4 text-3xl font-semibold tracking-tight text-petrol-800 sm:text-4xl">
        {dossier.title}
      </h1>
      {dossier.description && (
        <p lang={lang} className="mt-3 max-w-3xl text-lg">
          {dossier.description}
        </p>
      )}
      <section aria-labelledby="dossier-reports" className="mt-10">
        <h2 id="dossier-reports" className="text-2xl font-semibold text-petrol-800">
          {t("reports")}
        </h2>
        {dossier.reports.length === 0 ? (
          <p className="mt-4 rounded-xl border border-line bg-white p-6">{t("noReports")}</p>
        ) : (
          <ol className="mt-4 grid gap-6 md:grid-cols-2 lg:grid-cols-3">
            {dossier.reports.map(({ report }) => (
              <li key={report.slug}>
                <ReportCard locale={locale} report={report} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
