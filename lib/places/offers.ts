// Offers with a claim window (issue 16, point 7): the TypeScript face of the offers section of
// prisma/sql/places.sql, which decides everything under the conference's places lock. Here: answering an offer
// (claim or decline, from the page its email links to), the expiry pass every instance's mail worker runs, and
// the reads the pages show. No "server-only": the integration tests and the worker call it directly.
import type pg from "pg";
import { z } from "zod";
import { pgPool } from "@/lib/db-pool";
import { isLockTimeout, isPoolTimeout } from "@/lib/db-errors";

export const OFFER_ANSWER_OUTCOMES = ["notFound", "claimed", "declined", "expired", "withdrawn", "conferenceCancelled"] as const;
const answerSchema = z.object({ outcome: z.enum(OFFER_ANSWER_OUTCOMES), sessionId: z.string().nullable().optional() });
export type OfferAnswerOutcome = (typeof OFFER_ANSWER_OUTCOMES)[number] | "busy";

/**
 * The person's answer to an offer of theirs (`registrationId` comes from their manage link): claim, or decline.
 * `now` is the clock (a test sets it). "busy" when the conference's lock could not be had in time.
 */
export async function answerOffer(
  offer: { offerId: string; registrationId: string },
  claim: boolean,
  now: Date = new Date(),
  pool: pg.Pool = pgPool(),
): Promise<OfferAnswerOutcome> {
  try {
    const { rows } = await pool.query<{ answer: unknown }>({
      name: "places-offer-answer",
      text: "SELECT places_offer_answer($1, $2, $3, $4) AS answer",
      values: [offer.offerId, offer.registrationId, claim, now],
    });
    return answerSchema.parse(rows[0]?.answer).outcome;
  } catch (error) {
    if (isLockTimeout(error) || isPoolTimeout(error)) return "busy";
    throw error;
  }
}

/**
 * Ends the offers whose claim window ran out at `now` and offers their places to the next people; returns how
 * many ended. A draft writer of the mail worker (instrumentation.ts): every instance runs it on every pass, and
 * each offer still ends once (places_offers_expire).
 */
export async function expireOffers(now: Date = new Date(), pool: pg.Pool = pgPool()): Promise<number> {
  const { rows } = await pool.query({ name: "places-offers-expire", text: "SELECT places_offers_expire($1) AS ended", values: [now] });
  return z.number().int().parse(rows[0]?.ended);
}
