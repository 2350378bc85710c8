import "server-only";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { db, pgPool } from "@/lib/db";
import { enqueueEmail, outboxRow, type OutboxEmail } from "@/lib/mail/outbox";
import { subscribe } from "@/lib/newsletter/mutations";
import { hit } from "@/lib/rate-limit/rate-limit";
import { registrationState, type RegistrationState, type RegistrationWindow } from "@/lib/conferences/registration-state";
import { emailKey, searchKey } from "@/lib/text";
import { hashToken, newTicketCode, randomToken } from "@/lib/tokens";
import { ConferenceBusyError, isBusy, isLockTimeout, lockConference, lockConferenceStatements, PLACES_TRANSACTION } from "./lock";
import { fillFreePlaces } from "./waitlist";
import { alreadyRegisteredEmail, cancelledByOrganiserEmail, confirmationEmail } from "./emails";
import { ticketQrPng } from "./ticket-qr";
import { OWNER_MAIL_THROTTLE } from "./rate-limits";
import { sql, statements, type SqlFragment } from "@/lib/sql-text";
import type { Registration } from "./schema";
import { isUniqueViolation } from "@/lib/db-errors";

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
  /**
   * Added by an organiser from the dashboard: allowed outside the sign-up window (late additions after
   * closing, guests before opening), as long as the conference is published and not over. Capacity holds.
   */
  byOrganiser?: boolean;
};

