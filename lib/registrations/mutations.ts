import "server-only";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueueEmail } from "@/lib/mail/outbox";
import { requestSubscription } from "@/lib/newsletter/mutations";
import { registrationState, type RegistrationState, type RegistrationWindow } from "@/lib/conferences/registration-state";
import { emailKey, searchKey } from "@/lib/text";
import { hashToken, newTicketCode, randomToken } from "@/lib/tokens";
import { isBusy, lockConference, PLACES_TRANSACTION } from "./lock";
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

type Programme = {
  id: string;
  slug: string;
  title: string;
  venue: { name: string; street: string; postalCode: string; city: string } | null;
  rounds: Array<{ id: string; sessions: ProgrammeSession[] }>;
};
type ProgrammeSession = { id: string; title: string; startsAt: Date; endsAt: Date; room: { name: string } | null };
type ProgrammeRow = Omit<Programme, "rounds"> & {
  rounds: Array<{ id: string; sessions: Array<Omit<ProgrammeSession, "startsAt" | "endsAt"> & { startsAt: string; endsAt: string }> }>;
};

// Read before the transaction, so outside the lock: what only names things (titles, venue, times, which session
// belongs to which round). Everything that decides a place (capacities, counts, status, the window) is read
// again under the lock by lockedPlaces(). One statement instead of Prisma's five (conference, venue, rounds,
// sessions, rooms): at a few hundred sign-ups a second every round trip to PostgreSQL shows. The times are
// timestamptz, which JSON carries as ISO 8601 text with an offset.
async function findProgramme(conferenceSlug: string): Promise<Programme | null> {
  const rows = await db.$queryRaw<ProgrammeRow[]>`
    SELECT c.id, c.slug, c.title,
           (SELECT json_build_object('name', v.name, 'street', v.street, 'postalCode', v.postal_code, 'city', v.city)
              FROM venues v WHERE v.id = c.venue_id) AS venue,
           COALESCE((SELECT json_agg(json_build_object('id', wr.id, 'sessions', COALESCE((
                       SELECT json_agg(json_build_object(
                                'id', s.id, 'title', s.title,
                                'startsAt', s.starts_at,
                                'endsAt', s.ends_at,
                                'room', (SELECT json_build_object('name', rm.name) FROM rooms rm WHERE rm.id = s.room_id)))
                         FROM programme_sessions s WHERE s.workshop_round_id = wr.id), '[]'::json)))
                       FROM workshop_rounds wr WHERE wr.conference_id = c.id), '[]'::json) AS rounds
      FROM conferences c
     -- A draft is not public: to a visitor it does not exist yet.
     WHERE c.slug = ${conferenceSlug} AND c.status <> 'DRAFT'`;
  const row = rows[0];
  if (!row) return null;
  return {
    ...row,
    rounds: row.rounds.map((round) => ({
      id: round.id,
      sessions: round.sessions.map((session) => ({ ...session, startsAt: new Date(session.startsAt), endsAt: new Date(session.endsAt) })),
    })),
  };
}

export async function registerForConference(
  conferenceSlug: string,
  input: Registration,
  meta: RegisterMeta = {},
): Promise<RegisterOutcome> {
  const programme = await findProgramme(conferenceSlug);
  if (!programme) return { ok: false, reason: "notFound" };
  // Drawn before the transaction: nothing random or CPU-bound needs to wait for, or hold, the lock.
  const fresh = { ticketCode: newTicketCode(), manageToken: randomToken() };
  try {
    return await db.$transaction((tx) => registerLocked(tx, programme, input, meta, fresh), PLACES_TRANSACTION);
  } catch (error) {
    if (isBusy(error)) return { ok: false, reason: "busy" };
    // Two requests with one idempotency key can only meet here if the lock was bypassed; answer as a replay.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: true, conferenceSlug, registrationId: null };
    }
    throw error;
  }
}

