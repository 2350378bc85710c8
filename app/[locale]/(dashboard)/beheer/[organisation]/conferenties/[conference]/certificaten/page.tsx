import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { CertificateSettingsForm } from "@/components/certificates/settings-form";
import { RevokeCertificateForm } from "@/components/certificates/revoke-form";
import { PageHeading } from "@/components/editor/page-heading";
import { secondaryButton } from "@/components/dashboard/styles";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { ORGANISE } from "@/lib/auth/roles";
import { certificateAdminView } from "@/lib/certificates/queries";
import { formatHours } from "@/lib/certificates/hours";
import { REGISTERS, REGISTER_NAMES } from "@/lib/certificates/registers";
import { formatShortDate, formatTimeRange } from "@/lib/format";
import { localizedPath } from "@/lib/site/paths";
import { dashboardMetadata } from "../../../../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]/conferenties/[conference]/certificaten">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "certificates.admin" });
  return dashboardMetadata(locale, t("title"));
}

export default async function CertificatesPage({ params }: Props) {
  const { locale, organisation: slug, conference: conferenceId } = (await params) as { locale: Locale; organisation: string; conference: string };
  setRequestLocale(locale);
  const base = `/beheer/${slug}/conferenties/${conferenceId}`;
  const access = await requireOrganisationPage(locale, slug, ORGANISE, `${base}/certificaten`);
  const view = await certificateAdminView(access.organisation.id, conferenceId);
  if (!view) notFound();
  const [t, tEditor, messages] = await Promise.all([getTranslations("certificates.admin"), getTranslations("conferenceEditor.messages"), getMessages()]);
  const hoursText = (minutes: number | null) => (minutes ? formatHours(minutes, locale) : "");

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <PageHeading back={{ href: base, label: tEditor("back") }} title={`${t("title")}: ${view.title}`} intro={t("intro")} />
      <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="instellingen" className="rounded-lg border border-line bg-white p-5">
          <h2 id="instellingen" className="sr-only">
            {t("title")}
          </h2>
          <NextIntlClientProvider messages={{ certificates: messages.certificates }}>
            <CertificateSettingsForm
              conferenceId={view.id}
              locale={locale}
              enabled={view.certificatesEnabled}
              conferenceCodes={view.conferenceCodes}
              sessions={view.sessions.map((s) => ({
                id: s.id,
                title: s.title,
                when: `${formatShortDate(s.startsAt, locale)}, ${formatTimeRange(s.startsAt, s.endsAt, locale)}`,
                hours: hoursText(s.minutes),
                codes: s.codes,
              }))}
            />
          </NextIntlClientProvider>
        </section>
        <div className="space-y-8">
          <section aria-labelledby="export">
            <h2 id="export" className="text-xl font-semibold text-petrol-800">
              {t("exportTitle")}
            </h2>
            <p className="mt-1 text-muted">{t("exportHint")}</p>
            <ul className="mt-3 space-y-2">
              {REGISTERS.map((register) => (
                <li key={register}>
                  <form method="post" action={localizedPath(locale, `${base}/certificaten/export/${register.toLowerCase()}`)}>
                    <button type="submit" className={secondaryButton}>
                      {t("exportButton", { register: REGISTER_NAMES[register], count: view.consentCounts[register] })}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="uitgegeven">
            <h2 id="uitgegeven" className="text-xl font-semibold text-petrol-800">
              {t("issued")}
            </h2>
            {view.certificates.length === 0 ? (
              <p className="mt-3">{t("noneIssued")}</p>
            ) : (
              <ul className="mt-3 divide-y divide-line rounded-lg border border-line bg-white">
                {view.certificates.map((certificate) => (
                  <li key={certificate.id} className="p-3">
                    <p className="font-semibold">{certificate.holderName}</p>
                    <p className="text-sm text-muted">
                      {t("hoursTotal")}: {formatHours(certificate.minutes, locale)} ·{" "}
                      {certificate.revokedAt ? (
                        <span className="font-semibold text-bad-700">
                          {t("revokedOn")} {formatShortDate(certificate.revokedAt, locale)}
                        </span>
                      ) : (
                        <span className="font-semibold text-ok-700">{t("valid")}</span>
                      )}{" "}
                      ·{" "}
                      <a href={localizedPath(locale, `/certificaat/${certificate.verificationCode}`)} className="text-petrol-700 underline">
                        {t("verifyLink")}
                      </a>
                    </p>
                    {!certificate.revokedAt && (
                      <NextIntlClientProvider messages={{ certificates: messages.certificates }}>
                        <RevokeCertificateForm certificateId={certificate.id} name={certificate.holderName} locale={locale} />
                      </NextIntlClientProvider>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </main>
  );
}
