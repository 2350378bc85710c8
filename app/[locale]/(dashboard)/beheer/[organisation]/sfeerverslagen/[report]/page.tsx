import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { FormMessage } from "@/components/dashboard/form-message";
import { ReportEditor } from "@/components/reports/editor/report-editor";
import { ReportStatusBadge, reportDisplayStatus } from "@/components/reports/editor/report-status-badge";
import { UnpublishForm } from "@/components/reports/editor/unpublish-form";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { ORGANISE } from "@/lib/auth/roles";
import { getReportEditorOptions, getReportForEditing } from "@/lib/reports/admin-queries";
import { reportPreviewPath } from "@/lib/site/paths";
import { dashboardMetadata } from "../../../../dashboard-metadata";
import { editorOptions, editorReport } from "../editor-props";

type Props = PageProps<"/[locale]/beheer/[organisation]/sfeerverslagen/[report]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "reportEditor" });
  return dashboardMetadata(locale, t("editTitle"));
}

const SAVED = ["DRAFT", "SCHEDULED", "PUBLISHED"] as const;

// One report of this organisation; another organisation's report id (or an unknown one) is the 404 page.
export default async function EditReportPage({ params, searchParams }: Props) {
  const { locale, organisation: slug, report: reportId } = (await params) as { locale: Locale; organisation: string; report: string };
  setRequestLocale(locale);
  const access = await requireOrganisationPage(locale, slug, ORGANISE, `/beheer/${slug}/sfeerverslagen/${reportId}`);
  const [report, options, t, messages, query] = await Promise.all([
    getReportForEditing(access.organisation.id, reportId),
    getReportEditorOptions(access.organisation.id),
    getTranslations("reportEditor"),
    getMessages(),
    searchParams,
  ]);
  if (!report) notFound();
  const props = editorReport(report, locale);
  const status = reportDisplayStatus(report.status, report.publishedAt, new Date());
  // Just created on the new-report page, which redirected here.
  const saved = SAVED.find((s) => s === query.opgeslagen);

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <p>
        <Link href={`/beheer/${slug}/sfeerverslagen`} className="inline-flex min-h-12 items-center font-semibold text-petrol-700 underline">
          ← {t("backToList")}
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold text-petrol-800 sm:text-3xl">{report.title}</h1>
        <ReportStatusBadge status={status} label={t(`statusBadge.${status}`, { date: props.publishedLabel ?? "" })} />
      </div>
      <p className="mt-1">
        {status === "published" ? (
          <Link href={`/sfeerverslagen/${report.slug}`} className="inline-flex min-h-12 items-center font-semibold text-petrol-700 underline">
            {t("publicPage")}
          </Link>
        ) : (
          // The saved version, exactly as the public will see it (the editor's own preview follows the typing).
          <Link href={reportPreviewPath(report.slug)} className="inline-flex min-h-12 items-center font-semibold text-petrol-700 underline">
            {t("previewSaved")}
          </Link>
        )}
      </p>
      {saved && (
        <div className="my-4">
          <FormMessage kind="ok">{t(`done.${saved}`)}</FormMessage>
        </div>
      )}
      <div className="mt-6">
        <NextIntlClientProvider messages={{ reportEditor: messages.reportEditor, validation: messages.validation, report: messages.report }}>
          <ReportEditor
            key={report.updatedAt.toISOString()}
            report={props}
            options={editorOptions(options, locale)}
            organisationId={access.organisation.id}
            locale={locale}
          />
          {report.status !== "DRAFT" && (
            <section aria-labelledby="unpublish" className="mt-8 max-w-3xl rounded-xl border border-line bg-white p-5">
              <h2 id="unpublish" className="text-xl font-semibold text-petrol-800">
                {t("unpublishTitle")}
              </h2>
              <p className="mb-3 mt-1">{t("unpublishText")}</p>
              <UnpublishForm reportId={report.id} />
            </section>
          )}
        </NextIntlClientProvider>
      </div>
    </main>
  );
}
