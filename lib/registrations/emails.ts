import type { OutboxEmail } from "@/lib/mail/outbox";
import { organiserHeaders, renderEmail, type EmailOrganiser } from "@/lib/mail/layout";
import { translatorsFor } from "@/lib/i18n/translator";
import { localizedUrl } from "@/lib/site/urls";
import { formatDateTimeRange, formatDoorCode, formatTimeRange } from "@/lib/format";
import { personalCalendar, venueLine } from "./personal-calendar";
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
  /** The organising organisation, named with its contact address in every email. */
  organisation: EmailOrganiser;
};

export function manageUrl(locale: Locale, token: string): string {
  return localizedUrl(locale, `/aanmelding/${token}`);
}

// What the emails need to know about a registration: what the mail worker reads for a batch of drafts in one
// statement (./draft-emails.ts).
export type MailRegistration = {
  id: string;
  name: string;
  email: string;
  locale: string;
  ticketCode: string;
  status: string;
  /** What a host can type at the door instead of the ticket code (lib/checkin, issue 14). */
  doorCode: string | null;
  conference: ConferenceForMail;
  choices: Array<{
    sessionId: string;
    status: "CONFIRMED" | "WAITLISTED";
    session: { title: string; startsAt: Date; endsAt: Date; room: { name: string } | null };
  }>;
};

const localeOf = (registration: { locale: string }): Locale => (registration.locale === "en" ? "en" : "nl");

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

/** The common parts of every email about a registration: language, organiser, replies to the organiser. */
function about(registration: MailRegistration) {
  const locale = localeOf(registration);
  return { locale, t: registrationTranslator(locale), organiser: registration.conference.organisation, headers: organiserHeaders(registration.conference.organisation) };
}

// The ticket: QR code of the ticket code (inline and attached), the code in text, date, venue, workshops,
// an .ics file with the workshops and their rooms, and the personal manage link.
function ticketEmail(registration: MailRegistration, manageToken: string, kind: string, intro: string, subject?: string): OutboxEmail {
  const { locale, t, organiser, headers } = about(registration);
  const conference = registration.conference;
  // See ticket-qr.ts for why this is not QRCode.toBuffer.
  const qr = ticketQrPng(registration.ticketCode);
  const workshops = workshopLines(registration, locale);
  const paragraphs = [
    intro,
    `${t("mail.when")}: ${formatDateTimeRange(conference.startsAt, conference.endsAt, locale)}`,
    ...(conference.venue ? [`${t("mail.where")}: ${venueLine(conference.venue)}`] : []),
    ...(workshops.length > 0 ? [`${t("mail.workshops")}:\n${workshops.join("\n")}`] : []),
    `${t("mail.ticketCode")}: ${registration.ticketCode}`,
    t("mail.showQr"),
    ...(registration.doorCode ? [t("mail.doorCode", { code: formatDoorCode(registration.doorCode) })] : []),
    t("mail.manageHint"),
  ];
  const rendered = renderEmail({
    locale,
    organiser,
    preheader: t("mail.ticketPreheader", { title: conference.title }),
    heading: t("mail.ticketHeading", { name: registration.name }),
    paragraphs,
    image: { cid: "ticket-qr", alt: t("mail.qrAlt", { code: registration.ticketCode }), width: 240, height: 240 },
    action: { label: t("mail.manageAction"), url: manageUrl(locale, manageToken) },
  });
  return {
    kind,
    to: registration.email,
    subject: subject ?? t("mail.ticketSubject", { title: conference.title }),
    text: rendered.text,
    html: rendered.html,
    headers,
    attachments: [
      { filename: "ticket-qr.png", contentType: "image/png", content: qr, cid: "ticket-qr" },
      {
        filename: `${conference.slug}.ics`,
        contentType: "text/calendar; charset=utf-8; method=PUBLISH",
        content: Buffer.from(personalCalendar(registration, locale)),
      },
    ],
  };
}

