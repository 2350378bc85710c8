"use server";

import { authorizedAction } from "@/lib/auth/authorized-action";
import { withEffects } from "@/lib/editor/action-effects";
import { revalidateReportContent } from "@/lib/site/revalidate";
import { quoteRemarkDefinition, saveSurveyDefinition } from "./definitions";
import { answerSurvey, type AnswerState } from "./answer";

export const saveSurveyAction = withEffects(authorizedAction(saveSurveyDefinition), () => {});

// A quote in a published report shows on its public page at once.
export const quoteRemarkAction = withEffects(authorizedAction(quoteRemarkDefinition), (data) => {
  if (data.published) revalidateReportContent(data.reportSlug);
});

/**
 * The attendee's answers through their personal link: no account, the token bound by the page (never a form
 * field), and a plain form post that works without JavaScript (useActionState renders the page again with the
 * outcome). The work is ./answer.ts.
 */
export async function answerSurveyAction(token: string, _previous: AnswerState | null, form: FormData): Promise<AnswerState> {
  return answerSurvey(token, form);
}
