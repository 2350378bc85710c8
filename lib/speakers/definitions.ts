import "server-only";
import type { ActionDefinition } from "@/lib/auth/authorized-action";
import { ORGANISE } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { inOrganisation } from "@/lib/editor/in-organisation";
import { createSpeaker, deleteSpeaker, updateSpeaker } from "./mutations";
import { createSpeakerSchema, deleteSpeakerSchema, updateSpeakerSchema } from "./schema";

// The speaker actions as plain definitions (actions.ts makes server actions of them; the authorization tests
// run each as every kind of outsider).

type SpeakerChange = { speakerId: string; slug: string };

async function organisationOfSpeaker({ speakerId }: { speakerId: string }): Promise<string | null> {
  const speaker = await db.speaker.findUnique({ where: { id: speakerId }, select: { organisationId: true } });
  return speaker?.organisationId ?? null;
}

export const createSpeakerDefinition = {
  name: "speakers.create",
  roles: ORGANISE,
  schema: createSpeakerSchema,
  organisationOf: async (input) => input.organisationId,
  handler: (input, access) => createSpeaker(access, input),
} satisfies ActionDefinition<typeof createSpeakerSchema, SpeakerChange, never>;

export const updateSpeakerDefinition = {
  name: "speakers.update",
  roles: ORGANISE,
  schema: updateSpeakerSchema,
  organisationOf: organisationOfSpeaker,
  handler: (input, access) => updateSpeaker(access, input),
} satisfies ActionDefinition<typeof updateSpeakerSchema, SpeakerChange, "notFound">;

export const deleteSpeakerDefinition = {
  name: "speakers.delete",
  roles: ORGANISE,
  schema: deleteSpeakerSchema,
  organisationOf: organisationOfSpeaker,
  handler: (input, access) => inOrganisation(access, deleteSpeaker(access, input)),
} satisfies ActionDefinition<typeof deleteSpeakerSchema, SpeakerChange & { organisationSlug: string }, "notFound" | "inUse">;
