import "server-only";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { isBusy, lockConference, PLACES_TRANSACTION } from "./lock";
import { takenPerSession } from "./places";
import { fillFreePlaces } from "./waitlist";
import { cancelRegistration } from "./mutations";
import { registrationOfToken } from "./manage-links";

// Self-service by the attendee, who proves nothing but possession of a manage link (./manage-links.ts).
export type ManageOutcome =
  | { ok: true }
  | { ok: false; reason: "notFound" | "busy" | "cancelled" | "conferenceCancelled" | "workshopFull" | "invalidWorkshop" | "past" };

async function withLock(token: string, work: (tx: Tx, registrationId: string, conferenceId: string) => Promise<ManageOutcome>): Promise<ManageOutcome> {
  return withRegistrationLock(await registrationOfToken(token), work);
}

async function withRegistrationLock(
  found: { id: string; conferenceId: string } | null,
  work: (tx: Tx, registrationId: string, conferenceId: string) => Promise<ManageOutcome>,
): Promise<ManageOutcome> {
  if (!found) return { ok: false, reason: "notFound" };
  try {
    return await db.$transaction(async (tx) => {
      await lockConference(tx, found.conferenceId);
      return work(tx, found.id, found.conferenceId);
    }, PLACES_TRANSACTION);
  } catch (error) {
    if (isBusy(error)) return { ok: false, reason: "busy" };
    throw error;
  }
}

export async function changeWorkshops(token: string, wanted: Record<string, string>, waitForFull: boolean): Promise<ManageOutcome> {
  return withLock(token, (tx, registrationId, conferenceId) => changeWorkshopsLocked(tx, registrationId, conferenceId, wanted, waitForFull));
}

/**
 * The same change for a registration found another way: the organiser moving someone (lib/registrations/
 * admin-definitions.ts), after checking the registration belongs to their organisation.
 */
export async function changeWorkshopsOf(
  registration: { id: string; conferenceId: string },
  wanted: Record<string, string>,
  waitForFull: boolean,
): Promise<ManageOutcome> {
  return withRegistrationLock(registration, (tx, registrationId, conferenceId) =>
    changeWorkshopsLocked(tx, registrationId, conferenceId, wanted, waitForFull),
  );
}

async function changeWorkshopsLocked(
  tx: Tx,
  registrationId: string,
  conferenceId: string,
  wanted: Record<string, string>,
  waitForFull: boolean,
): Promise<ManageOutcome> {
  const registration = await tx.registration.findUniqueOrThrow({
    where: { id: registrationId },
    include: { choices: true, conference: { include: { rounds: { include: { sessions: { select: { id: true, capacity: true } } } } } } },
  });
  if (registration.status === "CANCELLED") return { ok: false, reason: "cancelled" };
  if (registration.conference.status === "CANCELLED") return { ok: false, reason: "conferenceCancelled" };
  if (registration.conference.endsAt <= new Date()) return { ok: false, reason: "past" };

  const changes: Array<{ roundId: string; sessionId: string | null; capacity: number | null }> = [];
  for (const round of registration.conference.rounds) {
    const sessionId = wanted[round.id] || null;
    const current = registration.choices.find((c) => c.roundId === round.id);
    if ((current?.sessionId ?? null) === sessionId) continue;
    const session = sessionId ? round.sessions.find((s) => s.id === sessionId) : null;
    if (sessionId && !session) return { ok: false, reason: "invalidWorkshop" };
    changes.push({ roundId: round.id, sessionId, capacity: session?.capacity ?? null });
  }
  const taken = await takenPerSession(tx, changes.flatMap((c) => (c.sessionId ? [c.sessionId] : [])));
  const confirmed = registration.status === "CONFIRMED";
  const full = changes.filter((c) => c.sessionId && c.capacity !== null && (taken.get(c.sessionId) ?? 0) >= c.capacity);
  if (confirmed && full.length > 0 && !waitForFull) return { ok: false, reason: "workshopFull" };

  for (const change of changes) {
    await tx.workshopChoice.deleteMany({ where: { registrationId, roundId: change.roundId } });
    if (!change.sessionId) continue;
    await tx.workshopChoice.create({
      data: {
        registrationId,
        roundId: change.roundId,
        sessionId: change.sessionId,
        status: confirmed && !full.includes(change) ? "CONFIRMED" : "WAITLISTED",
      },
    });
  }
  // The places this person left go to whoever waits for them.
  await fillFreePlaces(tx, conferenceId);
  return { ok: true };
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
  const outcome = await cancelRegistration({ registrationId: found.id });
  return outcome.ok ? { ok: true } : { ok: false, reason: outcome.reason };
}

// Erasure keeps the row (so attendance and capacity counts stay true) but nothing that identifies the person.
// Before the conference it also cancels, which hands the place to the waitlist.
export async function eraseByToken(token: string): Promise<ManageOutcome> {
  return withLock(token, async (tx, registrationId, conferenceId) => {
    const registration = await tx.registration.findUniqueOrThrow({ where: { id: registrationId }, include: { conference: true } });
    const beforeEnd = registration.conference.endsAt > new Date();
    const cancel = beforeEnd && registration.status !== "CANCELLED";
    const anonymousEmail = `verwijderd-${registration.id}@invalid.podium`;
    if (cancel) await tx.workshopChoice.deleteMany({ where: { registrationId } });
    const status = cancel ? "CANCELLED" : registration.status;
    await tx.registration.update({
      where: { id: registrationId },
      data: {
        name: "Verwijderd",
        email: anonymousEmail,
        activeEmailKey: status === "CANCELLED" ? null : anonymousEmail,
        searchText: "",
        organisation: null,
        jobRole: null,
        dietaryNeeds: null,
        accessibilityNeeds: null,
        hostNote: null,
        photoConsent: false,
        newsletterOptIn: false,
        idempotencyKey: null,
        status,
        cancelledAt: cancel ? new Date() : registration.cancelledAt,
        erasedAt: new Date(),
      },
    });
    // Every link in the old emails stops working.
    await tx.manageLink.deleteMany({ where: { registrationId } });
    // The emails about this registration held the name, the address, the ticket and a manage link: scrubbed
    // too, sent or not. One still waiting is not sent any more; its row stays, as a record that it was not.
    await tx.emailOutbox.updateMany({
      where: { registrationId, status: { in: ["PENDING", "DRAFT"] } },
      data: { status: "FAILED", lastError: "erased before sending" },
    });
    await tx.emailOutbox.updateMany({
      where: { registrationId },
      data: { toAddress: anonymousEmail, subject: "", textBody: "", htmlBody: null, attachments: [], headers: {}, messageId: null, draft: Prisma.DbNull },
    });
    if (cancel) await fillFreePlaces(tx, conferenceId);
    return { ok: true };
  });
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
      createdAt: r.createdAt,
      confirmedAt: r.confirmedAt,
      waitlistedAt: r.waitlistedAt,
      cancelledAt: r.cancelledAt,
    },
    workshops: r.choices.map((c) => ({ title: c.session.title, startsAt: c.session.startsAt, status: c.status })),
    checkIns: r.checkIns,
  };
}
