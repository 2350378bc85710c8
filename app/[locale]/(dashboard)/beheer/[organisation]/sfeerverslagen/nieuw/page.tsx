import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { ReportEditor } from "@/components/reports/editor/report-editor";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { ORGANISE } from "@/lib/auth/roles";
import { getReportEditorOptions } from "@/lib/reports/admin-queries";
import { dashboardMetadata } from "../../../../dashboard-metadata";
import { editorOptions, newEditorReport } from "../editor-props";

type Props = PageProps<"/[locale]/beheer/[organisation]/sfeerverslagen/nieuw">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "reportEditor" });
  return dashboardMetadata(locale, t("newTitle"));
}

export default async function NewReportPage({ params }: Props) {
  const { locale, organisation: slug } = (await params) as { locale: Locale; organisation: string };
  setRequestLocale(locale);
  const access = await requireOrganisationPage(locale, slug, ORGANISE, `/beheer/${slug}/sfeerverslagen/nieuw`);
  const [options, t, messages] = await Promise.all([getReportEditorOptions(access.organisation.id), getTranslations("reportEditor"), getMessages()]);

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <p>
        <Link href={`/beheer/${slug}/sfeerverslagen`} className="inline-flex min-h-12 items-center font-semibold text-petrol-700 underline">
          ← {t("backToList")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold text-petrol-800 sm:text-3xl">{t("newTitle")}</h1>
      <p className="mb-6 mt-2 max-w-prose text-muted">{t("newIntro")}</p>
      <NextIntlClientProvider messages={{ reportEditor: messages.reportEditor, validation: messages.validation, report: messages.report }}>
        <ReportEditor
          report={newEditorReport()}
          options={editorOptions(options, locale)}
          organisationId={access.organisation.id}
          locale={locale}
        />
      </NextIntlClientProvider>
    </main>
  );
}
