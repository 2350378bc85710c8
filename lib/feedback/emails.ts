// The survey's emails: the invitation after the conference and the one reminder, in the attendee's language, each
// with the personal link (a token of 256 random bits minted for this email; only its hash is kept).
import type { OutboxEmail } from "@/lib/mail/outbox";
import { organiserHeaders, renderEmail, type EmailOrganiser } from "@/lib/mail/layout";
import { translatorsFor } from "@/lib/i18n/translator";
import { localizedUrl } from "@/lib/site/urls";
import { formatDate } from "@/lib/format";

const feedbackTranslator = translatorsFor("feedback");

type Locale = "nl" | "en";

export function surveyUrl(locale: Locale, token: string): string {
  return localizedUrl(locale, `/feedback/${token}`);
}

export type SurveyMailRecipient = {
  registrationId: string;
  name: string;
  email: string;
  locale: string;
  conference: { title: string; closesAt: Date; organisation: EmailOrganiser };
};

export function surveyEmail(recipient: SurveyMailRecipient, kind: "invitation" | "reminder", token: string): OutboxEmail {
  const locale: Locale = recipient.locale === "en" ? "en" : "nl";
  const t = feedbackTranslator(locale);
  const { title, closesAt, organisation } = recipient.conference;
  const subject = t(kind === "invitation" ? "mail.invitationSubject" : "mail.reminderSubject", { title });
  const rendered = renderEmail({
    locale,
    organiser: organisation,
    preheader: subject,
    heading: t("mail.heading", { name: recipient.name }),
    paragraphs: [
      t(kind === "invitation" ? "mail.invitationIntro" : "mail.reminderIntro", { title }),
      t("mail.anonymous"),
      t("mail.closes", { date: formatDate(closesAt, locale) }),
    ],
    action: { label: t("mail.action"), url: surveyUrl(locale, token) },
  });
  return { kind: `feedback.${kind}`, to: recipient.email, subject, text: rendered.text, html: rendered.html, headers: organiserHeaders(organisation) };
}
