// One schema for the registration form (react-hook-form with zodResolver), the server action and the JSON
// API. Messages are keys under "validation" in messages/*.json, so the same error reads in Dutch and English.
import { z } from "zod";
import { lineText, longText } from "@/lib/text";

// Organisation and job role are one line (they appear in emails, badges and exports); needs may run over
// several. Empty is "not given".
const optionalLine = (max: number) =>
  lineText()
    .max(max, "tooLong")
    .optional()
    .transform((v) => (v ? v : undefined));
const optionalLines = (max: number) =>
  longText()
    .max(max, "tooLong")
    .optional()
    .transform((v) => (v ? v : undefined));
// roundId -> sessionId: ids, so one line each.
const workshopId = lineText().max(40);

/** A ranking of one round's workshops, best first: each workshop at most once. */
export const rankingSchema = z
  .array(lineText().max(40))
  .max(30)
  .refine((ids) => new Set(ids).size === ids.length, "rankingDuplicate");

export const registrationSchema = z
  .object({
    name: lineText().min(2, "nameRequired").max(120, "tooLong"),
    email: z.string().trim().max(254, "tooLong").pipe(z.email("emailInvalid")),
    organisation: optionalLine(160),
    jobRole: optionalLine(120),
    // roundId -> sessionId; a round left out (or empty, or null from an untouched radio group) means no
    // workshop in that round. A full workshop chosen is its waiting list (lib/places decides, at submit).
    workshops: z
      .record(workshopId, workshopId.nullable().transform((v) => v ?? ""))
      .default({}),
    // Rounds allocated by ranked choice (before their allocation): roundId -> its workshops, best first.
    rankings: z.record(workshopId, rankingSchema).default({}),
    dietaryNeeds: optionalLines(500),
    accessibilityNeeds: optionalLines(500),
    privacyConsent: z.literal(true, "privacyRequired"),
    photoConsent: z.boolean().default(false),
    newsletterOptIn: z.boolean().default(false),
    locale: z.enum(["nl", "en"]).default("nl"),
    // Answers to the conference's own questions, questionId -> value: checked against those questions by
    // lib/questions/schema.ts's answersSchema (the form's and the server's), which this schema cannot know.
    answers: z
      .record(z.string().max(40), z.union([z.string().max(5000), z.array(z.string().max(40)).max(30), z.boolean(), z.number()]))
      .default({}),
  })
  .strict();

/** The message keys (under "validation") the schema gives; the form and the API show any other issue as "invalid". */
export const REGISTRATION_MESSAGES: ReadonlySet<string> = new Set([
  "nameRequired",
  "emailInvalid",
  "tooLong",
  "privacyRequired",
  "required",
  "invalidCharacter",
  "bidiControl",
  "lineBreak",
  "rankingDuplicate",
]);

export type RegistrationInput = z.input<typeof registrationSchema>;
export type Registration = z.output<typeof registrationSchema>;

// What the attendee may change afterwards on the manage page.
export const updateNeedsSchema = z
  .object({
    dietaryNeeds: optionalLines(500),
    accessibilityNeeds: optionalLines(500),
  })
  .strict();

// Name, organisation, job role and address, corrected on the manage page: the same rules as at sign-up. A new
// address is confirmed from that address before it counts (./email-change.ts).
export const updateDetailsSchema = z
  .object({
    name: lineText().min(2, "nameRequired").max(120, "tooLong"),
    email: z.string().trim().max(254, "tooLong").pipe(z.email("emailInvalid")),
    organisation: optionalLine(160),
    jobRole: optionalLine(120),
  })
  .strict();

export type UpdateDetails = z.output<typeof updateDetailsSchema>;

export const changeRankingSchema = z.object({ roundId: workshopId, ranking: rankingSchema.min(1, "rankingEmpty") }).strict();
