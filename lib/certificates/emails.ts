// The email after the conference (issue 15): a link to the certificate. The link is the person's manage link
// (a token stored hashed, lib/registrations/manage-links.ts), so nothing in it can be guessed and the same
// certificate downloads from the manage page.
import type { OutboxEmail } from "@/lib/mail/outbox";
import { organiserHeaders, renderEmail } from "@/lib/mail/layout";
import { translatorsFor } from "@/lib/i18n/translator";
import { formatDateTimeRange } from "@/lib/format";
import { absoluteUrl, localizedUrl } from "@/lib/site/urls";

const translators = translatorsFor("certificates");

/** Where the certificate of a manage link downloads (a PDF in this language); the manage page links it too. */
export function certificateDownloadPath(token: string, locale: "nl" | "en"): string {
  return `/api/manage/${token}/certificate${locale === "en" ? "?taal=en" : ""}`;
}

export function certificateEmail(
  recipient: { name: string; email: string; locale: string; title: string; startsAt: Date; endsAt: Date; organisationName: string; contactEmail: string | null },
  manageToken: string,
): OutboxEmail {
  const locale = recipient.locale === "en" ? "en" : "nl";
  const t = translators(locale);
  const organiser = { name: recipient.organisationName, contactEmail: recipient.contactEmail };
  const subject = t("mail.subject", { title: recipient.title });
  const rendered = renderEmail({
    locale,
    organiser,
    preheader: subject,
    heading: t("mail.heading", { name: recipient.name }),
    paragraphs: [
      t("mail.intro", { title: recipient.title, when: formatDateTimeRange(recipient.startsAt, recipient.endsAt, locale) }),
      // The manage page (lib/registrations/emails.ts's manageUrl; not imported: lib/registrations builds on this).
      t("mail.manage", { url: localizedUrl(locale, `/aanmelding/${manageToken}`) }),
    ],
    action: { label: t("mail.action"), url: absoluteUrl(certificateDownloadPath(manageToken, locale)) },
  });
  return { kind: "certificate.issued", to: recipient.email, subject, text: rendered.text, html: rendered.html, headers: organiserHeaders(organiser) };
}
