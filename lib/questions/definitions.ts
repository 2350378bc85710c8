import "server-only";
import type { ActionDefinition } from "@/lib/auth/authorized-action";
import { ORGANISE } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { createQuestionSchema, deleteQuestionSchema, moveQuestionSchema, updateQuestionSchema } from "./editor-schema";
import { createQuestion, deleteQuestion, moveQuestion, updateQuestion, type QuestionChange } from "./mutations";

// The question editor's actions as plain definitions: actions.ts makes server actions of them, and the
// authorization tests run each one as an outsider.

// Read here rather than from lib/conferences, which imports this domain (a duplicate copies the questions).
async function organisationOfConference({ conferenceId }: { conferenceId: string }): Promise<string | null> {
  const conference = await db.conference.findUnique({ where: { id: conferenceId }, select: { organisationId: true } });
  return conference?.organisationId ?? null;
}

async function organisationOfQuestion({ questionId }: { questionId: string }): Promise<string | null> {
  const question = await db.registrationQuestion.findUnique({ where: { id: questionId }, select: { conference: { select: { organisationId: true } } } });
  return question?.conference.organisationId ?? null;
}

export const createQuestionDefinition = {
  name: "questions.create",
  roles: ORGANISE,
  schema: createQuestionSchema,
  organisationOf: organisationOfConference,
  handler: (input, access) => createQuestion(access, input),
} satisfies ActionDefinition<typeof createQuestionSchema, QuestionChange, "notFound" | "tooMany">;

export const updateQuestionDefinition = {
  name: "questions.update",
  roles: ORGANISE,
  schema: updateQuestionSchema,
  organisationOf: organisationOfQuestion,
  handler: (input, access) => updateQuestion(access, input),
} satisfies ActionDefinition<typeof updateQuestionSchema, QuestionChange, "notFound">;

export const moveQuestionDefinition = {
  name: "questions.move",
  roles: ORGANISE,
  schema: moveQuestionSchema,
  organisationOf: organisationOfQuestion,
  handler: (input, access) => moveQuestion(access, input),
} satisfies ActionDefinition<typeof moveQuestionSchema, QuestionChange, "notFound" | "conditionOrder">;

export const deleteQuestionDefinition = {
  name: "questions.delete",
  roles: ORGANISE,
  schema: deleteQuestionSchema,
  organisationOf: organisationOfQuestion,
  handler: (input, access) => deleteQuestion(access, input),
} satisfies ActionDefinition<typeof deleteQuestionSchema, QuestionChange & { answers: number }, "notFound" | "questionInUse">;
