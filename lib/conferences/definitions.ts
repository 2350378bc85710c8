import "server-only";
import type { ActionDefinition } from "@/lib/auth/authorized-action";
import { ORGANISE } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { inOrganisation } from "@/lib/editor/in-organisation";
import {
  cancelConference,
  createConference,
  duplicateConference,
  publishConference,
  setConferenceReminders,
  updateConference,
  type ConferenceChange,
} from "./mutations";
import {
  cancelConferenceSchema,
  conferenceRemindersSchema,
  createConferenceSchema,
  duplicateConferenceSchema,
  publishConferenceSchema,
  updateConferenceSchema,
} from "./schema";

// The conference actions as plain definitions: actions.ts makes server actions of them, and the
// authorization tests run each one as anonymous, as a host and as an organiser of another organisation.

export async function organisationOfConference({ conferenceId }: { conferenceId: string }): Promise<string | null> {
  const conference = await db.conference.findUnique({ where: { id: conferenceId }, select: { organisationId: true } });
  return conference?.organisationId ?? null;
}

type Created = { conferenceId: string; slug: string; organisationSlug: string };

export const create = {
  name: "conferences.create",
  roles: ORGANISE,
  schema: createConferenceSchema,
  organisationOf: async (input) => input.organisationId,
  handler: (input, access) => inOrganisation(access, createConference(access, input)),
} satisfies ActionDefinition<typeof createConferenceSchema, Created, never>;

export const update = {
  name: "conferences.update",
  roles: ORGANISE,
  schema: updateConferenceSchema,
  organisationOf: organisationOfConference,
  handler: (input, access) => updateConference(access, input),
} satisfies ActionDefinition<typeof updateConferenceSchema, ConferenceChange, "notFound">;

export const publish = {
  name: "conferences.publish",
  roles: ORGANISE,
  schema: publishConferenceSchema,
  organisationOf: organisationOfConference,
  handler: (input, access) => publishConference(access, input),
} satisfies ActionDefinition<typeof publishConferenceSchema, { conferenceId: string; slug: string }, "notFound" | "cancelled" | "noContact">;

export const cancel = {
  name: "conferences.cancel",
  roles: ORGANISE,
  schema: cancelConferenceSchema,
  organisationOf: organisationOfConference,
  handler: (input, access) => cancelConference(access, input),
} satisfies ActionDefinition<typeof cancelConferenceSchema, { conferenceId: string; slug: string; emailed: number }, "notFound">;

export const duplicate = {
  name: "conferences.duplicate",
  roles: ORGANISE,
  schema: duplicateConferenceSchema,
  organisationOf: organisationOfConference,
  handler: (input, access) => inOrganisation(access, duplicateConference(access, input)),
} satisfies ActionDefinition<typeof duplicateConferenceSchema, Created, "notFound">;

export const reminders = {
  name: "conferences.reminders",
  roles: ORGANISE,
  schema: conferenceRemindersSchema,
  organisationOf: organisationOfConference,
  handler: (input, access) => setConferenceReminders(access, input),
} satisfies ActionDefinition<typeof conferenceRemindersSchema, { conferenceId: string; slug: string }, "notFound">;
