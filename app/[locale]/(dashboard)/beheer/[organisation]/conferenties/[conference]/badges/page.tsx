import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { Photo } from "@/components/photo";
import { BadgeSheets } from "@/components/registrations-admin/badge-sheets";
import { LogoForm } from "@/components/registrations-admin/logo-form";
import { PrintButton } from "@/components/registrations-admin/print-button";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { ORGANISE } from "@/lib/auth/roles";
import { badgeBranding, findAdminConference, listBadges } from "@/lib/registrations/admin-queries";
import { dashboardMetadata } from "../../../../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]/conferenties/[conference]/badges">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "registrationsAdmin.badges" });
  return dashboardMetadata(locale, t("title"));
}

const backLink = "inline-flex min-h-12 items-center font-semibold text-petrol-700 underline";

// A print-styled page rather than a PDF: the browser's own print dialog makes the PDF or the paper, with the
// fonts the page already has, and nothing to install on the server. Every confirmed person's badge, or with
// ?aanmelding=<id> one person's (a reprint, from their page).
export default async function BadgesPage({ params, searchParams }: Props) {
  const { locale, organisation: slug, conference: conferenceId } = (await params) as { locale: Locale; organisation: string; conference: string };
  setRequestLocale(locale);
  const path = `/beheer/${slug}/conferenties/${conferenceId}`;
  const access = await requireOrganisationPage(locale, slug, ORGANISE, `${path}/badges`);
  const conference = await findAdminConference(access.organisation.id, conferenceId);
  if (!conference) notFound();
  const one = (await searchParams).aanmelding;
  const registrationId = typeof one === "string" && one.length <= 40 ? one : undefined;
  const [badges, branding, t, tList, messages] = await Promise.all([
    listBadges(conference.id, registrationId),
    badgeBranding(conference.id),
    getTranslations("registrationsAdmin.badges"),
    getTranslations("registrationsAdmin"),
    getMessages(),
  ]);
  const single = registrationId !== undefined;

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6 print:m-0 print:max-w-none print:p-0">
      <div className="mb-8 print:hidden">
        {single ? (
          <Link href={`${path}/aanmeldingen/${registrationId}`} className={backLink}>
            <span aria-hidden>←&nbsp;</span>
            {t("backToPerson")}
          </Link>
        ) : (
          <Link href={`${path}/aanmeldingen`} className={backLink}>
            <span aria-hidden>←&nbsp;</span>
            {tList("detail.backToList")}
          </Link>
        )}
        <h1 className="mt-2 text-2xl font-semibold text-petrol-800 sm:text-3xl">{single ? t("titleOne") : t("title")}</h1>
        <p className="mt-1 text-lg font-semibold">{conference.title}</p>
        {badges.length === 0 ? (
          <p className="mt-4">{single ? t("notConfirmed") : t("empty")}</p>
        ) : (
          <>
            <p className="mt-2 max-w-prose text-muted">{single ? t("introOne") : t("intro", { count: badges.length })}</p>
            <div className="mt-4">
              <PrintButton label={t("print")} />
            </div>
          </>
        )}
        {!single && (
          <details className="mt-6 max-w-xl rounded-lg border border-line bg-white p-4">
            <summary className="min-h-10 cursor-pointer font-semibold text-petrol-800">{branding.logo ? t("logo.titleWith") : t("logo.title")}</summary>
            <div className="mt-3 space-y-4">
              <p className="text-sm text-muted">{t("logo.intro", { organisation: branding.organisationName })}</p>
              {branding.logo && (
                <div className="rounded-md border border-line p-3">
                  <Photo photo={branding.logo} sizes="200px" className="h-16 w-auto" />
                </div>
              )}
              <NextIntlClientProvider messages={{ editor: messages.editor, registrationsAdmin: { badges: { logo: messages.registrationsAdmin.badges.logo } } }}>
                <LogoForm organisationId={access.organisation.id} hasLogo={branding.logo !== null} locale={locale} />
              </NextIntlClientProvider>
            </div>
          </details>
        )}
      </div>
      <BadgeSheets badges={badges} branding={branding} locale={locale} />
    </main>
  );
}
