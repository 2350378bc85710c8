// The emails of offers with a claim window (issue 16, point 7; prisma/sql/places.sql): the offer, with its
// deadline and a link to the page where the person claims or declines it, and the notice that it ended.
import type { OutboxEmail } from "@/lib/mail/outbox";
import { organiserHeaders, renderEmail } from "@/lib/mail/layout";
import { translatorsFor } from "@/lib/i18n/translator";
import { formatDateTime, formatDateTimeRange } from "@/lib/format";
import { manageUrl, type MailRegistration } from "./emails";

const offersTranslator = translatorsFor("offers");

/** The page of one offer, opened with the person's manage link (./manage-links.ts): two buttons, nothing on opening. */
export function offerPageUrl(locale: "nl" | "en", manageToken: string, offerId: string): string {
  return `${manageUrl(locale, manageToken)}/aanbod/${encodeURIComponent(offerId)}`;
}

function about(registration: MailRegistration, sessionId: string | null) {
  const locale = registration.locale === "en" ? "en" : "nl";
  const t = offersTranslator(locale);
  const workshop = sessionId ? (registration.choices.find((c) => c.sessionId === sessionId)?.session.title ?? "") : null;
  return { locale, t, workshop, organiser: registration.conference.organisation, headers: organiserHeaders(registration.conference.organisation) } as const;
}

export function placeOfferEmail(registration: MailRegistration, manageToken: string, offer: { offerId: string; sessionId: string | null; expiresAt: Date }): OutboxEmail {
  const { locale, t, workshop, organiser, headers } = about(registration, offer.sessionId);
  const title = registration.conference.title;
  const page = offerPageUrl(locale, manageToken, offer.offerId);
  const until = formatDateTime(offer.expiresAt, locale);
  const subject = workshop === null ? t("mail.subject", { title }) : t("mail.subjectWorkshop", { workshop });
  const rendered = renderEmail({
    locale,
    organiser,
    preheader: subject,
    heading: t("mail.heading", { name: registration.name }),
    paragraphs: [
      workshop === null ? t("mail.intro", { title }) : t("mail.introWorkshop", { workshop, title }),
      `${t("mail.when")}: ${formatDateTimeRange(registration.conference.startsAt, registration.conference.endsAt, locale)}`,
      t("mail.until", { until }),
      t("mail.decline", { url: `${page}?antwoord=nee` }),
    ],
    action: { label: t("mail.claim"), url: page },
  });
  return { kind: "registration.placeOffer", to: registration.email, subject, text: rendered.text, html: rendered.html, headers };
}

/** `workshop`: the workshop's title, from the draft (the waiting choice is gone by now); null for a conference place. */
export function offerEndedEmail(registration: MailRegistration, offer: { workshop: string | null; status: "DECLINED" | "EXPIRED" }): OutboxEmail {
  const { locale, t, organiser, headers } = about(registration, null);
  const workshop = offer.workshop;
  const title = registration.conference.title;
  const subject = t("mail.endedSubject", { title });
  const what = workshop === null ? t("mail.endedConference", { title }) : t("mail.endedWorkshop", { workshop });
  const rendered = renderEmail({
    locale,
    organiser,
    preheader: subject,
    heading: t("mail.heading", { name: registration.name }),
    paragraphs: [offer.status === "EXPIRED" ? t("mail.expired", { what }) : t("mail.declined", { what })],
  });
  return { kind: "registration.offerEnded", to: registration.email, subject, text: rendered.text, html: rendered.html, headers };
}
