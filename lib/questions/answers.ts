// No "server-only" marker: the production server's own handler for the JSON API (server/registration-posts.ts)
// checks answers outside Next. The questions are read with node-postgres, as the sign-up itself is.
import { pgPool } from "@/lib/db-pool";
import { hasNul } from "@/lib/text";
import { questionOf } from "./rows";
import { answersSchema, answerText, type AnswerValue, type Answers, type Question } from "./schema";

/** An answer as it is stored: its value, with the question's words as the person read them (frozen). */
export type StoredAnswer = {
  questionId: string;
  value: AnswerValue;
  version: number;
  labelNl: string;
  labelEn: string;
  textNl: string;
  textEn: string;
};

export function storedAnswers(questions: readonly Question[], answers: Answers): StoredAnswer[] {
  return questions.flatMap((question) => {
    const value = answers[question.id];
    if (value === undefined) return [];
    return [
      {
        questionId: question.id,
        value,
        version: question.version,
        labelNl: question.label.nl,
        labelEn: question.label.en,
        textNl: answerText(question, value, "nl"),
        textEn: answerText(question, value, "en"),
      },
    ];
  });
}

export type CheckedAnswers =
  | { ok: true; answers: StoredAnswer[] }
  /** questionId -> message key under "validation". */
  | { ok: false; fieldErrors: Record<string, string> };

/** Checks answers against a set of questions with the schema the form uses (lib/questions/schema.ts). */
export function checkAnswers(questions: readonly Question[], raw: unknown, locale: "nl" | "en"): CheckedAnswers {
  const parsed = answersSchema(questions, locale).safeParse(raw ?? {});
  if (parsed.success) return { ok: true, answers: storedAnswers(questions, parsed.data) };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "")] ??= issue.message;
  return { ok: false, fieldErrors };
}

/**
 * The answers of a sign-up through the form or the JSON API, checked against the conference's questions. A
 * conference that is not found has no questions here; the sign-up itself then says it is not found.
 */
export async function checkSignUpAnswers(conferenceSlug: string, raw: unknown, locale: "nl" | "en"): Promise<CheckedAnswers> {
  return checkAnswers(await signUpQuestions(conferenceSlug), raw, locale);
}

/** The questions of a conference's sign-up form (not a draft's), in form order. */
export async function signUpQuestions(conferenceSlug: string): Promise<Question[]> {
  // PostgreSQL cannot compare text holding a NUL; no conference has one in its address (the sign-up says notFound).
  if (hasNul(conferenceSlug)) return [];
  const { rows } = await pgPool().query({
    // Named: planned once per connection, as places_register's call is.
    name: "questions-of-sign-up",
    text: `SELECT q.id, q.type, q.required, q.label_nl AS "labelNl", q.label_en AS "labelEn", q.help_nl AS "helpNl",
                  q.help_en AS "helpEn", q.options, q.condition_question_id AS "conditionQuestionId",
                  q.condition_value AS "conditionValue", q.version
             FROM registration_questions q JOIN conferences c ON c.id = q.conference_id
            WHERE c.slug = $1 AND c.status <> 'DRAFT'
            ORDER BY q.position`,
    values: [conferenceSlug],
  });
  return rows.map(questionOf);
}
