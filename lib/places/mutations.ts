// Every decision about places, each one call of a function in prisma/sql/places.sql, which takes the
// conference's lock, decides and writes in one go: nothing is decided here in TypeScript, and no JavaScript runs
// while a lock is held. This file is the one TypeScript face of that module: it passes arguments in, and checks
// every answer against ./schema.ts.
//
// No "server-only" marker and no Prisma client: the production server answers the registration JSON API with
// signUp before Next sees the request (server/registration-posts.ts). The organiser's edits call the functions
// that take a Prisma transaction, inside the transaction of their edit.
import type pg from "pg";
import type { z } from "zod";
import type { Tx } from "@/lib/db";
import { flushWal, pgPool } from "@/lib/db-pool";
import { isLockTimeout, isPoolTimeout, isUniqueViolation } from "@/lib/db-errors";
import { hit, type RateLimitRule } from "@/lib/rate-limit/rate-limit";
import { emailKey, hasNul, searchKey } from "@/lib/text";
import type { StoredAnswer } from "@/lib/questions/answers";
import { newTicketCode } from "@/lib/tokens";
import { newRegistrationId } from "./registration-id";
import {
  type Decision,
  cancelAnswerSchema,
  cancelConferenceAnswerSchema,
  capacityAnswerSchema,
  changeWorkshopsAnswerSchema,
  eraseAnswerSchema,
  publishAllocationAnswerSchema,
  rankingAnswerSchema,
  registerAnswerSchema,
  roundAllocationAnswerSchema,
  sessionCapacityAnswerSchema,
  type RegistrationState,
} from "./schema";

/** A pile-up rather than a fault: the lock wait timed out, or no pooled connection came free in time. */
export class PlacesBusyError extends Error {
  constructor() {
    super("conference is busy");
  }
}

/**
 * Also Prisma's P2028: its interactive transaction waited longer than PLACES_TRANSACTION allows for a connection.
 * Callers answer "busy, try again" (503 with Retry-After in the API) instead of an unexpected error.
 */
export function isBusy(error: unknown): boolean {
  if (error instanceof PlacesBusyError || isLockTimeout(error) || isPoolTimeout(error)) return true;
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2028";
}

/** One function of places.sql through the pool, its answer checked; a lock timeout becomes PlacesBusyError. */
async function call<T>(schema: z.ZodType<T>, query: { name: string; text: string; values: unknown[] }, on: pg.Pool | pg.PoolClient = pgPool()): Promise<T> {
  try {
    const { rows } = await on.query<{ answer: unknown }>(query);
    return schema.parse(rows[0]?.answer);
  } catch (error) {
    if (isLockTimeout(error) || isPoolTimeout(error)) throw new PlacesBusyError();
    throw error;
  }
}

