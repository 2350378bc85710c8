import "server-only";
import { db } from "@/lib/db";
import { cancelRegistration, changeWorkshops as changeWorkshopsOf, eraseRegistration, type ChangeWorkshopsOutcome } from "@/lib/places/mutations";
import { searchKey } from "@/lib/text";
import { requestEmailChange } from "./email-change";
import { registrationOfToken } from "./manage-links";
import type { UpdateDetails } from "./schema";

// Self-service by the attendee, who proves nothing but possession of a manage link (./manage-links.ts). What
// changes places is decided in lib/places; this only finds the registration the link opens.

export type ManageOutcome = { ok: true } | { ok: false; reason: Exclude<ChangeWorkshopsOutcome, { ok: true }>["reason"] };

/** The attendee's new workshops: a full one chosen is its waiting list. The updated ticket follows by email. */
export async function changeWorkshops(token: string, wanted: Record<string, string>): Promise<ManageOutcome> {
  const found = await registrationOfToken(token);
  if (!found) return { ok: false, reason: "notFound" };
  const outcome = await changeWorkshopsOf(found.id, wanted, true);
  return outcome.ok ? outcome : { ok: false, reason: outcome.reason };
}

/**
 * "Yes, I am still coming" from the page the "still coming?" email links to: noted on the registration, for the
 * organiser. Only for a place still held, before the conference starts.
 */
export async function confirmComing(token: string): Promise<ManageOutcome> {
  const found = await registrationOfToken(token);
  if (!found) return { ok: false, reason: "notFound" };
  const changed = await db.registration.updateMany({
    where: { id: found.id, status: "CONFIRMED", erasedAt: null, conference: { status: "PUBLISHED", startsAt: { gt: new Date() } } },
    data: { comingConfirmedAt: new Date() },
  });
  if (changed.count > 0) return { ok: true };
  const registration = await db.registration.findUnique({ where: { id: found.id }, select: { status: true, conference: { select: { status: true } } } });
  if (registration?.conference.status === "CANCELLED") return { ok: false, reason: "conferenceCancelled" };
  return { ok: false, reason: registration?.status === "CANCELLED" ? "cancelled" : "past" };
}

export async function updateNeeds(token: string, needs: { dietaryNeeds?: string; accessibilityNeeds?: string }): Promise<ManageOutcome> {
  const found = await registrationOfToken(token);
  if (!found) return { ok: false, reason: "notFound" };
  await db.registration.update({
    where: { id: found.id },
    data: { dietaryNeeds: needs.dietaryNeeds ?? null, accessibilityNeeds: needs.accessibilityNeeds ?? null },
  });
  return { ok: true };
}

export async function cancelByToken(token: string): Promise<ManageOutcome> {
  const found = await registrationOfToken(token);
  if (!found) return { ok: false, reason: "notFound" };
  // The person gets a confirmation that they are no longer coming (and that the place went to someone else).
  const outcome = await cancelRegistration({ registrationId: found.id }, { template: "cancelled" });
  // Cancelled already (a second click, another tab, the organiser): the page shows it so.
  if (outcome.ok || outcome.reason === "alreadyCancelled") return { ok: true };
  return { ok: false, reason: outcome.reason };
}

// Erasure keeps the row (so attendance and capacity counts stay true) but nothing that identifies the person.
// Before the conference it also cancels, which hands the place to the waitlist.
export async function eraseByToken(token: string): Promise<ManageOutcome> {
  const found = await registrationOfToken(token);
  if (!found) return { ok: false, reason: "notFound" };
  return eraseRegistration(found.id);
}

