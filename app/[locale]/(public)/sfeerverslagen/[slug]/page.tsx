import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { JsonLd } from "@/components/json-ld";
import { ReportView } from "@/components/reports/report-view";
import { getPublishedReport, type PublishedReport } from "@/lib/reports/queries";
import { articleJsonLd } from "@/lib/seo/article-json-ld";
import { socialMetadata } from "@/lib/site/social";
import { absoluteUrl, localizedUrl, mediaPath, pageAlternates } from "@/lib/site/urls";
import type { Locale } from "@/i18n/routing";

type Props = PageProps<"/[locale]/sfeerverslagen/[slug]">;

// Rendered on first visit and then served from the cache until the report's tag is revalidated (or a minute
// has passed, so a scheduled report appears on time).
export const revalidate = 60;

export function generateStaticParams(): Array<{ slug: string }> {
  // `next build` runs without a database: every report is rendered on its first visit instead.
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  const report = await getPublishedReport(slug);
  if (!report) return {};
  const t = await getTranslations({ locale, namespace: "site" });
  const path = `/sfeerverslagen/${slug}`;
  return {
    title: report.title,
    description: report.lead || undefined,
    alternates: pageAlternates(locale, path),
    ...socialMetadata({
      locale,
      path,
      title: report.title,
      description: report.lead,
      cover: report.coverPhoto,
      type: "article",
      publishedAt: report.publishedAt,
      siteName: t("name"),
    }),
  };
}

function structuredData(report: PublishedReport, locale: Locale) {
  return articleJsonLd({
    url: localizedUrl(locale, `/sfeerverslagen/${report.slug}`),
    title: report.title,
    lead: report.lead,
    publishedAt: report.publishedAt ?? report.createdAt,
    updatedAt: report.updatedAt,
    image: report.coverPhoto ? absoluteUrl(mediaPath(report.coverPhoto.file)) : null,
    authorName: report.authorName,
    publisher: { name: report.organisation.name, url: report.organisation.website },
    about: report.conference
      ? { name: report.conference.title, url: localizedUrl(locale, `/conferenties/${report.conference.slug}`) }
      : null,
    speakers: report.speakers.map(({ speaker }) => ({
      name: speaker.name,
      url: localizedUrl(locale, `/sprekers/${speaker.slug}`),
    })),
  });
}

export default async function ReportPage({ params }: Props) {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  setRequestLocale(locale);
  const report = await getPublishedReport(slug);
  if (!report) notFound();
  return (
    <ReportView report={report} locale={locale}>
      <JsonLd data={structuredData(report, locale)} />
    </ReportView>
  );
}