type Programme = {
  id: string;
  organisationId: string;
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
// belongs to which round, the organisation for a newsletter opt-in). Everything that decides a place
// (capacities, counts, status, the window) is read again under the lock. One statement instead of Prisma's
// five (conference, venue, rounds, sessions, rooms), through node-postgres without Prisma's per-query work: at
// a few hundred sign-ups a second both show. The times are timestamptz, which JSON carries as ISO 8601 text.
async function findProgramme(conferenceSlug: string): Promise<Programme | null> {
  // Named: PostgreSQL plans it once per connection instead of on every sign-up.
  const { rows } = await pgPool().query<ProgrammeRow>({
    name: "registration-programme",
    text: `SELECT c.id, c.organisation_id AS "organisationId", c.slug, c.title,
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
      WHERE c.slug = $1 AND c.status <> 'DRAFT'`,
    values: [conferenceSlug],
  });
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

/** What is drawn before the transaction: nothing random or CPU-bound needs to wait for, or hold, the lock. */
type Fresh = { registrationId: string; ticketCode: string; manageToken: string; ticketQr: Buffer };

/**
 * Registers, in one transaction under the conference's lock, with two round trips to PostgreSQL while the lock
 * is held: the lock and the reads that decide go in one (BEGIN, lock, reads), the inserts and COMMIT in the
 * next. That is what bounds the rush: every sign-up of a conference waits for the one before it, and each
 * round trip also waits for the Node event loop to come back to it. (Through Prisma it was six: lock, reads,
 * registration, workshop choices, outbox, COMMIT.)
 */
export async function registerForConference(
  conferenceSlug: string,
  input: Registration,
  meta: RegisterMeta = {},
): Promise<RegisterOutcome> {
  const programme = await findProgramme(conferenceSlug);
  if (!programme) return { ok: false, reason: "notFound" };
  const ticketCode = newTicketCode();
  const fresh: Fresh = {
    registrationId: randomUUID(),
    ticketCode,
    manageToken: randomToken(),
    // The QR image is the one costly part of the email; a waitlisted person's email leaves it out again.
    ticketQr: ticketQrPng(ticketCode),
  };
  let outcome: RegisterOutcome;
  try {
    outcome = await inTransaction((client) => registerLocked(client, programme, input, meta, fresh));
  } catch (error) {
    if (isBusy(error)) return { ok: false, reason: "busy" };
    // Two requests with one idempotency key can only meet here if the lock was bypassed; answer as a replay.
    if (isUniqueViolation(error)) return { ok: true, conferenceSlug, registrationId: null };
    throw error;
  }
  if (outcome.ok && outcome.registrationId === fresh.registrationId && input.newsletterOptIn) {
    // Double opt-in as on the site: the newsletter only starts once its own confirmation link is used. After
    // the commit and outside the lock (its five queries held up every sign-up behind this one): the
    // registration stands on its own, and a failure here costs the person nothing but this email.
    await subscribe({ organisationId: programme.organisationId, email: input.email.trim(), locale: input.locale }).catch((error: unknown) =>
      console.error("[registration] newsletter opt-in failed:", error instanceof Error ? error.message : error),
    );
  }
  return outcome;
}


/** A transaction on one pooled connection; rolled back (or the connection dropped) on any error. */
async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pgPool().connect();
  try {
    const result = await work(client);
    client.release();
    return result;
  } catch (error) {
    const rolledBack = await client.query("ROLLBACK").then(
      () => true,
      () => false,
    );
    client.release(rolledBack ? undefined : true);
    if (isLockTimeout(error)) throw new ConferenceBusyError();
    throw error;
  }
}

type LockedPlaces = RegistrationWindow & {
  /** The registration's time: RegisterMeta.now, else the database's clock once the lock was granted. */
  now: Date;
  confirmed: number;
  /** Registrations on the waitlist since before `now`: a new waitlisted registration's position minus one. */
  waitlistedBefore: number;
  replayId: string | null;
  existing: { id: string; email: string; name: string; locale: string } | null;
  /** The chosen sessions that (still) exist in this conference, with their confirmed places. */
  sessions: Array<{ id: string; capacity: number | null; taken: number }>;
};

// Everything that decides a place, in one statement: the conference's capacity and window, its confirmed and
// waiting counts, a replay of this idempotency key or an active registration of this address, and the chosen
// sessions' capacities and confirmed places. Sent in the same round trip as BEGIN and the lock, after them.
function lockedPlacesQuery(conferenceId: string, args: { idempotencyKey: string | null; activeEmailKey: string; sessionIds: string[]; now: Date | null }): SqlFragment {
  // "Now" is read here, after the lock was granted, so that waitlisted_at follows the order in which people
  // got the lock and the waitlist positions count up without gaps or ties. Milliseconds, as the columns keep.
  return sql`
    WITH clock AS (SELECT COALESCE(${args.now}, date_trunc('milliseconds', clock_timestamp())) AS now)
    SELECT clock.now, c.capacity, c.status::text AS status, c.starts_at AS "startsAt", c.ends_at AS "endsAt",
           c.registration_opens_at AS "registrationOpensAt", c.registration_closes_at AS "registrationClosesAt",
           (SELECT count(*)::int FROM registrations r WHERE r.conference_id = c.id AND r.status = 'CONFIRMED') AS confirmed,
           (SELECT count(*)::int FROM registrations r
             WHERE r.conference_id = c.id AND r.status = 'WAITLISTED' AND r.waitlisted_at < clock.now) AS "waitlistedBefore",
           (SELECT r.id FROM registrations r WHERE r.conference_id = c.id AND r.idempotency_key = ${args.idempotencyKey}) AS "replayId",
           (SELECT json_build_object('id', r.id, 'email', r.email, 'name', r.name, 'locale', r.locale)
              FROM registrations r WHERE r.conference_id = c.id AND r.active_email_key = ${args.activeEmailKey}) AS existing,
           COALESCE((SELECT json_agg(json_build_object(
                       'id', s.id, 'capacity', s.capacity,
                       'taken', (SELECT count(*) FROM workshop_choices w WHERE w.session_id = s.id AND w.status = 'CONFIRMED')))
                       FROM programme_sessions s WHERE s.id = ANY(${args.sessionIds}) AND s.conference_id = c.id),
                    '[]'::json) AS sessions
      FROM conferences c, clock WHERE c.id = ${conferenceId}`;
}

function outboxInsert(email: OutboxEmail, registrationId: string): SqlFragment {
  const row = outboxRow(email, { registrationId });
  return sql`
    INSERT INTO email_outbox (id, kind, to_address, subject, text_body, html_body, attachments, headers, registration_id)
    VALUES (${randomUUID()}, ${row.kind}, ${row.toAddress}, ${row.subject}, ${row.textBody}, ${row.htmlBody},
            ${JSON.stringify(row.attachments)}::jsonb, ${JSON.stringify(row.headers)}::jsonb, ${row.registrationId})`;
}

async function registerLocked(client: pg.PoolClient, programme: Programme, input: Registration, meta: RegisterMeta, fresh: Fresh): Promise<RegisterOutcome> {
  const conferenceId = programme.id;
  const source = meta.source ?? "ONLINE";
  const key = emailKey(input.email);

  // Which sessions were chosen is known before the lock; whether they exist and have room is read under it.
  const wanted = Object.entries(input.workshops).filter(([, sessionId]) => sessionId);
  const results = (await client.query(
    statements(
      sql`BEGIN`,
      ...lockConferenceStatements(conferenceId),
      lockedPlacesQuery(conferenceId, {
        idempotencyKey: meta.idempotencyKey ?? null,
        activeEmailKey: key,
        sessionIds: wanted.map(([, sessionId]) => sessionId),
        now: meta.now ?? null,
      }),
    ),
  )) as unknown as pg.QueryResult[];
  const places = results.at(-1)?.rows[0] as LockedPlaces | undefined;
  if (!places) throw new Error(`conference ${conferenceId} disappeared`);
  const now = places.now;
  const done = async (outcome: RegisterOutcome) => {
    await client.query("COMMIT");
    return outcome;
  };
  if (places.replayId) return done({ ok: true, conferenceSlug: programme.slug, registrationId: places.replayId });

  const confirmed = places.confirmed;
  const state = registrationState(places, confirmed, now);
  // Walk-ins at the door and an organiser's additions do not depend on the public sign-up window.
  const outsideWindowAllowed = (source === "WALK_IN" || meta.byOrganiser === true) && places.status === "PUBLISHED" && now < places.endsAt;
  if (!outsideWindowAllowed && state !== "open" && state !== "full") return done({ ok: false, reason: "notOpen", state });

  // Every chosen session must belong to the round it was chosen for, in this conference.
  const sessions = new Map(places.sessions.map((s) => [s.id, s]));
  const chosen: Array<{ roundId: string; sessionId: string; capacity: number | null; session: ProgrammeSession }> = [];
  for (const [roundId, sessionId] of wanted) {
    const session = programme.rounds.find((r) => r.id === roundId)?.sessions.find((s) => s.id === sessionId);
    const current = sessions.get(sessionId);
    if (!session || !current) return done({ ok: false, reason: "invalidWorkshop" });
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
  if (places.existing) {
    await mailOwner(client, { conferenceId, key, conference, existing: places.existing, manageToken: fresh.manageToken, locale: input.locale });
    return done({ ok: true, conferenceSlug: conference.slug, registrationId: null });
  }

  const hasPlace = confirmed < places.capacity;
  if (!hasPlace && source === "WALK_IN") return done({ ok: false, reason: "notOpen", state: "full" });
  const status = hasPlace ? "CONFIRMED" : "WAITLISTED";

  const full = chosen.filter((c) => c.capacity !== null && (sessions.get(c.sessionId)?.taken ?? 0) >= c.capacity);
  if (status === "CONFIRMED" && full.length > 0 && !input.waitForFullWorkshops) {
    return done({ ok: false, reason: "workshopFull", sessionIds: full.map((c) => c.sessionId) });
  }

  const choices = chosen.map((c) => ({
    roundId: c.roundId,
    sessionId: c.sessionId,
    // A person on the conference's waitlist holds no workshop place yet; promotion decides.
    status: status === "CONFIRMED" && !full.includes(c) ? ("CONFIRMED" as const) : ("WAITLISTED" as const),
  }));
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
    fresh.ticketQr,
  );
  const id = fresh.registrationId;
  // Registration, workshop choices, email and COMMIT: one round trip. Ids are drawn here, as Prisma's
  // @default(cuid()) would have been; updated_at is Prisma's @updatedAt, so it is set here too. created_at is
  // the transaction's now(), as the column default would give (fillFreePlaces orders choices by it).
  await client.query(
    statements(
      sql`
        INSERT INTO registrations (id, conference_id, name, email, active_email_key, search_text, organisation, job_role,
                                   dietary_needs, accessibility_needs, privacy_consent_at, photo_consent, newsletter_opt_in,
                                   locale, status, source, ticket_code, manage_token_hash, idempotency_key,
                                   confirmed_at, waitlisted_at, created_at, updated_at)
        VALUES (${id}, ${conferenceId}, ${input.name}, ${input.email.trim()}, ${key}, ${searchKey(input.name, input.organisation)},
                ${input.organisation ?? null}, ${input.jobRole ?? null}, ${input.dietaryNeeds ?? null}, ${input.accessibilityNeeds ?? null},
                ${now}, ${input.photoConsent}, ${input.newsletterOptIn}, ${input.locale},
                ${status}::"RegistrationStatus", ${source}::"RegistrationSource", ${fresh.ticketCode}, ${hashToken(fresh.manageToken)},
                ${meta.idempotencyKey ?? null}, ${status === "CONFIRMED" ? now : null}, ${status === "WAITLISTED" ? now : null}, now(), now())`,
      ...choices.map(
        (c) => sql`
          INSERT INTO workshop_choices (id, registration_id, round_id, session_id, status, created_at, updated_at)
          VALUES (${randomUUID()}, ${id}, ${c.roundId}, ${c.sessionId}, ${c.status}::"ChoiceStatus", now(), now())`,
      ),
      outboxInsert(email, id),
      sql`COMMIT`,
    ),
  );
  return { ok: true, conferenceSlug: conference.slug, registrationId: id };
}

/**
 * Someone registered an address that already has a registration here: its owner gets an email with a new
 * manage link (only hashes are kept, so the old link cannot be resent), at most once per OWNER_MAIL_THROTTLE
 * window per address and conference, so the form cannot be used to flood someone's mailbox. The page's answer
 * is the same either way; a throttled attempt changes nothing, the old link keeps working.
 */
async function mailOwner(
  client: pg.PoolClient,
  args: {
    conferenceId: string;
    key: string;
    conference: Parameters<typeof alreadyRegisteredEmail>[0]["conference"];
    existing: { id: string; email: string; name: string; locale: string };
    manageToken: string;
    locale: Registration["locale"];
  },
): Promise<void> {
  const allowed = await hit(OWNER_MAIL_THROTTLE, `${args.conferenceId}:${args.key}`, client);
  if (!allowed.ok) return;
  const email = alreadyRegisteredEmail({ conference: args.conference, registration: args.existing, manageToken: args.manageToken, locale: args.locale });
  await client.query(
    statements(
      sql`UPDATE registrations SET manage_token_hash = ${hashToken(args.manageToken)}, updated_at = now() WHERE id = ${args.existing.id}`,
      outboxInsert(email, args.existing.id),
    ),
  );
}

export type CancelOutcome = { ok: true; promoted: number } | { ok: false; reason: "notFound" | "busy" };

// Cancelling frees the place and, in the same transaction, gives it to the first person waiting.
export async function cancelRegistration(
  where: { registrationId: string; conferenceId?: string },
  /** An organiser's cancel tells the attendee, in the same transaction; an attendee's own does not need to. */
  options: { notifyAttendee?: boolean } = {},
): Promise<CancelOutcome> {
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
      if (options.notifyAttendee) {
        await enqueueEmail(tx, await cancelledByOrganiserEmail(tx, found.id), { registrationId: found.id });
      }
      const promoted = await fillFreePlaces(tx, found.conferenceId);
      return { ok: true as const, promoted: promoted.length };
    }, PLACES_TRANSACTION);
  } catch (error) {
    if (isBusy(error)) return { ok: false, reason: "busy" };
    throw error;
  }
}