/** The same inside an organiser's Prisma transaction: the lock is then held until that transaction ends. */
async function callIn<T>(tx: Tx, schema: z.ZodType<T>, text: string, values: unknown[]): Promise<T> {
  try {
    const rows = await tx.$queryRawUnsafe<Array<{ answer: unknown }>>(text, ...values);
    return schema.parse(rows[0]?.answer);
  } catch (error) {
    if (isLockTimeout(error)) throw new PlacesBusyError();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Signing up: the form, the JSON API, a walk-in at the door, an organiser's addition
// ---------------------------------------------------------------------------------------------------------

/** What a sign-up needs to know of the person (the registration form's parsed values fit it). */
export interface SignUpInput {
  name: string;
  /** "" only for a walk-in who gave no address (the database refuses it for anyone else). */
  email: string;
  organisation?: string | null;
  jobRole?: string | null;
  dietaryNeeds?: string | null;
  accessibilityNeeds?: string | null;
  photoConsent: boolean;
  newsletterOptIn: boolean;
  locale: "nl" | "en";
  /** Round id to session id; an empty session means none in that round. */
  workshops: Record<string, string>;
  /** Ranked rounds (before their allocation): round id to its workshops, best first. */
  rankings?: Record<string, string[]>;
  /**
   * Choosing a full workshop is choosing its waiting list (undefined, as for every attendee). Only an organiser
   * adding someone by hand may ask for a refusal instead (false): they never park someone on a list by accident.
   */
  waitForFullWorkshops?: boolean;
  /** Answers to the conference's own questions, already checked against them (lib/questions/answers.ts). */
  storedAnswers?: StoredAnswer[];
}

/** A new registration's newsletter opt-in, for the caller to pass on to the organisation's newsletter. */
export type NewsletterOptIn = { organisationId: string; email: string; locale: SignUpInput["locale"] };

export type SignUpOutcome =
  // `decision`: what the person was given (a new registration, or the one this idempotency key made before),
  // to be shown to them at once. Null when the address already had a registration here: nothing was decided,
  // and its owner gets an email with their manage link (registrationId is null then too).
  | { ok: true; conferenceSlug: string; registrationId: string | null; decision: Decision | null; newsletterOptIn?: NewsletterOptIn }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "notOpen"; state: RegistrationState }
  /** `sessionIds`: the workshops that cannot be chosen (or ranked) now, to name them; may be empty. */
  | { ok: false; reason: "invalidWorkshop"; sessionIds: string[] }
  | { ok: false; reason: "workshopFull"; sessionIds: string[] }
  | { ok: false; reason: "busy" }
  | { ok: false; reason: "rateLimited"; retryAfterSeconds: number };

export type SignUpMeta = {
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

// An address that is already registered gets its owner an email with a manage link when someone registers it
// again. Anyone can type anyone's address, so that email leaves at most once per 10 minutes per address and
// conference (keyed by both, hashed); further attempts in the window send and change nothing.
const OWNER_MAIL_THROTTLE: RateLimitRule = { bucket: "registration-owner-mail", limit: 1, windowSeconds: 600 };

/**
 * Signs up: the rate limit in a statement of its own (counted inside the sign-up, its row would stay locked
 * while the sign-up waits for the conference's lock, holding up that client's other requests), then one call of
 * places_register, which takes the conference's lock, decides and writes the registration, its workshop choices
 * and its email's draft. The lock goes with that statement's commit. The mail worker writes the email.
 */
export async function signUp(conferenceSlug: string, input: SignUpInput, meta: SignUpMeta = {}): Promise<SignUpOutcome> {
  // No conference has a NUL in its address, and PostgreSQL would refuse to compare one: the form's hidden field
  // and the JSON API's path both arrive here.
  if (hasNul(conferenceSlug)) return { ok: false, reason: "notFound" };
  if (meta.rateLimit) {
    const limited = await hit(meta.rateLimit.rule, meta.rateLimit.client);
    if (!limited.ok) return { ok: false, reason: "rateLimited", retryAfterSeconds: limited.retryAfterSeconds };
  }
  const outcome = await register(conferenceSlug, input, meta);
  // places_register commits without waiting for its WAL to reach the disk, so that the conference's lock is not
  // held through the flush. A sign-up is only answered once it is there, and so is a replay or an existing
  // registration, which may be one that was just committed.
  if (outcome.ok) await flushWal();
  return outcome;
}

async function register(conferenceSlug: string, input: SignUpInput, meta: SignUpMeta): Promise<SignUpOutcome> {
  const wanted = Object.entries(input.workshops).filter(([, sessionId]) => sessionId);
  const ranked = Object.entries(input.rankings ?? {}).flatMap(([roundId, sessionIds]) => sessionIds.map((sessionId) => [roundId, sessionId] as const));
  const email = input.email.trim();
  let answer;
  try {
    answer = await call(registerAnswerSchema, {
      // Named: planned once per connection.
      name: "places-register",
      text: `SELECT places_register($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23) AS answer`,
      values: [
        conferenceSlug,
        meta.idempotencyKey ?? null,
        // A walk-in may come without an address: then no key, and no email (places.sql).
        email ? emailKey(email) : null,
        wanted.map(([roundId]) => roundId),
        wanted.map(([, sessionId]) => sessionId),
        input.waitForFullWorkshops ?? true,
        meta.source ?? "ONLINE",
        meta.byOrganiser === true,
        newRegistrationId(),
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
        newTicketCode(),
        ranked.map(([roundId]) => roundId),
        ranked.map(([, sessionId]) => sessionId),
        JSON.stringify(
          (input.storedAnswers ?? []).map((a) => ({
            question_id: a.questionId,
            value: a.value,
            version: a.version,
            label_nl: a.labelNl,
            label_en: a.labelEn,
            text_nl: a.textNl,
            text_en: a.textEn,
          })),
        ),
      ],
    });
  } catch (error) {
    if (isBusy(error)) return { ok: false, reason: "busy" };
    // Two requests with one idempotency key can only meet here if the lock was bypassed; answer as a replay.
    if (isUniqueViolation(error)) return { ok: true, conferenceSlug, registrationId: null, decision: null };
    throw error;
  }
  switch (answer.outcome) {
    case "notFound":
      return { ok: false, reason: "notFound" };
    case "invalidWorkshop":
      return { ok: false, reason: "invalidWorkshop", sessionIds: answer.sessionIds };
    case "notOpen":
      return { ok: false, reason: "notOpen", state: answer.state };
    case "workshopFull":
      return { ok: false, reason: "workshopFull", sessionIds: answer.sessionIds };
    case "replay":
      return { ok: true, conferenceSlug: answer.conference.slug, registrationId: answer.id, decision: answer.decision };
    case "existing":
      await tellOwner(answer.conference.id, answer.existingId, email, input.locale);
      return { ok: true, conferenceSlug: answer.conference.slug, registrationId: null, decision: null };
    case "registered":
      return {
        ok: true,
        conferenceSlug: answer.conference.slug,
        registrationId: answer.id,
        decision: { status: answer.status, waitlistPosition: answer.waitlistPosition, choices: answer.choices, rankedRoundIds: answer.rankedRoundIds },
        ...(input.newsletterOptIn ? { newsletterOptIn: { organisationId: answer.conference.organisationId, email, locale: input.locale } } : {}),
      };
  }
}

/**
 * Someone registered an address that already has a registration here: its owner gets an email with a manage
 * link (in the language of the form just used), queued as a draft for the mail worker. Outside the conference's
 * lock, which it does not need: no place changes hands.
 */
async function tellOwner(conferenceId: string, registrationId: string, email: string, locale: SignUpInput["locale"]): Promise<void> {
  const allowed = await hit(OWNER_MAIL_THROTTLE, `${conferenceId}:${emailKey(email)}`);
  if (!allowed.ok) return;
  await pgPool().query({
    name: "places-tell-owner",
    text: "SELECT places_enqueue($1, $2::jsonb)::text",
    values: [registrationId, JSON.stringify({ template: "alreadyRegistered", locale })],
  });
}

// ---------------------------------------------------------------------------------------------------------
// Changing a registration: the attendee through the manage link, the organiser from the dashboard
// ---------------------------------------------------------------------------------------------------------

export type CancelOutcome = { ok: true; promoted: number } | { ok: false; reason: "notFound" | "alreadyCancelled" | "busy" };

/**
 * Cancels, and gives the places to whoever waits, in one call. `conferenceId` confines it to one conference
 * (an organiser's page names it); `email` names the email the cancellation owes its person, if any.
 */
export async function cancelRegistration(
  where: { registrationId: string; conferenceId?: string },
  email: { template: "cancelledByOrganiser" | "cancelled" } | null = null,
): Promise<CancelOutcome> {
  try {
    const answer = await call(cancelAnswerSchema, {
      name: "places-cancel",
      text: "SELECT places_cancel($1, $2, $3::jsonb) AS answer",
      values: [where.registrationId, where.conferenceId ?? null, email ? JSON.stringify(email) : null],
    });
    return answer.outcome === "cancelled" ? { ok: true, promoted: answer.promoted } : { ok: false, reason: answer.outcome };
  } catch (error) {
    if (isBusy(error)) return { ok: false, reason: "busy" };
    throw error;
  }
}

export type ChangeWorkshopsOutcome =
  | { ok: true }
  | { ok: false; reason: "notFound" | "busy" | "cancelled" | "conferenceCancelled" | "past" | "invalidWorkshop" }
  | { ok: false; reason: "workshopFull"; sessionIds: string[] };

/**
 * Sets the registration's workshop in every round (a round not in `wanted`, or empty, ends up without one). A
 * full workshop is its waiting list, or with `waitForFull` false (an organiser moving someone) a refusal. When
 * anything changed, the person's updated ticket is queued.
 */
export async function changeWorkshops(registrationId: string, wanted: Record<string, string>, waitForFull: boolean): Promise<ChangeWorkshopsOutcome> {
  const rounds = Object.entries(wanted);
  try {
    const answer = await call(changeWorkshopsAnswerSchema, {
      name: "places-change-workshops",
      text: "SELECT places_change_workshops($1, $2, $3, $4) AS answer",
      values: [registrationId, rounds.map(([roundId]) => roundId), rounds.map(([, sessionId]) => sessionId), waitForFull],
    });
    if (answer.outcome === "changed") return { ok: true };
    if (answer.outcome === "workshopFull") return { ok: false, reason: "workshopFull", sessionIds: answer.sessionIds };
    return { ok: false, reason: answer.outcome };
  } catch (error) {
    if (isBusy(error)) return { ok: false, reason: "busy" };
    throw error;
  }
}

/** Erases the person's data; before the conference ends this cancels too, and the places go to whoever waits. */
export async function eraseRegistration(registrationId: string): Promise<{ ok: true } | { ok: false; reason: "notFound" | "busy" }> {
  try {
    const answer = await call(eraseAnswerSchema, { name: "places-erase", text: "SELECT places_erase($1) AS answer", values: [registrationId] });
    return answer.outcome === "erased" ? { ok: true } : { ok: false, reason: "notFound" };
  } catch (error) {
    if (isBusy(error)) return { ok: false, reason: "busy" };
    throw error;
  }
}

export type RankingOutcome = { ok: true } | { ok: false; reason: "notFound" | "cancelled" | "closed" | "invalidWorkshop" | "busy" };

/** A new ranking of a ranked round's workshops (best first), until its rankings close. */
export async function setRanking(registrationId: string, roundId: string, sessionIds: string[]): Promise<RankingOutcome> {
  try {
    const answer = await call(rankingAnswerSchema, {
      name: "places-set-ranking",
      text: "SELECT places_set_ranking($1, $2, $3) AS answer",
      values: [registrationId, roundId, sessionIds],
    });
    return answer.outcome === "ranked" ? { ok: true } : { ok: false, reason: answer.outcome };
  } catch (error) {
    if (isBusy(error)) return { ok: false, reason: "busy" };
    throw error;
  }
}

/** Writes an allocation computed from places_ranking_input (./ranked-choice.ts), if nothing changed since. */
export async function publishAllocationCall(
  roundId: string,
  fingerprint: string,
  placed: Array<{ registrationId: string; sessionId: string }>,
  waiting: string[],
) {
  return call(publishAllocationAnswerSchema, {
    name: "places-publish-allocation",
    text: "SELECT places_publish_allocation($1, $2, $3, $4, $5) AS answer",
    values: [roundId, fingerprint, placed.map((p) => p.registrationId), placed.map((p) => p.sessionId), waiting],
  });
}

// ---------------------------------------------------------------------------------------------------------
// Inside an organiser's edit (a Prisma transaction): capacities, calling a conference off, the programme's lock
// ---------------------------------------------------------------------------------------------------------

/**
 * Whether the conference may have this capacity (never below its confirmed places). Takes the conference's
 * lock, held until `tx` ends, so that the answer still holds when setConferenceCapacity follows.
 */
export async function checkConferenceCapacity(tx: Tx, conferenceId: string, capacity: number) {
  return callIn(tx, capacityAnswerSchema, "SELECT places_set_capacity($1, $2::int, false) AS answer", [conferenceId, capacity]);
}

/** Sets the capacity; raised, the longest waiting get the new places (and their emails are queued). */
export async function setConferenceCapacity(tx: Tx, conferenceId: string, capacity: number) {
  return callIn(tx, capacityAnswerSchema, "SELECT places_set_capacity($1, $2::int, true) AS answer", [conferenceId, capacity]);
}

/** Whether a workshop may have this capacity (null: no limit): never below its confirmed places. */
export async function checkSessionCapacity(tx: Tx, sessionId: string, capacity: number | null) {
  return callIn(tx, sessionCapacityAnswerSchema, "SELECT places_set_session_capacity($1, $2::int, false) AS answer", [sessionId, capacity]);
}

/** Sets a workshop's capacity; raised or lifted, its waiting list moves up. */
export async function setSessionCapacity(tx: Tx, sessionId: string, capacity: number | null) {
  return callIn(tx, sessionCapacityAnswerSchema, "SELECT places_set_session_capacity($1, $2::int, true) AS answer", [sessionId, capacity]);
}

/** Calls the conference off and queues the news for every registrant, once. */
export async function cancelConference(tx: Tx, conferenceId: string) {
  return callIn(tx, cancelConferenceAnswerSchema, "SELECT places_cancel_conference($1) AS answer", [conferenceId]);
}

/** A round's allocation mode: first come, first served, or ranked choice with the moment its rankings close. */
export async function setRoundAllocation(tx: Tx, roundId: string, mode: "FIRST_COME" | "RANKED", rankingClosesAt: Date | null) {
  return callIn(tx, roundAllocationAnswerSchema, 'SELECT places_set_round_allocation($1, $2::"AllocationMode", $3::timestamptz) AS answer', [roundId, mode, rankingClosesAt]);
}

/**
 * The conference's places lock, for the programme editor: while it is held nobody else changes the
 * conference's places or programme, so its checks (a room or a speaker in two places at once) hold until commit.
 */
export async function lockPlaces(tx: Tx, conferenceId: string): Promise<void> {
  try {
    // ::text because the Prisma adapter cannot decode void.
    await tx.$queryRawUnsafe("SELECT places_lock($1)::text", conferenceId);
  } catch (error) {
    if (isLockTimeout(error)) throw new PlacesBusyError();
    throw error;
  }
}

// Interactive transactions wait for a pooled connection and then hold it; under a rush both need room.
export const PLACES_TRANSACTION = { maxWait: 15_000, timeout: 20_000 } as const;
