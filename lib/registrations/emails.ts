import type { OutboxEmail } from "@/lib/mail/outbox";
import { renderEmail } from "@/lib/mail/layout";
import { translatorsFor } from "@/lib/i18n/translator";
import { calendar } from "@/lib/calendar/ics";
import { localizedUrl } from "@/lib/site/urls";
import { formatDateTimeRange, formatDoorCode, formatTimeRange } from "@/lib/format";
import { ticketQrPng } from "./ticket-qr";

const registrationTranslator = translatorsFor("registration");

type Locale = "nl" | "en";

export type ConferenceForMail = {
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  venue: { name: string; street: string; postalCode: string; city: string } | null;
};

export function manageUrl(locale: Locale, token: string): string {
  return localizedUrl(locale, `/aanmelding/${token}`);
}

function venueLine(conference: ConferenceForMail): string {
  const v = conference.venue;
  return v ? `${v.name}, ${v.street}, ${v.postalCode} ${v.city}` : "";
}

export function conferenceIcs(conference: ConferenceForMail & { id?: string }, locale: Locale): string {
  return calendar([
    {
      uid: `${conference.slug}@podium`,
      title: conference.title,
      location: venueLine(conference) || undefined,
      url: localizedUrl(locale, `/conferenties/${conference.slug}`),
      startsAt: conference.startsAt,
      endsAt: conference.endsAt,
      cancelled: conference.status === "CANCELLED",
    },
  ]);
}

// What the emails need to know about a registration: what the mail worker reads for a batch of drafts in one
// statement (./draft-emails.ts).
export type MailRegistration = {
  name: string;
  email: string;
  locale: string;
  ticketCode: string;
  /** What a host can type at the door instead of the ticket code (lib/checkin, issue 14). */
  doorCode: string | null;
  conference: ConferenceForMail;
  choices: Array<{
    sessionId: string;
    status: "CONFIRMED" | "WAITLISTED";
    session: { title: string; startsAt: Date; endsAt: Date; room: { name: string } | null };
  }>;
};

function workshopLines(registration: MailRegistration, locale: Locale): string[] {
  const t = registrationTranslator(locale);
  return [...registration.choices]
    .sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime())
    .map((c) => {
      const when = formatTimeRange(c.session.startsAt, c.session.endsAt, locale);
      const room = c.session.room ? `, ${c.session.room.name}` : "";
      const state = c.status === "WAITLISTED" ? ` (${t("mail.workshopWaitlisted")})` : "";
      return `${when}: ${c.session.title}${room}${state}`;
    });
}

// The ticket: QR code of the ticket code (inline and attached), the code in text, date, venue, workshops,
// an .ics file and the personal manage link.
function ticketEmail(registration: MailRegistration, manageToken: string, kind: string, intro: string): OutboxEmail {
  const locale = (registration.locale === "en" ? "en" : "nl") as Locale;
  const t = registrationTranslator(locale);
  const conference = registration.conference;
  // See ticket-qr.ts for why this is not QRCode.toBuffer.
  const qr = ticketQrPng(registration.ticketCode);
  const workshops = workshopLines(registration, locale);
  const paragraphs = [
    intro,
    `${t("mail.when")}: ${formatDateTimeRange(conference.startsAt, conference.endsAt, locale)}`,
    ...(conference.venue ? [`${t("mail.where")}: ${venueLine(conference)}`] : []),
    ...(workshops.length > 0 ? [`${t("mail.workshops")}:\n${workshops.join("\n")}`] : []),
    `${t("mail.ticketCode")}: ${registration.ticketCode}`,
    t("mail.showQr"),
    ...(registration.doorCode ? [t("mail.doorCode", { code: formatDoorCode(registration.doorCode) })] : []),
    t("mail.manageHint"),
  ];
  const rendered = renderEmail({
    locale,
    preheader: t("mail.ticketPreheader", { title: conference.title }),
    heading: t("mail.ticketHeading", { name: registration.name }),
    paragraphs,
    image: { cid: "ticket-qr", alt: t("mail.qrAlt", { code: registration.ticketCode }), width: 240, height: 240 },
    action: { label: t("mail.manageAction"), url: manageUrl(locale, manageToken) },
  });
  return {
    kind,
    to: registration.email,
    subject: t("mail.ticketSubject", { title: conference.title }),
    text: rendered.text,
    html: rendered.html,
    attachments: [
      { filename: "ticket-qr.png", contentType: "image/png", content: qr, cid: "ticket-qr" },
      { filename: `${conference.slug}.ics`, contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: Buffer.from(conferenceIcs(conference, locale)) },
    ],
  };
}

function waitlistEmail(registration: MailRegistration, manageToken: string, position: number): OutboxEmail {
  const locale = (registration.locale === "en" ? "en" : "nl") as Locale;
  const t = registrationTranslator(locale);
  const rendered = renderEmail({
    locale,
    preheader: t("mail.waitlistPreheader", { position }),
    heading: t("mail.waitlistHeading", { name: registration.name }),
    paragraphs: [
      t("mail.waitlistIntro", { title: registration.conference.title, position }),
      `${t("mail.when")}: ${formatDateTimeRange(registration.conference.startsAt, registration.conference.endsAt, locale)}`,
      t("mail.waitlistPromise"),
    ],
    action: { label: t("mail.manageAction"), url: manageUrl(locale, manageToken) },
  });
  return {
    kind: "registration.waitlisted",
    to: registration.email,
    subject: t("mail.waitlistSubject", { title: registration.conference.title }),
    text: rendered.text,
    html: rendered.html,
  };
}

