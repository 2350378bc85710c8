// What prisma/sql/places.sql answers, as zod schemas: the one TypeScript face of that module (./mutations.ts,
// ./queries.ts) checks every answer here instead of trusting a cast, so a function that starts answering
// otherwise fails loudly at its caller. Client-safe: forms and pages import the types.
import { z } from "zod";

export const REGISTRATION_STATES = ["draft", "cancelled", "past", "notYetOpen", "closed", "full", "open"] as const;
export const registrationStateSchema = z.enum(REGISTRATION_STATES);
/** Whether a visitor can sign up now, and if not, why: decided by places_state in SQL, nowhere else. */
export type RegistrationState = z.infer<typeof registrationStateSchema>;

const count = z.number().int().min(0);

export const sessionPlacesSchema = z.object({
  id: z.string(),
  capacity: count.nullable(),
  confirmed: count,
  waitlisted: count,
  /** Places left; null when the workshop has no limit. */
  left: count.nullable(),
});
export type SessionPlaces = z.infer<typeof sessionPlacesSchema>;

/** How a round's workshops are handed out now: decided by places_round_mode in SQL, nowhere else. */
export const roundModeSchema = z.enum(["choice", "ranking", "pending"]);
export type RoundMode = z.infer<typeof roundModeSchema>;

export const placesSchema = z.object({
  capacity: count,
  confirmed: count,
  waitlisted: count,
  left: count,
  state: registrationStateSchema,
  rounds: z.array(z.object({ id: z.string(), mode: roundModeSchema, rankingClosesAt: z.string().nullable() })),
  sessions: z.array(sessionPlacesSchema),
});
export type Places = z.infer<typeof placesSchema>;

const conference = z.object({ id: z.string(), organisationId: z.string(), slug: z.string() });

const choiceSchema = z.object({ roundId: z.string(), sessionId: z.string(), status: z.enum(["CONFIRMED", "WAITLISTED"]) });

/**
 * What was decided for a registration, as the person is told right after signing up (places_decision, and
 * places_register's answer): a place or a place in line, each workshop with its place or waiting list, and the
 * ranked rounds, whose places the allocation decides.
 */
export const decisionSchema = z.object({
  status: z.enum(["CONFIRMED", "WAITLISTED", "CANCELLED"]),
  waitlistPosition: z.number().int().min(1).nullable(),
  choices: z.array(choiceSchema),
  rankedRoundIds: z.array(z.string()),
});
export type Decision = z.infer<typeof decisionSchema>;

export const registerAnswerSchema = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("notFound") }),
  z.object({ outcome: z.literal("replay"), id: z.string(), conference, decision: decisionSchema }),
  z.object({ outcome: z.literal("notOpen"), state: registrationStateSchema, conference }),
  z.object({ outcome: z.literal("invalidWorkshop"), sessionIds: z.array(z.string()), conference }),
  z.object({ outcome: z.literal("existing"), existingId: z.string(), conference }),
  z.object({ outcome: z.literal("workshopFull"), sessionIds: z.array(z.string()), conference }),
  z.object({
    outcome: z.literal("registered"),
    id: z.string(),
    status: z.enum(["CONFIRMED", "WAITLISTED"]),
    waitlistPosition: count.nullable(),
    fullSessionIds: z.array(z.string()),
    choices: z.array(choiceSchema),
    rankedRoundIds: z.array(z.string()),
    conference,
  }),
]);

export const cancelAnswerSchema = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("notFound") }),
  z.object({ outcome: z.literal("alreadyCancelled") }),
  z.object({ outcome: z.literal("cancelled"), promoted: count }),
]);

export const changeWorkshopsAnswerSchema = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.enum(["notFound", "cancelled", "conferenceCancelled", "past", "invalidWorkshop"]) }),
  z.object({ outcome: z.literal("workshopFull"), sessionIds: z.array(z.string()) }),
  z.object({ outcome: z.literal("changed"), promoted: count }),
]);

export const eraseAnswerSchema = z.object({ outcome: z.enum(["notFound", "erased"]) });

export const capacityAnswerSchema = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("notFound") }),
  z.object({ outcome: z.literal("belowConfirmed"), confirmed: count }),
  z.object({ outcome: z.literal("allowed") }),
  z.object({ outcome: z.literal("set"), promoted: count }),
]);

export const sessionCapacityAnswerSchema = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("notFound") }),
  z.object({ outcome: z.literal("belowTaken"), taken: count }),
  z.object({ outcome: z.literal("allowed") }),
  z.object({ outcome: z.literal("set"), promoted: count }),
]);

export const cancelConferenceAnswerSchema = z.object({
  outcome: z.enum(["notFound", "alreadyCancelled", "cancelled"]),
  emailed: count,
});

export const roundAllocationAnswerSchema = z.object({ outcome: z.enum(["notFound", "hasChoices", "hasRankings", "allocated", "set"]) });

export const rankingAnswerSchema = z.object({ outcome: z.enum(["notFound", "cancelled", "closed", "invalidWorkshop", "ranked"]) });

export const rankingInputSchema = z.object({
  round: z.object({
    id: z.string(),
    conferenceId: z.string(),
    title: z.string(),
    allocation: z.enum(["FIRST_COME", "RANKED"]),
    rankingClosesAt: z.string().nullable(),
    allocatedAt: z.string().nullable(),
    seed: z.string().nullable(),
  }),
  fingerprint: z.string(),
  workshops: z.array(z.object({ id: z.string(), title: z.string(), capacity: count.nullable() })),
  people: z.array(z.object({ id: z.string(), status: z.enum(["CONFIRMED", "WAITLISTED"]), ranking: z.array(z.string()) })),
});
export type RankingInput = z.infer<typeof rankingInputSchema>;

export const publishAllocationAnswerSchema = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.enum(["notFound", "notRanked", "allocated", "changed"]) }),
  z.object({ outcome: z.literal("published"), placed: count, waiting: count }),
]);
