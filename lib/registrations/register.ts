// Signing up, as one database call: the form, the JSON API, an organiser's addition and a walk-in at the door
// all come here (through registerForConference in ./mutations.ts, which adds the newsletter opt-in). No
// "server-only" marker and nothing of Prisma or Next: the production server answers the JSON API with it
// before Next sees the request (scripts/lib/registration-posts.ts).
import { randomUUID } from "node:crypto";
import { pgPool } from "@/lib/db-pool";
import { hit, rateLimitKey, rateLimitResult, type RateLimitRule } from "@/lib/rate-limit/rate-limit";
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
  | { ok: false; reason: "busy" }
  | { ok: false; reason: "rateLimited"; retryAfterSeconds: number };

export type RegisterMeta = {
  idempotencyKey?: string;
  /** Counted in the same call, before anything else; over the limit, nothing else happens. */
  rateLimit?: { rule: RateLimitRule; client: string };
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
  rounds: Array<{ id: string; sessions: Array<Omit<ProgrammeSession, "startsAt" | "endsAt"> & { startsAt: string; endsAt: string }> }>;
};

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

type SignUpAnswer =
  | { outcome: "notFound" }
  | { outcome: "rateLimited"; count: number; windowStart: string }
  | { outcome?: undefined; programme: Programme; decision: Decision };

/**
 * Signs up in one database call, registration_sign_up (migration 20261129010000): the rate limit, the
 * programme that the email names (outside the lock), and registration_register, which takes the conference's
 * lock, decides and writes the registration, its workshop choices and its email's draft. The lock goes with
 * that statement's commit: no JavaScript runs while it is held, so a busy event loop no longer holds up every
 * other sign-up of the conference. The email is rendered after the commit.
 */
export async function signUp(conferenceSlug: string, input: Registration, meta: RegisterMeta = {}): Promise<RegisterOutcome> {
  const wanted = Object.entries(input.workshops).filter(([, sessionId]) => sessionId);
  const email = input.email.trim();
  const ticketCode = newTicketCode();
  const manageToken = randomToken();
  const registrationId = randomUUID();
  const outboxId = randomUUID();

  let answer: SignUpAnswer;
  try {
    const { rows } = await pgPool().query<{ answer: SignUpAnswer }>({
      // Named: planned once per connection.
      name: "registration-sign-up",
      text: `SELECT registration_sign_up($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                                         $18, $19, $20, $21, $22, $23, $24, $25, $26) AS answer`,
      values: [
        conferenceSlug,
        meta.rateLimit ? rateLimitKey(meta.rateLimit.rule, meta.rateLimit.client) : null,
        meta.rateLimit?.rule.windowSeconds ?? null,
        meta.rateLimit?.rule.limit ?? null,
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
    answer = rows[0]!.answer;
  } catch (error) {
    if (isLockTimeout(error) || isPoolTimeout(error)) return { ok: false, reason: "busy" };
    // Two requests with one idempotency key can only meet here if the lock was bypassed; answer as a replay.
    if (isUniqueViolation(error)) return { ok: true, conferenceSlug, registrationId: null };
    throw error;
  }
  if (answer.outcome === "notFound") return { ok: false, reason: "notFound" };
  if (answer.outcome === "rateLimited") {
    const limited = rateLimitResult(meta.rateLimit!.rule, { count: answer.count, windowStart: new Date(answer.windowStart) });
    return { ok: false, reason: "rateLimited", retryAfterSeconds: limited.ok ? 1 : limited.retryAfterSeconds };
  }
  const { programme, decision } = answer;

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
  // Times come as ISO 8601 text in the JSON.
  const sessions = new Map(
    programme.rounds.flatMap((round) =>
      round.sessions.map((session) => [session.id, { ...session, startsAt: new Date(session.startsAt), endsAt: new Date(session.endsAt) }]),
    ),
  );
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
