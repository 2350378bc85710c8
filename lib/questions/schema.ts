// The sign-up form's own questions (issue 16): what a question is, and the one zod schema of the answers, built
// from a conference's questions. The public form runs it in the browser, and the server action, the JSON API
// and the manage page run it on the server: one builder, so they cannot disagree about what is a valid answer.
// Messages are keys under "validation", as the rest of the registration form's.
import { z } from "zod";
import { lineText, longText } from "@/lib/text";

export const QUESTION_TYPES = ["SHORT_TEXT", "LONG_TEXT", "SINGLE_CHOICE", "MULTIPLE_CHOICE", "YES_NO", "NUMBER", "DATE"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const CHOICE_TYPES: ReadonlySet<QuestionType> = new Set(["SINGLE_CHOICE", "MULTIPLE_CHOICE"]);
/** Types whose answer another question can wait for: a choice, or a yes/no. */
export const CONDITION_TYPES: ReadonlySet<QuestionType> = new Set(["SINGLE_CHOICE", "MULTIPLE_CHOICE", "YES_NO"]);

export type Bilingual = { nl: string; en: string };
export type QuestionOption = { id: string } & Bilingual;

/** A question as the form, the schema and the pages read it: plain data, the same on client and server. */
export type Question = {
  id: string;
  type: QuestionType;
  required: boolean;
  label: Bilingual;
  help: Bilingual | null;
  options: QuestionOption[];
  /** Shown only when the earlier question `questionId` was answered `value` (an option's id, or "yes"/"no"). */
  condition: { questionId: string; value: string } | null;
  version: number;
};

/** An answer's value: text, a date (YYYY-MM-DD) or one option's id; several options' ids; yes/no; a number. */
export type AnswerValue = string | string[] | boolean | number;

export const MAX_QUESTIONS = 30;
export const SHORT_TEXT_MAX = 300;
export const LONG_TEXT_MAX = 2000;

/** The message keys (under "validation") an answer can be refused with. */
export const ANSWER_MESSAGES: ReadonlySet<string> = new Set([
  "answerRequired",
  "answerInvalid",
  "numberInvalid",
  "dateInvalid",
  "tooLong",
  "invalidCharacter",
  "bidiControl",
  "lineBreak",
]);

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

/** Whether an answer is the one a condition waits for. */
export function meetsCondition(answer: AnswerValue | undefined, value: string): boolean {
  if (answer === undefined) return false;
  if (typeof answer === "boolean") return (answer ? "yes" : "no") === value;
  if (Array.isArray(answer)) return answer.includes(value);
  return answer === value;
}

/**
 * The ids of the questions the form shows for these answers: a question with a condition only when its earlier
 * question was answered that way.
 */
export function visibleQuestionIds(questions: readonly Question[], answers: Record<string, AnswerValue | undefined>): Set<string> {
  const visible = new Set<string>();
  for (const question of questions) {
    const condition = question.condition;
    if (!condition || (visible.has(condition.questionId) && meetsCondition(answers[condition.questionId], condition.value))) visible.add(question.id);
  }
  return visible;
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

export type Answers = Record<string, AnswerValue>;

/** An answer in words, in one language: the options' labels, "Ja"/"Yes", a date as 11-03-2027. */
export function answerText(question: Pick<Question, "type" | "options">, value: AnswerValue, locale: "nl" | "en"): string {
  const option = (id: string) => question.options.find((o) => o.id === id)?.[locale] ?? id;
  switch (question.type) {
    case "SINGLE_CHOICE":
      return option(String(value));
    case "MULTIPLE_CHOICE":
      return (Array.isArray(value) ? value : [String(value)]).map(option).join("; ");
    case "YES_NO":
      return value === true ? (locale === "nl" ? "Ja" : "Yes") : locale === "nl" ? "Nee" : "No";
    case "NUMBER":
      return typeof value === "number" ? value.toLocaleString(locale === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: 6 }) : String(value);
    case "DATE": {
      const [y, m, d] = String(value).split("-");
      return locale === "nl" ? `${d}-${m}-${y}` : `${d}/${m}/${y}`;
    }
    default:
      return String(value);
  }
}

/** A form's fields "answers.<questionId>" (a group of checkboxes sends one each) as the schema's input. */
export function answersFromFormData(form: FormData): Record<string, string | string[]> {
  const answers: Record<string, string | string[]> = {};
  for (const [name, value] of form.entries()) {
    if (!name.startsWith("answers.") || typeof value !== "string") continue;
    const id = name.slice("answers.".length);
    const earlier = answers[id];
    answers[id] = earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value];
  }
  return answers;
}

/** Answers can be changed until the sign-up closes (or, without a closing moment, until the conference starts). */
export function answersOpen(conference: { status: string; registrationClosesAt: Date | null; startsAt: Date }, now: Date): boolean {
  return conference.status === "PUBLISHED" && now < (conference.registrationClosesAt ?? conference.startsAt);
}
