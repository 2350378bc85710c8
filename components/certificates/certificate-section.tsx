// The manage page's certificate section (issue 15): the download once a certificate was issued, and the
// registry numbers with the consent while certificates are on. A server component: the page only places it.
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { updateRegistryNumbersAction } from "@/lib/registrations/registry-actions";
import { certificateDownloadPath } from "@/lib/certificates/emails";
import { certificateOfRegistration, certificatesEnabled, registryNumbersOf } from "@/lib/certificates/queries";
import { RegistryNumbersForm } from "./registry-form";

export async function CertificateSection({ token, registrationId, conferenceId, locale }: { token: string; registrationId: string; conferenceId: string; locale: "nl" | "en" }) {
  const [enabled, certificate] = await Promise.all([certificatesEnabled(conferenceId), certificateOfRegistration(registrationId)]);
  if (!enabled && !certificate) return null;
  const [t, messages, registry] = await Promise.all([getTranslations("certificates.manage"), getMessages(), registryNumbersOf(registrationId)]);
  return (
    <section aria-labelledby="certificaat" className="mt-10">
      <h2 id="certificaat" className="text-xl font-semibold text-petrol-800">
        {t("title")}
      </h2>
      {certificate ? (
        certificate.revokedAt ? (
          <p className="mt-2 rounded-md border-2 border-bad-700 bg-bad-50 p-3 font-semibold text-bad-700">
            <span aria-hidden>⚠ </span>
            {t("revokedNote")}
          </p>
        ) : (
          <p className="mt-2">
            <a href={certificateDownloadPath(token, locale)} className="inline-flex min-h-11 items-center font-semibold text-petrol-700 underline">
              {t("download")}
            </a>
            <span className="block text-muted">{t("downloadHint")}</span>
          </p>
        )
      ) : (
        <p className="mt-2 text-muted">{t("notYet")}</p>
      )}
      {enabled && (
        <>
          <p className="mt-4">{t("numbersHint")}</p>
          <NextIntlClientProvider messages={{ certificates: messages.certificates, registration: { optional: (messages.registration as Record<string, unknown>).optional } }}>
            <RegistryNumbersForm action={updateRegistryNumbersAction.bind(null, token)} numbers={registry.numbers} consent={registry.consent} />
          </NextIntlClientProvider>
        </>
      )}
    </section>
  );
}
