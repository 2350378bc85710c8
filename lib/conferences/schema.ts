// The conference editor's forms, shared by the client (zodResolver) and the server actions. Messages are keys
// under "editor.validation".
import { z } from "zod";
import { ALT_TEXT_MAX } from "@/lib/uploads/limits";
import { optionalImageFileSchema } from "@/lib/uploads/schema";
import { dateTime, multilineText, optionalDateTime, optionalText, recordId, requestKey, requiredText, slug, wholeNumber } from "@/lib/editor/fields";
import { lineText } from "@/lib/text";

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
});

// Rules between fields, each reported on the field a person would correct.
type Times = { startsAt: Date; endsAt: Date; registrationOpensAt: Date | null; registrationClosesAt: Date | null };

function checkTimes(value: Times & { coverUpload?: File | undefined; coverAlt: string }, context: z.RefinementCtx) {
  if (value.coverUpload && value.coverAlt === "") context.addIssue({ code: "custom", path: ["coverAlt"], message: "altRequired" });
  if (value.endsAt <= value.startsAt) context.addIssue({ code: "custom", path: ["endsAt"], message: "endsBeforeStart" });
  const { registrationOpensAt: opens, registrationClosesAt: closes } = value;
  if (opens && closes && closes <= opens) context.addIssue({ code: "custom", path: ["registrationClosesAt"], message: "closesBeforeOpens" });
  if (closes && closes > value.endsAt) context.addIssue({ code: "custom", path: ["registrationClosesAt"], message: "closesAfterEnd" });
}

export const createConferenceSchema = conferenceFields.extend({ requestKey }).superRefine(checkTimes);
export const updateConferenceSchema = conferenceFields
  .omit({ organisationId: true })
  .extend({ conferenceId: recordId })
  .superRefine(checkTimes);

export const conferenceTargetSchema = z.object({ conferenceId: recordId });
export const cancelConferenceSchema = conferenceTargetSchema;
export const publishConferenceSchema = conferenceTargetSchema;
export const duplicateConferenceSchema = conferenceTargetSchema;

export type CreateConferenceInput = z.input<typeof createConferenceSchema>;
export type CreateConference = z.output<typeof createConferenceSchema>;
export type UpdateConferenceInput = z.input<typeof updateConferenceSchema>;
export type UpdateConference = z.output<typeof updateConferenceSchema>;
