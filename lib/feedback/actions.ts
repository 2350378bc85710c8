"use server";

import { authorizedAction } from "@/lib/auth/authorized-action";
import { withEffects } from "@/lib/editor/action-effects";
import { revalidateReportContent } from "@/lib/site/revalidate";
import { quoteRemarkDefinition, saveSurveyDefinition } from "./definitions";
import { submitAnswer, type AnswerOutcome } from "./mutations";
import { answerFromFormData, answerSchema } from "./schema";

export const saveSurveyAction = withEffects(authorizedAction(saveSurveyDefinition), () => {});

// A quote in a published report shows on its public page at once.
export const quoteRemarkAction = withEffects(authorizedAction(quoteRemarkDefinition), (data) => {
  if (data.published) revalidateReportContent(data.reportSlug);
});

export type AnswerState = (AnswerOutcome | { ok: false; reason: "unexpected" }) & { values?: Record<string, string> };

/**
 * The attendee's answers through their personal link: no account, the token bound by the page (never a form
 * field), and a plain form post that works without JavaScript (useActionState renders the page again with the
 * outcome). What was typed comes back with a refusal, so nothing is lost.
 */
export async function answerSurveyAction(token: string, _previous: AnswerState | null, form: FormData): Promise<AnswerState> {
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$ACTION")));
  const parsed = answerSchema.safeParse(answerFromFormData(form));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
    return { ok: false, reason: "invalid", fieldErrors, values };
  }
  try {
    const outcome = await submitAnswer(token, parsed.data);
    return outcome.ok ? outcome : { ...outcome, values };
  } catch (error) {
    // The error's name only: a message could hold what the person wrote.
    console.error(`[action feedback.answer] unexpected ${error instanceof Error ? error.name : typeof error}`);
    return { ok: false, reason: "unexpected", values };
  }
}