type LockedPlaces = RegistrationWindow & {
  confirmed: number;
  /** Registrations on the waitlist since before `now`: a new waitlisted registration's position minus one. */
  waitlistedBefore: number;
  replayId: string | null;
  existingId: string | null;
  /** The chosen sessions that (still) exist in this conference, with their confirmed places. */
  sessions: Array<{ id: string; capacity: number | null; taken: number }>;
};

// Everything that decides a place, in one round trip: the conference's capacity and window, its confirmed and
// waiting counts, a replay of this idempotency key or an active registration of this address, and the chosen
// sessions' capacities and confirmed places. Under the lock every query is time that every other sign-up
// waits for. (`now` goes in as ISO 8601 text with its Z, so it means the same whatever the session's zone.)
async function lockedPlaces(
  tx: Tx,
  conferenceId: string,
  args: { idempotencyKey: string | null; activeEmailKey: string; sessionIds: string[]; now: Date },
): Promise<LockedPlaces> {
  const rows = await tx.$queryRaw<LockedPlaces[]>`
    SELECT c.capacity, c.status::text AS status, c.starts_at AS "startsAt", c.ends_at AS "endsAt",
           c.registration_opens_at AS "registrationOpensAt", c.registration_closes_at AS "registrationClosesAt",
           (SELECT count(*)::int FROM registrations r WHERE r.conference_id = c.id AND r.status = 'CONFIRMED') AS confirmed,
           (SELECT count(*)::int FROM registrations r
             WHERE r.conference_id = c.id AND r.status = 'WAITLISTED'
               AND r.waitlisted_at < ${args.now.toISOString()}::timestamptz) AS "waitlistedBefore",
           (SELECT r.id FROM registrations r WHERE r.conference_id = c.id AND r.idempotency_key = ${args.idempotencyKey}) AS "replayId",
           (SELECT r.id FROM registrations r WHERE r.conference_id = c.id AND r.active_email_key = ${args.activeEmailKey}) AS "existingId",
           COALESCE((SELECT json_agg(json_build_object(
                       'id', s.id, 'capacity', s.capacity,
                       'taken', (SELECT count(*) FROM workshop_choices w WHERE w.session_id = s.id AND w.status = 'CONFIRMED')))
                       FROM programme_sessions s WHERE s.id = ANY(${args.sessionIds}::text[]) AND s.conference_id = c.id),
                    '[]'::json) AS sessions
      FROM conferences c WHERE c.id = ${conferenceId}`;
  const row = rows[0];
  if (!row) throw new Error(`conference ${conferenceId} disappeared`);
  return row;
}

