import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { ReportView } from "@/components/reports/report-view";
import { PreviewNotice } from "@/components/site/preview-notice";
import { previewAccess } from "@/lib/auth/preview-access";
import { loadReportPreview } from "@/lib/reports/queries";

type Props = PageProps<"/[locale]/voorbeeld/sfeerverslagen/[slug]">;

// Read per request with the visitor's session (so never from a cache), and never indexed.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: "report" });
  return { title: t("previewTitle"), robots: { index: false, follow: false } };
}

// A report as the public will see it, for its organisation's members only: anyone else, signed in or not,
// gets the same 404 as for a report that does not exist.
export default async function ReportPreviewPage({ params }: Props) {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  setRequestLocale(locale);
  const preview = await loadReportPreview(slug);
  if (!preview) notFound();
  const access = await previewAccess(preview.organisationId);
  if (!access) notFound();
  const t = await getTranslations("report");
  return (
    <ReportView report={preview.report} locale={locale}>
      <PreviewNotice
        title={t("previewTitle")}
        text={preview.isPublic ? t("previewPublished") : t("previewText")}
        back={{ href: `/beheer/${access.organisation.slug}/sfeerverslagen/${preview.report.id}`, label: t("previewBack") }}
      />
    </ReportView>
  );
}
