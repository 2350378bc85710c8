import "server-only";
import type { ActionDefinition } from "@/lib/auth/authorized-action";
import { ORGANISE } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { sendMessage, type MessageOutcome } from "./mutations";
import { messageSchema } from "./schema";

async function organisationOfConference({ conferenceId }: { conferenceId: string }): Promise<string | null> {
  const conference = await db.conference.findUnique({ where: { id: conferenceId }, select: { organisationId: true } });
  return conference?.organisationId ?? null;
}

export const messageDefinition = {
  name: "announcements.message",
  roles: ORGANISE,
  schema: messageSchema,
  organisationOf: organisationOfConference,
  handler: (input, access) => sendMessage(access, input),
} satisfies ActionDefinition<typeof messageSchema, MessageOutcome, "notFound" | "noRecipients">;
