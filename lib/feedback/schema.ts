// The survey after a conference (issue 15, points 7-8): the organiser's settings, the attendee's answers and the
// organiser's pick of a remark to quote. One schema per form, shared by the browser and the server; every message
// is a key under "feedback.validation", so both show the same words.
import { z } from "zod";
import { dateTime, optionalText, recordId } from "@/lib/editor/fields";
import { longText } from "@/lib/text";

/** A remark can be longer than a report's quote (400 characters): quoting a longer one is refused. */
export const REMARK_MAX = 2000;
export const QUOTE_MAX = 400;

// Checkboxes: "on" when ticked (posted without JavaScript too), absent when not.
const checkbox = z.union([z.boolean(), z.string()]).optional().transform((v) => v === true || v === "on");

// A question's own words; empty or left out means the standard words.
const question = optionalText(200)
  .optional()
  .transform((value) => value ?? null);

export const surveySettingsSchema = z
  .object({
    conferenceId: recordId,
    enabled: checkbox,
    ratingQuestionNl: question,
    ratingQuestionEn: question,
    openQuestionNl: question,
    openQuestionEn: question,
    askSessions: checkbox,
    sendAt: dateTime,
    closesAt: dateTime,
  })
  .superRefine((input, context) => {
    if (input.closesAt <= input.sendAt) context.addIssue({ code: "custom", path: ["closesAt"], message: "closesBeforeSend" });
  });
export type SurveySettingsInput = z.output<typeof surveySettingsSchema>;

/** A 1-5 rating from a radio group; nothing chosen is null. */
const rating = z
  .union([z.string(), z.number()])
  .optional()
  .transform((value) => (value === undefined || value === "" ? null : Number(value)))
  .pipe(z.number({ message: "rating" }).int("rating").min(1, "rating").max(5, "rating").nullable());

const remark = longText()
  .max(REMARK_MAX, "tooLong")
  .transform((value) => (value.trim() === "" ? null : value.trim()));

/**
 * The attendee's answers. The conference's rating is required (an empty form is no answer); everything else is
 * optional. Per session "sessions.<id>.rating" and "sessions.<id>.remark"; which sessions may be answered is the
 * server's (the ones the person attended), checked in lib/feedback/mutations.ts.
 */
export const answerSchema = z
  .object({
    rating: rating,
    remark: remark.optional().default(""),
    named: checkbox,
    quoteNamed: checkbox,
    sessions: z.record(z.string().max(40), z.object({ rating: rating, remark: remark.optional().default("") })).default({}),
  })
  .superRefine((input, context) => {
    if (input.rating === null) context.addIssue({ code: "custom", path: ["rating"], message: "ratingRequired" });
  })
  // Being quoted by name needs being named at all: without a name there is nothing to quote it with.
  .transform((input) => ({ ...input, quoteNamed: input.named && input.quoteNamed }));
export type AnswerInput = z.output<typeof answerSchema>;

/** The flat names of a form posted without JavaScript ("sessions.<id>.rating") as the schema's shape. */
export function answerFromFormData(form: FormData | Record<string, unknown>): Record<string, unknown> {
  const entries = form instanceof FormData ? [...form.entries()] : Object.entries(form);
  const sessions: Record<string, Record<string, unknown>> = {};
  const out: Record<string, unknown> = { sessions };
  for (const [name, value] of entries) {
    if (typeof value !== "string") continue;
    const match = /^sessions\.([^.]{1,40})\.(rating|remark)$/.exec(name);
    if (match?.[1] && match[2]) (sessions[match[1]] ??= {})[match[2]] = value;
    else if (["rating", "remark", "named", "quoteNamed"].includes(name)) out[name] = value;
  }
  return out;
}

/** The organiser quotes a remark in a report: the remark by its handle (lib/feedback/remarks.ts), which report. */
export const quoteRemarkSchema = z.object({
  conferenceId: recordId,
  remark: z.string().regex(/^[A-Za-z0-9_-]{32}$/, "invalid"),
  reportId: recordId,
});
export type QuoteRemarkInput = z.output<typeof quoteRemarkSchema>;
