// The attendee's form post, parsed and stored (lib/feedback/actions.ts's answerSurveyAction is this and nothing
// more, so tests run it without Next).
import "server-only";
import { submitAnswer, type AnswerOutcome } from "./mutations";
import { answerFromFormData, answerSchema } from "./schema";

export type AnswerState = (AnswerOutcome | { ok: false; reason: "unexpected" }) & { values?: Record<string, string> };

/** Parses the form (field errors under the fields' own names), then stores the answer once. What was typed comes back with a refusal. */
export async function answerSurvey(token: string, form: FormData, now: Date = new Date()): Promise<AnswerState> {
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$ACTION")));
  const parsed = answerSchema.safeParse(answerFromFormData(form));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
    return { ok: false, reason: "invalid", fieldErrors, values };
  }
  try {
    const outcome = await submitAnswer(token, parsed.data, now);
    return outcome.ok ? outcome : { ...outcome, values };
  } catch (error) {
    // The error's name only: a message could hold what the person wrote.
    console.error(`[action feedback.answer] unexpected ${error instanceof Error ? error.name : typeof error}`);
    return { ok: false, reason: "unexpected", values };
  }
}
