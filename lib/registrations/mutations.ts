import "server-only";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueueEmail } from "@/lib/mail/outbox";
import { registrationState, type RegistrationState } from "@/lib/conferences/registration-state";
import { emailKey, searchKey } from "@/lib/text";
import { hashToken, newTicketCode, randomToken } from "@/lib/tokens";
import { ConferenceBusyError, lockConference, PLACES_TRANSACTION } from "./lock";
import { confirmedCount, takenPerSession } from "./places";
import { fillFreePlaces } from "./waitlist";
import { alreadyRegisteredEmail, confirmationEmail } from "./emails";
import type { Registration } from "./schema";

export type RegisterOutcome =
  // Deliberately the same for a new registration and for an address that was already registered: the page
  // must not tell a stranger who is coming. The address's owner learns the rest by email.
  | { ok: true; conferenceSlug: string; registrationId: string | null }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "notOpen"; state: RegistrationState }
  | { ok: false; reason: "invalidWorkshop" }
  | { ok: false; reason: "workshopFull"; sessionIds: string[] }
  | { ok: false; reason: "busy" };

type RegisterMeta = {
  idempotencyKey?: string;
  source?: "ONLINE" | "WALK_IN";
  now?: Date;
};

export async function registerForConference(
  conferenceSlug: string,
  input: Registration,
  meta: RegisterMeta = {},
): Promise<RegisterOutcome> {
  // A draft is not public: to a visitor it does not exist yet.
  const found = await db.conference.findFirst({
    where: { slug: conferenceSlug, status: { not: "DRAFT" } },
    select: { id: true },
  });
  if (!found) return { ok: false, reason: "notFound" };
  try {
    return await db.$transaction((tx) => registerLocked(tx, found.id, input, meta), PLACES_TRANSACTION);
  } catch (error) {
    if (error instanceof ConferenceBusyError) return { ok: false, reason: "busy" };
    // Two requests with one idempotency key can only meet here if the lock was bypassed; answer as a replay.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: true, conferenceSlug, registrationId: null };
    }
    throw error;
  }
}