// Everything we hold about the person, for "download my data".
export async function exportByToken(token: string) {
  const found = await registrationOfToken(token);
  if (!found) return null;
  const r = await db.registration.findUniqueOrThrow({
    where: { id: found.id },
    include: {
      conference: { select: { title: true, startsAt: true, endsAt: true } },
      choices: { include: { session: { select: { title: true, startsAt: true } } } },
      checkIns: { select: { action: true, scannedAt: true, method: true } },
      // The survey after the conference (lib/feedback): the invitation, and only the answers given with a name; an
      // anonymous answer is nobody's, here as for the organiser.
      surveyInvitation: { select: { invitedAt: true, remindedAt: true, answeredOn: true } },
      surveyResponses: { select: { rating: true, remark: true, quoteNamed: true, sessions: { select: { rating: true, remark: true, session: { select: { title: true } } } } } },
      // Certificates of attendance (issue 15): the registry numbers given and the certificate issued.
      registryNumbers: { select: { register: true, number: true, consentedAt: true } },
      certificate: { select: { verificationCode: true, minutes: true, issuedAt: true, revokedAt: true } },
    },
  });
  return {
    exportedAt: new Date().toISOString(),
    conference: r.conference,
    registration: {
      name: r.name,
      email: r.email,
      organisation: r.organisation,
      jobRole: r.jobRole,
      dietaryNeeds: r.dietaryNeeds,
      accessibilityNeeds: r.accessibilityNeeds,
      privacyConsentAt: r.privacyConsentAt,
      photoConsent: r.photoConsent,
      newsletterOptIn: r.newsletterOptIn,
      language: r.locale,
      status: r.status,
      source: r.source,
      ticketCode: r.ticketCode,
      doorCode: r.doorCode,
      createdAt: r.createdAt,
      confirmedAt: r.confirmedAt,
      waitlistedAt: r.waitlistedAt,
      cancelledAt: r.cancelledAt,
    },
    workshops: r.choices.map((c) => ({ title: c.session.title, startsAt: c.session.startsAt, status: c.status })),
    checkIns: r.checkIns,
    survey: { invitation: r.surveyInvitation, namedAnswers: r.surveyResponses },
    registryNumbers: r.registryNumbers,
    certificate: r.certificate,
  };
}

export type DetailsOutcome =
  | { ok: true; emailSentTo: string | null }
  | { ok: false; reason: "notFound" | "cancelled" | "conferenceCancelled" | "past" | "emailTaken" | "rateLimited"; retryAfterSeconds?: number };

/**
 * Corrects name, organisation and job role at once (and the door's search key with them); a new address is
 * only asked for: it counts once confirmed from that address, and until then the old one keeps working.
 */
export async function updateDetails(token: string, details: UpdateDetails): Promise<DetailsOutcome> {
  const found = await registrationOfToken(token);
  if (!found) return { ok: false, reason: "notFound" };
  return db.$transaction(async (tx) => {
    const registration = await tx.registration.findUniqueOrThrow({
      where: { id: found.id },
      select: { id: true, conferenceId: true, email: true, locale: true, status: true, conference: { select: { status: true, endsAt: true } } },
    });
    // As long as the workshops can change: afterwards the organiser corrects what needs correcting.
    if (registration.status === "CANCELLED") return { ok: false, reason: "cancelled" } as const;
    if (registration.conference.status === "CANCELLED") return { ok: false, reason: "conferenceCancelled" } as const;
    if (registration.conference.endsAt <= new Date()) return { ok: false, reason: "past" } as const;
    await tx.registration.update({
      where: { id: registration.id },
      data: {
        name: details.name,
        organisation: details.organisation ?? null,
        jobRole: details.jobRole ?? null,
        searchText: searchKey(details.name, details.organisation),
      },
    });
    const change = await requestEmailChange(tx, { ...registration, name: details.name }, details.email);
    if (!change.ok) return change;
    return { ok: true, emailSentTo: change.sent ? details.email : null } as const;
  });
}

/** A new address asked for and not yet confirmed, for the manage page to say where the link went. */
export async function pendingEmailChange(registrationId: string): Promise<{ newEmail: string; expiresAt: Date } | null> {
  return db.emailChange.findFirst({
    where: { registrationId, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { newEmail: true, expiresAt: true },
  });
}