/**
 * The email for a new registration: the ticket, or the waitlist notice with the person's place in line
 * (the number of people waiting since before them, plus one).
 */
export function confirmationEmail(
  registration: MailRegistration & { status: "CONFIRMED" | "WAITLISTED" },
  manageToken: string,
  waitlistPosition: number,
): OutboxEmail {
  if (registration.status === "WAITLISTED") return waitlistEmail(registration, manageToken, waitlistPosition);
  const t = registrationTranslator(registration.locale === "en" ? "en" : "nl");
  return ticketEmail(registration, manageToken, "registration.confirmed", t("mail.ticketIntro", { title: registration.conference.title }));
}

export function promotedEmail(registration: MailRegistration, manageToken: string): OutboxEmail {
  const t = registrationTranslator(registration.locale === "en" ? "en" : "nl");
  return ticketEmail(registration, manageToken, "registration.promoted", t("mail.promotedIntro", { title: registration.conference.title }));
}

/** Sent when an organiser (not the attendee) cancels a registration: the ticket no longer opens the door. */
export function cancelledByOrganiserEmail(registration: MailRegistration): OutboxEmail {
  const locale = (registration.locale === "en" ? "en" : "nl") as Locale;
  const t = registrationTranslator(locale);
  const conference = registration.conference;
  const title = conference.title;
  const rendered = renderEmail({
    locale,
    preheader: t("mail.cancelledPreheader"),
    heading: t("mail.cancelledHeading", { name: registration.name }),
    paragraphs: [
      t("mail.cancelledIntro", { title, when: formatDateTimeRange(conference.startsAt, conference.endsAt, locale) }),
      t("mail.cancelledContact"),
    ],
  });
  return { kind: "registration.cancelledByOrganiser", to: registration.email, subject: t("mail.cancelledSubject", { title }), text: rendered.text, html: rendered.html };
}

export function workshopPromotedEmail(registration: MailRegistration, manageToken: string, sessionId: string): OutboxEmail {
  const locale = (registration.locale === "en" ? "en" : "nl") as Locale;
  const t = registrationTranslator(locale);
  const session = registration.choices.find((c) => c.sessionId === sessionId)?.session;
  const rendered = renderEmail({
    locale,
    preheader: t("mail.workshopPromotedSubject", { workshop: session?.title ?? "" }),
    heading: t("mail.workshopPromotedHeading", { name: registration.name }),
    paragraphs: [t("mail.workshopPromotedIntro", { workshop: session?.title ?? "", title: registration.conference.title })],
    action: { label: t("mail.manageAction"), url: manageUrl(locale, manageToken) },
  });
  return {
    kind: "registration.workshopPromoted",
    to: registration.email,
    subject: t("mail.workshopPromotedSubject", { workshop: session?.title ?? "" }),
    text: rendered.text,
    html: rendered.html,
  };
}

/** A ranked round was allocated: the person's workshops as they are now, and what waiting for one means. */
export function allocationEmail(registration: MailRegistration, manageToken: string, roundTitle: string): OutboxEmail {
  const locale = (registration.locale === "en" ? "en" : "nl") as Locale;
  const t = registrationTranslator(locale);
  const title = registration.conference.title;
  const workshops = workshopLines(registration, locale);
  const waiting = registration.choices.some((c) => c.status === "WAITLISTED");
  const rendered = renderEmail({
    locale,
    preheader: t("mail.allocationPreheader", { round: roundTitle }),
    heading: t("mail.allocationHeading", { name: registration.name }),
    paragraphs: [t("mail.allocationIntro", { round: roundTitle, title }), workshops.join("\n"), ...(waiting ? [t("mail.allocationWaiting")] : [])],
    action: { label: t("mail.manageAction"), url: manageUrl(locale, manageToken) },
  });
  return { kind: "registration.allocation", to: registration.email, subject: t("mail.allocationSubject", { title }), text: rendered.text, html: rendered.html };
}

export function alreadyRegisteredEmail(args: {
  conference: ConferenceForMail;
  registration: { email: string; name: string; locale: string };
  manageToken: string;
  locale: Locale;
}): OutboxEmail {
  const locale = args.locale;
  const t = registrationTranslator(locale);
  const rendered = renderEmail({
    locale,
    preheader: t("mail.alreadyPreheader"),
    heading: t("mail.alreadyHeading", { name: args.registration.name }),
    paragraphs: [t("mail.alreadyIntro", { title: args.conference.title }), t("mail.alreadyNotYou")],
    action: { label: t("mail.manageAction"), url: manageUrl(locale, args.manageToken) },
  });
  return {
    kind: "registration.alreadyRegistered",
    to: args.registration.email,
    subject: t("mail.alreadySubject", { title: args.conference.title }),
    text: rendered.text,
    html: rendered.html,
  };
}