async function registerLocked(tx: Tx, conferenceId: string, input: Registration, meta: RegisterMeta): Promise<RegisterOutcome> {
  await lockConference(tx, conferenceId);
  const now = meta.now ?? new Date();
  const source = meta.source ?? "ONLINE";

  if (meta.idempotencyKey) {
    const replay = await tx.registration.findUnique({
      where: { conferenceId_idempotencyKey: { conferenceId, idempotencyKey: meta.idempotencyKey } },
      select: { id: true, conference: { select: { slug: true } } },
    });
    if (replay) return { ok: true, conferenceSlug: replay.conference.slug, registrationId: replay.id };
  }

  const conference = await tx.conference.findUniqueOrThrow({
    where: { id: conferenceId },
    include: { venue: true, rounds: { include: { sessions: { select: { id: true, capacity: true, title: true } } } } },
  });
  const confirmed = await confirmedCount(tx, conferenceId);
  const state = registrationState(conference, confirmed, now);
  const walkInAllowed = source === "WALK_IN" && conference.status === "PUBLISHED" && now < conference.endsAt;
  if (!walkInAllowed && state !== "open" && state !== "full") return { ok: false, reason: "notOpen", state };

  // Every chosen session must belong to the round it was chosen for, in this conference.
  const chosen: Array<{ roundId: string; sessionId: string; capacity: number | null }> = [];
  for (const [roundId, sessionId] of Object.entries(input.workshops)) {
    if (!sessionId) continue;
    const session = conference.rounds.find((r) => r.id === roundId)?.sessions.find((s) => s.id === sessionId);
    if (!session) return { ok: false, reason: "invalidWorkshop" };
    chosen.push({ roundId, sessionId, capacity: session.capacity });
  }

  const key = emailKey(input.email);
  const existing = await tx.registration.findUnique({
    where: { conferenceId_activeEmailKey: { conferenceId, activeEmailKey: key } },
  });
  if (existing) {
    // A new manage link replaces the old one: we only keep hashes, so the old link cannot be resent.
    const manageToken = randomToken();
    await tx.registration.update({ where: { id: existing.id }, data: { manageTokenHash: hashToken(manageToken) } });
    await enqueueEmail(tx, alreadyRegisteredEmail({ conference, registration: existing, manageToken, locale: input.locale }));
    return { ok: true, conferenceSlug: conference.slug, registrationId: null };
  }

  const hasPlace = confirmed < conference.capacity;
  if (!hasPlace && source === "WALK_IN") return { ok: false, reason: "notOpen", state: "full" };
  const status = hasPlace ? "CONFIRMED" : "WAITLISTED";

  const taken = await takenPerSession(tx, chosen.map((c) => c.sessionId));
  const full = chosen.filter((c) => c.capacity !== null && (taken.get(c.sessionId) ?? 0) >= c.capacity);
  if (status === "CONFIRMED" && full.length > 0 && !input.waitForFullWorkshops) {
    return { ok: false, reason: "workshopFull", sessionIds: full.map((c) => c.sessionId) };
  }

  const manageToken = randomToken();
  const registration = await tx.registration.create({
    data: {
      conferenceId,
      name: input.name,
      email: input.email.trim(),
      activeEmailKey: key,
      searchText: searchKey(input.name, input.organisation),
      organisation: input.organisation ?? null,
      jobRole: input.jobRole ?? null,
      dietaryNeeds: input.dietaryNeeds ?? null,
      accessibilityNeeds: input.accessibilityNeeds ?? null,
      privacyConsentAt: now,
      photoConsent: input.photoConsent,
      newsletterOptIn: input.newsletterOptIn,
      locale: input.locale,
      status,
      source,
      ticketCode: newTicketCode(),
      manageTokenHash: hashToken(manageToken),
      idempotencyKey: meta.idempotencyKey ?? null,
      confirmedAt: status === "CONFIRMED" ? now : null,
      waitlistedAt: status === "WAITLISTED" ? now : null,
      choices: {
        create: chosen.map((c) => ({
          roundId: c.roundId,
          sessionId: c.sessionId,
          // A person on the conference's waitlist holds no workshop place yet; promotion decides.
          status: status === "CONFIRMED" && !full.includes(c) ? ("CONFIRMED" as const) : ("WAITLISTED" as const),
        })),
      },
    },
  });
  await enqueueEmail(tx, await confirmationEmail(tx, { conference, registrationId: registration.id, manageToken }));
  return { ok: true, conferenceSlug: conference.slug, registrationId: registration.id };
}

export type CancelOutcome = { ok: true; promoted: number } | { ok: false; reason: "notFound" | "busy" };

// Cancelling frees the place and, in the same transaction, gives it to the first person waiting.
export async function cancelRegistration(where: { registrationId: string; conferenceId?: string }): Promise<CancelOutcome> {
  const found = await db.registration.findFirst({
    where: { id: where.registrationId, ...(where.conferenceId ? { conferenceId: where.conferenceId } : {}) },
    select: { id: true, conferenceId: true },
  });
  if (!found) return { ok: false, reason: "notFound" };
  try {
    return await db.$transaction(async (tx) => {
      await lockConference(tx, found.conferenceId);
      const current = await tx.registration.findUniqueOrThrow({ where: { id: found.id } });
      if (current.status === "CANCELLED") return { ok: true as const, promoted: 0 };
      await tx.workshopChoice.deleteMany({ where: { registrationId: found.id } });
      await tx.registration.update({
        where: { id: found.id },
        data: { status: "CANCELLED", activeEmailKey: null, cancelledAt: new Date() },
      });
      const promoted = await fillFreePlaces(tx, found.conferenceId);
      return { ok: true as const, promoted: promoted.length };
    }, PLACES_TRANSACTION);
  } catch (error) {
    if (error instanceof ConferenceBusyError) return { ok: false, reason: "busy" };
    throw error;
  }
}
