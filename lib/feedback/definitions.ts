// The organiser's survey actions as definitions (lib/auth/authorized-action.ts): the organisation comes from the
// conference in the database, never from the input, and the role is checked again on every call.
import "server-only";
import type { ActionDefinition } from "@/lib/auth/authorized-action";
import { ORGANISE } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { quoteRemark, saveSurvey, type QuoteOutcome, type QuoteRefusal, type SaveSurveyOutcome } from "./mutations";
import { quoteRemarkSchema, surveySettingsSchema } from "./schema";

async function organisationOfConference({ conferenceId }: { conferenceId: string }): Promise<string | null> {
  const conference = await db.conference.findUnique({ where: { id: conferenceId }, select: { organisationId: true } });
  return conference?.organisationId ?? null;
}

export const saveSurveyDefinition = {
  name: "feedback.settings",
  roles: ORGANISE,
  schema: surveySettingsSchema,
  organisationOf: organisationOfConference,
  handler: (input, access) => saveSurvey(access, input),
} satisfies ActionDefinition<typeof surveySettingsSchema, SaveSurveyOutcome, "notFound">;

export const quoteRemarkDefinition = {
  name: "feedback.quote",
  roles: ORGANISE,
  schema: quoteRemarkSchema,
  organisationOf: organisationOfConference,
  handler: (input, access) => quoteRemark(access, input),
} satisfies ActionDefinition<typeof quoteRemarkSchema, QuoteOutcome, QuoteRefusal>;