function waitlistEmail(registration: MailRegistration, manageToken: string, position: number): OutboxEmail {
  const { locale, t, organiser, headers } = about(registration);
  const rendered = renderEmail({
    locale,
    organiser,
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
    headers,
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
  const { t } = about(registration);
  return ticketEmail(registration, manageToken, "registration.confirmed", t("mail.ticketIntro", { title: registration.conference.title }));
}

/** A reminder a week or a day before the start (prisma/sql/reminders.sql queues it): the ticket again, with the route. */
export function reminderEmail(registration: MailRegistration, manageToken: string, daysBefore: number): OutboxEmail {
  const { t } = about(registration);
  const title = registration.conference.title;
  return ticketEmail(registration, manageToken, "registration.reminder", t("mail.reminderIntro", { days: daysBefore, title }), t("mail.reminderSubject", { days: daysBefore, title }));
}

/** "Still coming?": a button to say yes, and a link to free the place; both open a page that asks once more. */
export function stillComingEmail(registration: MailRegistration, manageToken: string): OutboxEmail {
  const { locale, t, organiser, headers } = about(registration);
  const title = registration.conference.title;
  const page = `${manageUrl(locale, manageToken)}/komt-u`;
  const rendered = renderEmail({
    locale,
    organiser,
    preheader: t("mail.stillComingSubject", { title }),
    heading: t("mail.stillComingHeading", { name: registration.name }),
    paragraphs: [
      t("mail.stillComingIntro", { title }),
      `${t("mail.when")}: ${formatDateTimeRange(registration.conference.startsAt, registration.conference.endsAt, locale)}`,
      t("mail.stillComingCancel", { url: `${page}?antwoord=nee` }),
    ],
    action: { label: t("mail.stillComingYes"), url: `${page}?antwoord=ja` },
  });
  return { kind: "registration.stillComing", to: registration.email, subject: t("mail.stillComingSubject", { title }), text: rendered.text, html: rendered.html, headers };
}

export function promotedEmail(registration: MailRegistration, manageToken: string): OutboxEmail {
  const { t } = about(registration);
  return ticketEmail(registration, manageToken, "registration.promoted", t("mail.promotedIntro", { title: registration.conference.title }));
}

/** The registration's address was changed and confirmed: the ticket (or the waitlist notice) at the new address. */
export function addressChangedEmail(registration: MailRegistration, manageToken: string, waitlistPosition: number | null): OutboxEmail {
  const { t } = about(registration);
  if (registration.status === "WAITLISTED") return { ...waitlistEmail(registration, manageToken, waitlistPosition ?? 1), kind: "registration.addressChanged" };
  return ticketEmail(registration, manageToken, "registration.addressChanged", t("mail.addressChangedIntro", { title: registration.conference.title }));
}

/**
 * The person's workshops changed (they chose others, or an organiser moved them): the updated ticket, with the
 * workshops as they are now in the text and the calendar file. The ticket code, and so the QR code, stays.
 */
export function workshopsChangedEmail(registration: MailRegistration, manageToken: string, waitlistPosition: number | null): OutboxEmail {
  const { locale, t, organiser, headers } = about(registration);
  const title = registration.conference.title;
  if (registration.status === "CONFIRMED") {
    return ticketEmail(registration, manageToken, "registration.workshopsChanged", t("mail.changedIntro", { title }), t("mail.changedSubject", { title }));
  }
  const workshops = workshopLines(registration, locale);
  const rendered = renderEmail({
    locale,
    organiser,
    preheader: t("mail.changedPreheader", { title }),
    heading: t("mail.changedHeading", { name: registration.name }),
    paragraphs: [
      t("mail.changedWaitlistIntro", { title, position: waitlistPosition ?? 1 }),
      ...(workshops.length > 0 ? [`${t("mail.workshops")}:\n${workshops.join("\n")}`] : [t("mail.changedNoWorkshops")]),
    ],
    action: { label: t("mail.manageAction"), url: manageUrl(locale, manageToken) },
  });
  return { kind: "registration.workshopsChanged", to: registration.email, subject: t("mail.changedSubject", { title }), text: rendered.text, html: rendered.html, headers };
}

/** Sent when an organiser (not the attendee) cancels a registration: the ticket no longer opens the door. */
export function cancelledByOrganiserEmail(registration: MailRegistration): OutboxEmail {
  const { locale, t, organiser, headers } = about(registration);
  const conference = registration.conference;
  const title = conference.title;
  const rendered = renderEmail({
    locale,
    organiser,
    preheader: t("mail.cancelledPreheader"),
    heading: t("mail.cancelledHeading", { name: registration.name }),
    paragraphs: [
      t("mail.cancelledIntro", { title, when: formatDateTimeRange(conference.startsAt, conference.endsAt, locale) }),
      t("mail.cancelledContact"),
    ],
  });
  return { kind: "registration.cancelledByOrganiser", to: registration.email, subject: t("mail.cancelledSubject", { title }), text: rendered.text, html: rendered.html, headers };
}

/** The attendee cancelled on their manage page: a confirmation, so they know it went through (and who to ask). */
export function cancelledEmail(registration: MailRegistration): OutboxEmail {
  const { locale, t, organiser, headers } = about(registration);
  const conference = registration.conference;
  const title = conference.title;
  const rendered = renderEmail({
    locale,
    organiser,
    preheader: t("mail.selfCancelledPreheader", { title }),
    heading: t("mail.selfCancelledHeading", { name: registration.name }),
    paragraphs: [
      t("mail.selfCancelledIntro", { title, when: formatDateTimeRange(conference.startsAt, conference.endsAt, locale) }),
      t("mail.selfCancelledAgain"),
    ],
    action: { label: t("mail.selfCancelledAction"), url: localizedUrl(locale, `/conferenties/${conference.slug}`) },
  });
  return { kind: "registration.cancelled", to: registration.email, subject: t("mail.selfCancelledSubject", { title }), text: rendered.text, html: rendered.html, headers };
}

export function workshopPromotedEmail(registration: MailRegistration, manageToken: string, sessionId: string): OutboxEmail {
  const { locale, t, organiser, headers } = about(registration);
  const session = registration.choices.find((c) => c.sessionId === sessionId)?.session;
  const rendered = renderEmail({
    locale,
    organiser,
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
    headers,
  };
}

/** A ranked round was allocated: the person's workshops as they are now, and what waiting for one means. */
export function allocationEmail(registration: MailRegistration, manageToken: string, roundTitle: string): OutboxEmail {
  const { locale, t, organiser, headers } = about(registration);
  const title = registration.conference.title;
  const workshops = workshopLines(registration, locale);
  const waiting = registration.choices.some((c) => c.status === "WAITLISTED");
  const rendered = renderEmail({
    locale,
    organiser,
    preheader: t("mail.allocationPreheader", { round: roundTitle }),
    heading: t("mail.allocationHeading", { name: registration.name }),
    paragraphs: [t("mail.allocationIntro", { round: roundTitle, title }), workshops.join("\n"), ...(waiting ? [t("mail.allocationWaiting")] : [])],
    action: { label: t("mail.manageAction"), url: manageUrl(locale, manageToken) },
  });
  return { kind: "registration.allocation", to: registration.email, subject: t("mail.allocationSubject", { title }), text: rendered.text, html: rendered.html, headers };
}

export function alreadyRegisteredEmail(args: { registration: MailRegistration; manageToken: string; locale: Locale }): OutboxEmail {
  const { organiser, headers } = about(args.registration);
  const locale = args.locale;
  const t = registrationTranslator(locale);
  const conference = args.registration.conference;
  const rendered = renderEmail({
    locale,
    organiser,
    preheader: t("mail.alreadyPreheader"),
    heading: t("mail.alreadyHeading", { name: args.registration.name }),
    paragraphs: [t("mail.alreadyIntro", { title: conference.title }), t("mail.alreadyNotYou")],
    action: { label: t("mail.manageAction"), url: manageUrl(locale, args.manageToken) },
  });
  return {
    kind: "registration.alreadyRegistered",
    to: args.registration.email,
    subject: t("mail.alreadySubject", { title: conference.title }),
    text: rendered.text,
    html: rendered.html,
    headers,
  };
}

/** The link that confirms a new address, sent to that address; nothing changes until it is used. */
export function emailChangeEmail(args: {
  registration: { name: string; locale: string; conference: { title: string; organisation: EmailOrganiser } };
  newEmail: string;
  confirmUrl: string;
  hours: number;
}): OutboxEmail {
  const locale = localeOf(args.registration);
  const t = registrationTranslator(locale);
  const { title, organisation } = args.registration.conference;
  const rendered = renderEmail({
    locale,
    organiser: organisation,
    preheader: t("mail.emailChangePreheader", { title }),
    heading: t("mail.emailChangeHeading", { name: args.registration.name }),
    paragraphs: [t("mail.emailChangeIntro", { title, email: args.newEmail }), t("mail.emailChangeExpiry", { hours: args.hours }), t("mail.emailChangeNotYou")],
    action: { label: t("mail.emailChangeAction"), url: args.confirmUrl },
  });
  return {
    kind: "registration.emailChange",
    to: args.newEmail,
    subject: t("mail.emailChangeSubject", { title }),
    text: rendered.text,
    html: rendered.html,
    headers: organiserHeaders(organisation),
  };
}

/** To the address a registration had until now: it moved, and where to turn if that was not them. */
export function emailChangedNotice(registration: MailRegistration, previousEmail: string): OutboxEmail {
  const { locale, t, organiser, headers } = about(registration);
  const title = registration.conference.title;
  const contact = organiser.contactEmail ?? organiser.name;
  const rendered = renderEmail({
    locale,
    organiser,
    preheader: t("mail.emailChangedPreheader", { title }),
    heading: t("mail.emailChangedHeading", { name: registration.name }),
    paragraphs: [t("mail.emailChangedIntro", { title, email: registration.email }), t("mail.emailChangedNotYou", { contact })],
  });
  return { kind: "registration.emailChanged", to: previousEmail, subject: t("mail.emailChangedSubject", { title }), text: rendered.text, html: rendered.html, headers };
}
