import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { verifyCertificate } from "@/lib/certificates/queries";
import { formatHours } from "@/lib/certificates/hours";
import { formatDate } from "@/lib/format";

type Props = PageProps<"/[locale]/certificaat/[code]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "certificates.verify" });
  // Each code names a person: not for search engines, and not passed on to other sites.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

// Anyone holding a certificate's code (a register, an employer) sees that it is genuine: the name, the
// conference, its date and the hours, valid or revoked. Nothing else: no address, no sessions, no organisation
// data. Read per request from the certificate's own snapshot (lib/certificates/queries.ts).
export default async function VerifyCertificatePage({ params }: Props) {
  const { locale, code } = (await params) as { locale: Locale; code: string };
  setRequestLocale(locale);
  const t = await getTranslations("certificates.verify");
  const certificate = await verifyCertificate(code);

  return (
    <main className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-semibold leading-tight text-petrol-800">{t("title")}</h1>
      {!certificate ? (
        <div className="mt-6 rounded-xl border-2 border-bad-700 bg-bad-50 p-6">
          <h2 className="text-2xl font-semibold text-bad-700">
            <span aria-hidden>⚠ </span>
            {t("notFound")}
          </h2>
          <p className="mt-2">{t("notFoundHint")}</p>
        </div>
      ) : (
        <div className={`mt-6 rounded-xl border-2 p-6 ${certificate.revokedAt ? "border-bad-700 bg-bad-50" : "border-ok-700 bg-white"}`}>
          <h2 className={`text-2xl font-semibold ${certificate.revokedAt ? "text-bad-700" : "text-ok-700"}`}>
            <span aria-hidden>{certificate.revokedAt ? "⚠ " : "✓ "}</span>
            {certificate.revokedAt ? t("revoked") : t("valid")}
          </h2>
          {certificate.revokedAt && <p className="mt-2">{t("revokedHint")}</p>}
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
            <dt className="text-muted">{t("name")}</dt>
            <dd className="font-semibold">{certificate.holderName}</dd>
            <dt className="text-muted">{t("conference")}</dt>
            <dd>{certificate.conferenceTitle}</dd>
            <dt className="text-muted">{t("date")}</dt>
            <dd>{formatDate(certificate.conferenceStartsAt, locale)}</dd>
            <dt className="text-muted">{t("hours")}</dt>
            <dd>{formatHours(certificate.minutes, locale)}</dd>
          </dl>
        </div>
      )}
    </main>
  );
}
