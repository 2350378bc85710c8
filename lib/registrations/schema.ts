// One schema for the registration form (react-hook-form with zodResolver), the server action and the JSON
// API. Messages are keys under "validation" in messages/*.json, so the same error reads in Dutch and English.
import { z } from "zod";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .optional()
    .transform((v) => (v ? v : undefined));

/** A ranking of one round's workshops, best first: each workshop at most once. */
export const rankingSchema = z
  .array(z.string().max(40))
  .max(30)
  .refine((ids) => new Set(ids).size === ids.length, "rankingDuplicate");

export const registrationSchema = z
  .object({
    name: z.string().trim().min(2, "nameRequired").max(120, "tooLong"),
    email: z.string().trim().max(254, "tooLong").pipe(z.email("emailInvalid")),
    organisation: optionalText(160),
    jobRole: optionalText(120),
    // roundId -> sessionId; a round left out (or empty, or null from an untouched radio group) means no
    // workshop in that round.
    workshops: z
      .record(z.string().max(40), z.string().max(40).nullable().transform((v) => v ?? ""))
      .default({}),
    // Rounds allocated by ranked choice (before their allocation): roundId -> its workshops, best first.
    rankings: z.record(z.string().max(40), rankingSchema).default({}),
    // Sessions the person is willing to wait for when full at the moment of submitting.
    waitForFullWorkshops: z.boolean().default(false),
    dietaryNeeds: optionalText(500),
    accessibilityNeeds: optionalText(500),
    privacyConsent: z.literal(true, "privacyRequired"),
    photoConsent: z.boolean().default(false),
    newsletterOptIn: z.boolean().default(false),
    locale: z.enum(["nl", "en"]).default("nl"),
  })
  .strict();

export type RegistrationInput = z.input<typeof registrationSchema>;
export type Registration = z.output<typeof registrationSchema>;

// What the attendee may change afterwards on the manage page.
export const updateNeedsSchema = z
  .object({
    dietaryNeeds: optionalText(500),
    accessibilityNeeds: optionalText(500),
  })
  .strict();

export const changeWorkshopsSchema = z
  .object({
    workshops: z.record(z.string().max(40), z.string().max(40).nullable().transform((v) => v ?? "")),
    waitForFullWorkshops: z.boolean().default(false),
  })
  .strict();

export const changeRankingSchema = z.object({ roundId: z.string().max(40), ranking: rankingSchema.min(1, "rankingEmpty") }).strict();
