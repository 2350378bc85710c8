// The sign-up form's own questions (issue 16): what a question is, which ones a form shows for given answers,
// and how answers read in words. Plain data and functions without zod, so that the public form can use them
// without loading zod with the page; the answers' schema is ./schema.ts (which re-exports all of this).

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