async function registerLocked(
  tx: Tx,
  programme: Programme,
  input: Registration,
  meta: RegisterMeta,
  fresh: { ticketCode: string; manageToken: string },
): Promise<RegisterOutcome> {
  const conferenceId = programme.id;
  await lockConference(tx, conferenceId);
  const now = meta.now ?? new Date();
  const source = meta.source ?? "ONLINE";
  const key = emailKey(input.email);

  // Which sessions were chosen is known before the lock; whether they exist and have room is read under it.
  const wanted = Object.entries(input.workshops).filter(([, sessionId]) => sessionId);
  const places = await lockedPlaces(tx, conferenceId, {
    idempotencyKey: meta.idempotencyKey ?? null,
    activeEmailKey: key,
    sessionIds: wanted.map(([, sessionId]) => sessionId),
    now,
  });
  if (places.replayId) return { ok: true, conferenceSlug: programme.slug, registrationId: places.replayId };

  const confirmed = places.confirmed;
  const state = registrationState(places, confirmed, now);
  const walkInAllowed = source === "WALK_IN" && places.status === "PUBLISHED" && now < places.endsAt;
  if (!walkInAllowed && state !== "open" && state !== "full") return { ok: false, reason: "notOpen", state };

  // Every chosen session must belong to the round it was chosen for, in this conference.
  const sessions = new Map(places.sessions.map((s) => [s.id, s]));
  const chosen: Array<{ roundId: string; sessionId: string; capacity: number | null; session: ProgrammeSession }> = [];
  for (const [roundId, sessionId] of wanted) {
    const session = programme.rounds.find((r) => r.id === roundId)?.sessions.find((s) => s.id === sessionId);
    const current = sessions.get(sessionId);
    if (!session || !current) return { ok: false, reason: "invalidWorkshop" };
    chosen.push({ roundId, sessionId, capacity: current.capacity, session });
  }

  // Names from before the lock; dates and status as read under it.
  const conference = {
    slug: programme.slug,
    title: programme.title,
    venue: programme.venue,
    startsAt: places.startsAt,
    endsAt: places.endsAt,
    status: places.status,
  };
  if (places.existingId) {
    const existing = await tx.registration.findUniqueOrThrow({
      where: { id: places.existingId },
      select: { id: true, email: true, name: true, locale: true },
    });
    // A new manage link replaces the old one: we only keep hashes, so the old link cannot be resent.
    const manageToken = fresh.manageToken;
    await tx.registration.update({ where: { id: existing.id }, data: { manageTokenHash: hashToken(manageToken) } });
    await enqueueEmail(tx, alreadyRegisteredEmail({ conference, registration: existing, manageToken, locale: input.locale }));
    return { ok: true, conferenceSlug: conference.slug, registrationId: null };
  }

  const hasPlace = confirmed < places.capacity;
  if (!hasPlace && source === "WALK_IN") return { ok: false, reason: "notOpen", state: "full" };
  const status = hasPlace ? "CONFIRMED" : "WAITLISTED";

  const full = chosen.filter((c) => c.capacity !== null && (sessions.get(c.sessionId)?.taken ?? 0) >= c.capacity);
  if (status === "CONFIRMED" && full.length > 0 && !input.waitForFullWorkshops) {
    return { ok: false, reason: "workshopFull", sessionIds: full.map((c) => c.sessionId) };
  }

  const choices = chosen.map((c) => ({
    roundId: c.roundId,
    sessionId: c.sessionId,
    // A person on the conference's waitlist holds no workshop place yet; promotion decides.
    status: status === "CONFIRMED" && !full.includes(c) ? ("CONFIRMED" as const) : ("WAITLISTED" as const),
  }));
  // Two inserts rather than a nested create, which reads the new row back in a third round trip.
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
      ticketCode: fresh.ticketCode,
      manageTokenHash: hashToken(fresh.manageToken),
      idempotencyKey: meta.idempotencyKey ?? null,
      confirmedAt: status === "CONFIRMED" ? now : null,
      waitlistedAt: status === "WAITLISTED" ? now : null,
    },
    select: { id: true },
  });
  if (choices.length > 0) await tx.workshopChoice.createMany({ data: choices.map((c) => ({ ...c, registrationId: registration.id })) });
  // The email from what is at hand instead of reading the new rows back. The waitlist position is that of
  // waitlistPosition() for the manage page: those waiting since before `now`, plus one.
  const email = confirmationEmail(
    {
      name: input.name,
      email: input.email.trim(),
      locale: input.locale,
      ticketCode: fresh.ticketCode,
      status,
      conference,
      choices: chosen.map((c, i) => ({ sessionId: c.sessionId, status: choices[i]?.status ?? "WAITLISTED", session: c.session })),
    },
    fresh.manageToken,
    places.waitlistedBefore + 1,
  );
  await enqueueEmail(tx, email);
  if (input.newsletterOptIn) {
    // Double opt-in as on the site: the newsletter only starts once its own confirmation link is used.
    const { organisationId } = await tx.conference.findUniqueOrThrow({ where: { id: conferenceId }, select: { organisationId: true } });
    await requestSubscription(tx, { organisationId, email: input.email.trim(), locale: input.locale });
  }
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
    if (isBusy(error)) return { ok: false, reason: "busy" };
    throw error;
  }
}
