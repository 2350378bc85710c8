// The conference editor's forms, shared by the client (zodResolver) and the server actions. Messages are keys
// under "editor.validation".
import { z } from "zod";
import { ALT_TEXT_MAX } from "@/lib/uploads/limits";
import { optionalImageFileSchema } from "@/lib/uploads/schema";
import { dateTime, multilineText, optionalDateTime, optionalText, optionalWholeNumber, recordId, requestKey, requiredText, slug, wholeNumber } from "@/lib/editor/fields";
import { lineText, slugify } from "@/lib/text";
import { fromAmsterdamInput } from "@/lib/time/amsterdam";

const MAX_CAPACITY = 100_000;

const conferenceFields = z.object({
  organisationId: recordId,
  title: requiredText(160),
  subtitle: optionalText(200),
  slug,
  description: multilineText(10_000),
  venueId: optionalText(40),
  coverPhotoId: optionalText(40),
  startsAt: dateTime,
  endsAt: dateTime,
  capacity: wholeNumber(1, MAX_CAPACITY),
  registrationOpensAt: optionalDateTime,
  registrationClosesAt: optionalDateTime,
  // A new cover, uploaded here (re-encoded by lib/uploads), instead of one of the organisation's photos.
  coverUpload: optionalImageFileSchema,
  coverAlt: lineText().max(ALT_TEXT_MAX, "tooLong"),
  // A start in the past is asked about once (issue 14, item 10): a typo in the year is easily made, and a
  // conference that is over takes no sign-ups. savedStartsAt is the start as the form was shown (edit), so an
  // older conference's other details can be saved without the question.
  confirmPast: z.union([z.boolean(), z.string()]).optional().transform((v) => v === true || v === "on"),
  savedStartsAt: z.string().trim().max(20).default(""),
});

// Rules between fields, each reported on the field a person would correct.
type Times = { startsAt: Date; endsAt: Date; registrationOpensAt: Date | null; registrationClosesAt: Date | null };

/** Whether a start (the form's text, Amsterdam time) is in the past and new: then the form asks once. */
export function asksAboutPastStart(startsAt: string, savedStartsAt: string, now = Date.now()): boolean {
  const start = fromAmsterdamInput(startsAt);
  return start !== null && start.getTime() < now && startsAt.trim() !== savedStartsAt.trim();
}

type PastCheck = { confirmPast: boolean; savedStartsAt: string; startsAt: Date };

function checkTimes(value: Times & PastCheck & { coverUpload?: File | undefined; coverAlt: string }, context: z.RefinementCtx) {
  if (value.coverUpload && value.coverAlt === "") context.addIssue({ code: "custom", path: ["coverAlt"], message: "altRequired" });
  const saved = value.savedStartsAt ? fromAmsterdamInput(value.savedStartsAt) : null;
  if (value.startsAt.getTime() < Date.now() && saved?.getTime() !== value.startsAt.getTime() && !value.confirmPast) {
    context.addIssue({ code: "custom", path: ["startsAt"], message: "startsInPast" });
  }
  if (value.endsAt <= value.startsAt) context.addIssue({ code: "custom", path: ["endsAt"], message: "endsBeforeStart" });
  const { registrationOpensAt: opens, registrationClosesAt: closes } = value;
  if (opens && closes && closes <= opens) context.addIssue({ code: "custom", path: ["registrationClosesAt"], message: "closesBeforeOpens" });
  if (closes && closes > value.endsAt) context.addIssue({ code: "custom", path: ["registrationClosesAt"], message: "closesAfterEnd" });
}

/**
 * A new conference's web address may be left empty: it is then made from the title (lib/text.ts slugify), as the
 * form suggests while the title is typed, and numbered when taken (slugFromTitle tells the editor so).
 */
export const createConferenceSchema = z.preprocess(
  (raw) => {
    if (typeof raw !== "object" || raw === null) return raw;
    const input = raw as Record<string, unknown>;
    const typed = typeof input.slug === "string" ? input.slug.trim() : "";
    if (typed || typeof input.title !== "string") return { ...input, slugFromTitle: false };
    return { ...input, slug: slugify(input.title), slugFromTitle: true };
  },
  conferenceFields.extend({ requestKey, slugFromTitle: z.boolean().default(false) }).superRefine(checkTimes),
);
export const updateConferenceSchema = conferenceFields
  .omit({ organisationId: true })
  .extend({ conferenceId: recordId })
  .superRefine(checkTimes);

export const conferenceTargetSchema = z.object({ conferenceId: recordId });
export const cancelConferenceSchema = conferenceTargetSchema;
export const publishConferenceSchema = conferenceTargetSchema;
export const duplicateConferenceSchema = conferenceTargetSchema;

// Checkboxes: "on" when ticked (posted without JavaScript too), absent when not.
const checkbox = z.union([z.boolean(), z.string()]).optional().transform((v) => v === true || v === "on");
/** Which reminders the conference sends (a week and a day before its start). */
export const conferenceRemindersSchema = z.object({
  conferenceId: recordId,
  reminderWeekBefore: checkbox,
  reminderDayBefore: checkbox,
  // "Still coming?" this many days before the start; empty: not asked.
  stillComingDays: optionalWholeNumber(1, 30).prefault(""),
  // Offers with a claim window (prisma/sql/places.sql): from this many hours before the start; empty: off.
  offersHoursBefore: optionalWholeNumber(1, 720).prefault(""),
  offerClaimHours: wholeNumber(1, 168).prefault("12"),
});

export type CreateConferenceInput = z.input<typeof createConferenceSchema>;
export type CreateConference = z.output<typeof createConferenceSchema>;
export type UpdateConferenceInput = z.input<typeof updateConferenceSchema>;
export type UpdateConference = z.output<typeof updateConferenceSchema>;
