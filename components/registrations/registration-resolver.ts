// The sign-up form's checks in the browser: the same zod schemas the server action and the JSON API use
// (lib/registrations/schema.ts, and lib/questions/schema.ts for the conference's own questions). Loaded on its own, when the attendee first touches the form
// (./registration-form.tsx): zod is about half of the form's JavaScript, and reading the page, or the first
// paint on a phone, needs none of it. The server checks every submit whatever the browser did.
import { zodResolver } from "@hookform/resolvers/zod";
import { answersSchema, type Question } from "@/lib/questions/schema";
import { registrationSchema } from "@/lib/registrations/schema";

export const registrationResolver = zodResolver(registrationSchema);

/** The conference's own questions, checked by the schema the server runs: questionId -> message key. */
export function answerIssues(questions: readonly Question[], locale: "nl" | "en", answers: Record<string, string | string[]>): Record<string, string> {
  const result = answersSchema(questions, locale).safeParse(answers);
  const found: Record<string, string> = {};
  for (const issue of result.success ? [] : result.error.issues) found[String(issue.path[0])] ??= issue.message;
  return found;
}
