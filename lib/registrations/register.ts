// Signing up, as one database call: the form, the JSON API, an organiser's addition and a walk-in at the door
// all come here (through registerForConference in ./mutations.ts, which adds the newsletter opt-in). No
// "server-only" marker and nothing of Prisma or Next: the production server answers the JSON API with it
// before Next sees the request (scripts/lib/registration-posts.ts).
import { randomUUID } from "node:crypto";
import { pgPool } from "@/lib/db-pool";
import { hit } from "@/lib/rate-limit/rate-limit";
import type { RegistrationState } from "@/lib/conferences/registration-state";
import { isLockTimeout, isPoolTimeout, isUniqueViolation } from "@/lib/db-errors";
import { emailKey, searchKey } from "@/lib/text";
import { hashToken, newTicketCode, randomToken } from "@/lib/tokens";
import { alreadyRegisteredEmail } from "./emails";
import { outboxRow } from "@/lib/mail/outbox";
import { renderConfirmationDraft, type ConferenceForDraft, type ProgrammeSession } from "./draft-emails";
import { OWNER_MAIL_THROTTLE } from "./rate-limits";
import type { Registration } from "./schema";

/** A new registration's newsletter opt-in, for the caller to pass on to the organisation's newsletter. */
export type NewsletterOptIn = { organisationId: string; email: string; locale: Registration["locale"] };

export type RegisterOutcome =
  // Deliberately the same for a new registration and for an address that was already registered: the page
  // must not tell a stranger who is coming. The address's owner learns the rest by email.
  | { ok: true; conferenceSlug: string; registrationId: string | null; newsletterOptIn?: NewsletterOptIn }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "notOpen"; state: RegistrationState }
  | { ok: false; reason: "invalidWorkshop" }
  | { ok: false; reason: "workshopFull"; sessionIds: string[] }
  | { ok: false; reason: "busy" };

export type RegisterMeta = {
  idempotencyKey?: string;
  source?: "ONLINE" | "WALK_IN";
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
  venue: ConferenceForDraft["venue"];
  rounds: Array<{ id: string; sessions: ProgrammeSession[] }>;
};
type ProgrammeRow = Omit<Programme, "rounds"> & {
  rounds: Array<{ id: string; sessions: Array<Omit<ProgrammeSession, "startsAt" | "endsAt"> & { startsAt: string; endsAt: string }> }>;
};

// Read before the sign-up, outside the lock: what only names things in the email (titles, venue, times) and
// the organisation for a newsletter opt-in. Everything that decides a place is read under the lock, in
// registration_register. One statement instead of Prisma's five, through node-postgres without Prisma's
// per-query work: at a few hundred sign-ups a second both show. Times come as ISO 8601 text in the JSON.
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

/** The conference's dates and status as registration_register read them under the lock (JSON text). */
type LockedConference = { startsAt: string; endsAt: string; status: string };

type Decision = { conference: LockedConference } & (
  | { outcome: "notFound" | "invalidWorkshop" }
  | { outcome: "replay"; id: string }
  | { outcome: "notOpen"; state: RegistrationState }
  | { outcome: "existing"; existing: { id: string; email: string; name: string; locale: string } }
  | { outcome: "workshopFull"; sessionIds: string[] }
  | { outcome: "registered"; id: string; status: "CONFIRMED" | "WAITLISTED"; waitlistPosition: number | null; fullSessionIds: string[] }
);

/**
 * Registers in one database call: registration_register (migration 20261129010000) takes the conference's
 * lock, decides and writes the registration, its workshop choices and its email's draft, and the lock goes
 * with that statement's commit. No JavaScript runs while the lock is held, so a busy event loop no longer
 * holds up every other sign-up of the conference. The email is rendered after the commit.
 */
