// Signing up, as one database call: the form, an organiser's addition and a walk-in at the door come here
// through registerForConference in ./mutations.ts, which adds the newsletter opt-in; the JSON API through
// ./api.ts. No "server-only" marker and nothing of Prisma or Next: the production server answers the JSON API
// with it before Next sees the request (scripts/lib/registration-posts.ts).
import { randomUUID } from "node:crypto";
import { flushWal, pgPool } from "@/lib/db-pool";
import { hit, type RateLimitRule } from "@/lib/rate-limit/rate-limit";
import type { RegistrationState } from "@/lib/conferences/registration-state";
import { isLockTimeout, isPoolTimeout, isUniqueViolation } from "@/lib/db-errors";
import { emailKey, hasNul, searchKey } from "@/lib/text";
import { hashToken, newTicketCode, randomToken } from "@/lib/tokens";
import { outboxRow } from "@/lib/mail/outbox";
import { alreadyRegisteredEmail, type ConferenceForMail } from "./emails";
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
  /** Counted before anything else; over the limit, nothing else happens. */
  rateLimit?: { rule: RateLimitRule; client: string };
  source?: "ONLINE" | "WALK_IN";
  /**
   * Added by an organiser from the dashboard: allowed outside the sign-up window (late additions after
   * closing, guests before opening), as long as the conference is published and not over. Capacity holds.
   */
  byOrganiser?: boolean;
};

/**
 * The conference as registration_register read it under the lock: who organises it, and what an email says of
 * it (dates as JSON text).
 */
type LockedConference = Omit<ConferenceForMail, "startsAt" | "endsAt"> & { id: string; organisationId: string; startsAt: string; endsAt: string };

/** An active registration of the address, with its confirmation's manage token while that email is a draft. */
type Existing = { id: string; email: string; name: string; locale: string; draftManageToken: string | null };

type Decided =
  | { outcome: "invalidWorkshop" }
  | { outcome: "replay"; id: string }
  | { outcome: "notOpen"; state: RegistrationState }
  | { outcome: "existing"; existing: Existing }
  | { outcome: "workshopFull"; sessionIds: string[] }
  | { outcome: "registered"; id: string; status: "CONFIRMED" | "WAITLISTED"; waitlistPosition: number | null; fullSessionIds: string[] };

/** What registration_register answers. */
type Decision = { outcome: "notFound" } | ({ conference: LockedConference } & Decided);

/**
 * Signs up: the rate limit in a statement of its own (counted inside the sign-up, its row would stay locked
 * while the sign-up waits for the conference's lock, holding up that client's other requests), then one call
 * of registration_register (migration 20261129010000), which takes the conference's lock, decides and writes
 * the registration, its workshop choices and its email's draft. The lock goes with that statement's commit: no
 * JavaScript runs while it is held, so a busy event loop no longer holds up every other sign-up of the
 * conference. The mail worker writes the email from its draft (./draft-emails.ts).
 */
export async function signUp(conferenceSlug: string, input: Registration, meta: RegisterMeta = {}): Promise<RegisterOutcome> {
  // No conference has a NUL in its address, and PostgreSQL would refuse to compare one: the form's hidden field
  // and the JSON API's path both arrive here.
  if (hasNul(conferenceSlug)) return { ok: false, reason: "notFound" };
  if (meta.rateLimit) {
    const limited = await hit(meta.rateLimit.rule, meta.rateLimit.client);
    if (!limited.ok) return { ok: false, reason: "rateLimited", retryAfterSeconds: limited.retryAfterSeconds };
  }
  const outcome = await register(conferenceSlug, input, meta);
  // registration_register commits without waiting for its WAL to reach the disk, so that the conference's lock
  // is not held through the flush. A sign-up is only answered once it is there, and so is a replay or an
  // existing registration, which may be one that was just committed.
  if (outcome.ok) await flushWal();
  return outcome;
}

async function register(conferenceSlug: string, input: Registration, meta: RegisterMeta): Promise<RegisterOutcome> {
  const wanted = Object.entries(input.workshops).filter(([, sessionId]) => sessionId);
  const email = input.email.trim();
  const ticketCode = newTicketCode();
  const manageToken = randomToken();
  const registrationId = randomUUID();
  const outboxId = randomUUID();

  let decision: Decision;
  try {
    const { rows } = await pgPool().query<{ decision: Decision }>({
      // Named: planned once per connection.
      name: "registration-register",
      text: `SELECT registration_register($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                                          $18, $19, $20, $21, $22, $23) AS decision`,
      values: [
        conferenceSlug,
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
  if (decision.outcome === "notFound") return { ok: false, reason: "notFound" };
  const { conference } = decision;
  switch (decision.outcome) {
    case "invalidWorkshop":
      return { ok: false, reason: "invalidWorkshop" };
    case "notOpen":
      return { ok: false, reason: "notOpen", state: decision.state };
    case "workshopFull":
      return { ok: false, reason: "workshopFull", sessionIds: decision.sessionIds };
    case "replay":
      return { ok: true, conferenceSlug: conference.slug, registrationId: decision.id };
    case "existing":
      await mailOwner({
        conferenceId: conference.id,
        conference: { ...conference, startsAt: new Date(conference.startsAt), endsAt: new Date(conference.endsAt) },
        existing: decision.existing,
        locale: input.locale,
      });
      return { ok: true, conferenceSlug: conference.slug, registrationId: null };
    case "registered":
      break;
  }

  return {
    ok: true,
    conferenceSlug: conference.slug,
    registrationId: decision.id,
    ...(input.newsletterOptIn ? { newsletterOptIn: { organisationId: conference.organisationId, email, locale: input.locale } } : {}),
  };
}

/**
 * Someone registered an address that already has a registration here: its owner gets an email with a new
 * manage link (only hashes are kept, so the old link cannot be resent; while the confirmation is still a
 * draft, its link is the one it will carry, and is sent again instead), at most once per OWNER_MAIL_THROTTLE
 * window per address and conference, so the form cannot be used to flood someone's mailbox. The page's answer
 * is the same either way; a throttled attempt changes nothing, the old link keeps working. Outside the
 * conference's lock, which it does not need: no place changes hands. One statement, so the new link is stored
 * exactly when its email is queued, and not at all if the registration was cancelled meanwhile.
 */
async function mailOwner(args: {
  conferenceId: string;
  conference: ConferenceForMail;
  existing: Existing;
  locale: Registration["locale"];
}): Promise<void> {
  const allowed = await hit(OWNER_MAIL_THROTTLE, `${args.conferenceId}:${emailKey(args.existing.email)}`);
  if (!allowed.ok) return;
  const manageToken = args.existing.draftManageToken ?? randomToken();
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
