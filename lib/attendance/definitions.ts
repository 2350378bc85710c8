// The organiser's attendance action as a plain definition: actions.ts turns it into a server action, and
// tests/integration/authorization-attendance.test.ts runs it as every kind of outsider.
import "server-only";
import type { ActionDefinition } from "@/lib/auth/authorized-action";
import { ORGANISE } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { correctAttendance } from "./mutations";
import { correctionSchema } from "./schema";

async function organisationOfConference({ conferenceId }: { conferenceId: string }): Promise<string | null> {
  const conference = await db.conference.findUnique({ where: { id: conferenceId }, select: { organisationId: true } });
  return conference?.organisationId ?? null;
}

export const correctAttendanceDefinition = {
  name: "attendance.correct",
  roles: ORGANISE,
  schema: correctionSchema,
  organisationOf: organisationOfConference,
  handler: (input, access) => correctAttendance(access, input),
} satisfies ActionDefinition<typeof correctionSchema, { name: string; present: boolean }, "notFound">;