export async function signUp(conferenceSlug: string, input: Registration, meta: RegisterMeta = {}): Promise<RegisterOutcome> {
  const programme = await findProgramme(conferenceSlug);
  if (!programme) return { ok: false, reason: "notFound" };
  const wanted = Object.entries(input.workshops).filter(([, sessionId]) => sessionId);
  const email = input.email.trim();
  const ticketCode = newTicketCode();
  const manageToken = randomToken();
  const registrationId = randomUUID();
  const outboxId = randomUUID();

  let decision: Decision;
  try {
    const { rows } = await pgPool().query<{ decision: Decision }>({
      name: "registration-register",
      text: `SELECT registration_register($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                                          $18, $19, $20, $21, $22, $23) AS decision`,
      values: [
        programme.id,
        meta.idempotencyKey ?? null,
        emailKey(email),
        wanted.map(([roundId]) => roundId),
        wanted.map(([, sessionId]) => sessionId),
        input.waitForFullWorkshops,
        meta.source ?? "ONLINE",
        meta.byOrganiser === true,
        registrationId,
        input.name,
        email,
        searchKey(input.name, input.organisation),
        input.organisation ?? null,
        input.jobRole ?? null,
        input.dietaryNeeds ?? null,
        input.accessibilityNeeds ?? null,
        input.photoConsent,
        input.newsletterOptIn,
        input.locale,
        ticketCode,
        hashToken(manageToken),
        outboxId,
        manageToken,
      ],
    });
    decision = rows[0]!.decision;
  } catch (error) {
    if (isLockTimeout(error) || isPoolTimeout(error)) return { ok: false, reason: "busy" };
    // Two requests with one idempotency key can only meet here if the lock was bypassed; answer as a replay.
    if (isUniqueViolation(error)) return { ok: true, conferenceSlug, registrationId: null };
    throw error;
  }

  const conference: ConferenceForDraft = {
    slug: programme.slug,
    title: programme.title,
    venue: programme.venue,
    startsAt: new Date(decision.conference?.startsAt),
    endsAt: new Date(decision.conference?.endsAt),
    status: decision.conference?.status,
  };
  switch (decision.outcome) {
    case "notFound":
    case "invalidWorkshop":
      return { ok: false, reason: decision.outcome };
    case "notOpen":
      return { ok: false, reason: "notOpen", state: decision.state };
    case "workshopFull":
      return { ok: false, reason: "workshopFull", sessionIds: decision.sessionIds };
    case "replay":
      return { ok: true, conferenceSlug: programme.slug, registrationId: decision.id };
    case "existing":
      await mailOwner({ conferenceId: programme.id, conference, existing: decision.existing, locale: input.locale });
      return { ok: true, conferenceSlug: programme.slug, registrationId: null };
    case "registered":
      break;
  }

  const full = new Set(decision.fullSessionIds);
  const sessions = new Map(programme.rounds.flatMap((round) => round.sessions.map((session) => [session.id, session])));
  // Rendered now that the lock is gone. Should this fail, or the process stop first, the mail worker renders
  // the draft from the database (draft-recovery.ts): the registration and its email stand either way.
  const rendered = await renderConfirmationDraft(outboxId, {
    name: input.name,
    email,
    locale: input.locale,
    ticketCode,
    status: decision.status,
    conference,
    choices: wanted.map(([, sessionId]) => ({
      sessionId,
      // As registration_register decided: a waitlisted person, or a full workshop, gives a waitlisted choice.
      status: decision.status === "CONFIRMED" && !full.has(sessionId) ? ("CONFIRMED" as const) : ("WAITLISTED" as const),
      session: sessions.get(sessionId)!,
    })),
  }, { manageToken, waitlistPosition: decision.waitlistPosition ?? 1 }).catch((error: unknown) => {
    console.error("[registration] confirmation email left as a draft for the mail worker:", error instanceof Error ? error.message : error);
    return false;
  });
  // registration_register commits without waiting for its WAL to reach the disk (so the lock is not held
  // through the flush); the sign-up is acknowledged only once it is there. A synchronous commit flushes the WAL
  // up to itself, so the render's did that for this sign-up too. When the render wrote nothing, an XID does it.
  if (!rendered) await pgPool().query("SELECT txid_current()");

  return {
    ok: true,
    conferenceSlug: programme.slug,
    registrationId: decision.id,
    ...(input.newsletterOptIn ? { newsletterOptIn: { organisationId: programme.organisationId, email, locale: input.locale } } : {}),
  };
}

/**
 * Someone registered an address that already has a registration here: its owner gets an email with a new
 * manage link (only hashes are kept, so the old link cannot be resent), at most once per OWNER_MAIL_THROTTLE
 * window per address and conference, so the form cannot be used to flood someone's mailbox. The page's answer
 * is the same either way; a throttled attempt changes nothing, the old link keeps working. Outside the
 * conference's lock, which it does not need: no place changes hands. One statement, so the new link is stored
 * exactly when its email is queued, and not at all if the registration was cancelled meanwhile.
 */
async function mailOwner(args: {
  conferenceId: string;
  conference: ConferenceForDraft;
  existing: { id: string; email: string; name: string; locale: string };
  locale: Registration["locale"];
}): Promise<void> {
  const allowed = await hit(OWNER_MAIL_THROTTLE, `${args.conferenceId}:${emailKey(args.existing.email)}`);
  if (!allowed.ok) return;
  const manageToken = randomToken();
  const row = outboxRow(alreadyRegisteredEmail({ conference: args.conference, registration: args.existing, manageToken, locale: args.locale }));
  await pgPool().query(
    `WITH renewed AS (
       UPDATE registrations SET manage_token_hash = $1, updated_at = now() WHERE id = $2 AND status <> 'CANCELLED' RETURNING id)
     INSERT INTO email_outbox (id, kind, to_address, subject, text_body, html_body, attachments, headers, registration_id)
     SELECT $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, renewed.id FROM renewed`,
    [hashToken(manageToken), args.existing.id, randomUUID(), row.kind, row.toAddress, row.subject, row.textBody, row.htmlBody,
     JSON.stringify(row.attachments), JSON.stringify(row.headers)],
  );
}
