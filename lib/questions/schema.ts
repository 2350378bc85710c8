// The sign-up form's own questions (issue 16): the one zod schema of the answers, built from a conference's
// questions. The public form runs it in the browser (loaded when the form is first touched:
// components/registrations/registration-resolver.ts), and the server action, the JSON API and the manage page
// run it on the server: one builder, so they cannot disagree about what is a valid answer. Messages are keys
// under "validation", as the rest of the registration form's. What a question is: ./question.ts.
import { z } from "zod";
import { lineText, longText } from "@/lib/text";
import { ANSWER_MESSAGES, LONG_TEXT_MAX, MAX_QUESTIONS, SHORT_TEXT_MAX, meetsCondition, type AnswerValue, type Question } from "./question";

export * from "./question";

const empty = (value: unknown) =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);

// A form posts strings ("ja" is "yes", a number as typed with a comma or a point); the JSON API posts JSON values.
// Each type's schema takes both.
function valueSchema(question: Question): z.ZodType<AnswerValue> {
  const optionIds = question.options.map((option) => option.id);
  switch (question.type) {
    case "SHORT_TEXT":
      return lineText().max(SHORT_TEXT_MAX, "tooLong");
    case "LONG_TEXT":
      return longText().max(LONG_TEXT_MAX, "tooLong");
    case "SINGLE_CHOICE":
      return z.string().refine((id) => optionIds.includes(id), "answerInvalid");
    case "MULTIPLE_CHOICE":
      return z
        .union([z.string().transform((id) => [id]), z.array(z.string())], "answerInvalid")
        .refine((ids) => ids.every((id) => optionIds.includes(id)), "answerInvalid")
        // In the order of the options, each once: the stored answer does not depend on how the form was sent.
        .transform((ids) => optionIds.filter((id) => ids.includes(id)));
    case "YES_NO":
      return z.union([z.boolean(), z.enum(["yes", "no"]).transform((v) => v === "yes")], "answerInvalid");
    case "NUMBER":
      return z
        .union([
          z.number(),
          z
            .string()
            .trim()
            .regex(/^-?\d{1,12}(?:[.,]\d{1,6})?$/, "numberInvalid")
            .transform((v) => Number(v.replace(",", "."))),
        ], "numberInvalid")
        .refine((n) => Number.isFinite(n) && Math.abs(n) < 1e12, "numberInvalid");
    case "DATE":
      return z
        .string()
        .trim()
        .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T12:00:00Z`)) && new Date(`${v}T12:00:00Z`).toISOString().startsWith(v), "dateInvalid");
  }
}

/**
 * The answers to a conference's questions, from the form (strings, lists of strings) or the JSON API (JSON values):
 * questionId -> value. A question hidden by its condition is not asked: whatever came for it is dropped. An
 * unanswered optional question is left out. Issues have the question's id as their path. `locale` is the
 * language of the person answering; the messages are keys, translated where they are shown.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the signature every caller uses; the messages are keys today
export function answersSchema(questions: readonly Question[], _locale: "nl" | "en" = "nl") {
  return z
    .record(z.string().max(40), z.unknown())
    .refine((raw) => Object.keys(raw).length <= MAX_QUESTIONS * 2, "answerInvalid")
    .transform((raw, context) => {
      const answers: Record<string, AnswerValue> = {};
      const shown = new Set<string>();
      // Questions come in form order, and a condition points at an earlier question: one pass sees each
      // condition's answer before the question that waits for it.
      for (const question of questions) {
        const condition = question.condition;
        if (condition && !(shown.has(condition.questionId) && meetsCondition(answers[condition.questionId], condition.value))) continue;
        shown.add(question.id);
        const value = raw[question.id];
        if (empty(value)) {
          if (question.required) context.addIssue({ code: "custom", message: "answerRequired", path: [question.id] });
          continue;
        }
        const parsed = valueSchema(question).safeParse(value);
        if (!parsed.success) {
          const message = parsed.error.issues[0]?.message ?? "answerInvalid";
          context.addIssue({ code: "custom", message: ANSWER_MESSAGES.has(message) ? message : "answerInvalid", path: [question.id] });
          continue;
        }
        if (empty(parsed.data)) {
          if (question.required) context.addIssue({ code: "custom", message: "answerRequired", path: [question.id] });
          continue;
        }
        answers[question.id] = parsed.data;
      }
      return answers;
    });
}

