import "server-only";
import type { ActionDefinition } from "@/lib/auth/authorized-action";
import { ORGANISE } from "@/lib/auth/roles";
import { organisationOfConference } from "@/lib/conferences/definitions";
import { db } from "@/lib/db";
import {
  createRound,
  createSession,
  deleteRound,
  deleteSession,
  publishRoundAllocation,
  setAllocationOfRound,
  updateRound,
  updateSession,
  type ProgrammeChange,
  type SessionAdded,
} from "./mutations";
import {
  createRoundSchema,
  createSessionSchema,
  deleteRoundSchema,
  deleteSessionSchema,
  publishAllocationSchema,
  roundAllocationSchema,
  updateRoundSchema,
  updateSessionSchema,
} from "./schema";

// The programme actions as plain definitions (actions.ts makes server actions of them; the authorization
// tests run each as every kind of outsider).

async function organisationOfSession({ sessionId }: { sessionId: string }): Promise<string | null> {
  const session = await db.programmeSession.findUnique({ where: { id: sessionId }, select: { conference: { select: { organisationId: true } } } });
  return session?.conference.organisationId ?? null;
}

async function organisationOfRound({ roundId }: { roundId: string }): Promise<string | null> {
  const round = await db.workshopRound.findUnique({ where: { id: roundId }, select: { conference: { select: { organisationId: true } } } });
  return round?.conference.organisationId ?? null;
}

type SessionChange = ProgrammeChange & { sessionId: string };

export const createSessionDefinition = {
  name: "programme.createSession",
  roles: ORGANISE,
  schema: createSessionSchema,
  organisationOf: organisationOfConference,
  handler: (input, access) => createSession(access, input),
} satisfies ActionDefinition<typeof createSessionSchema, SessionAdded, "notFound">;

export const updateSessionDefinition = {
  name: "programme.updateSession",
  roles: ORGANISE,
  schema: updateSessionSchema,
  organisationOf: organisationOfSession,
  handler: (input, access) => updateSession(access, input),
} satisfies ActionDefinition<typeof updateSessionSchema, SessionChange, "notFound">;

export const deleteSessionDefinition = {
  name: "programme.deleteSession",
  roles: ORGANISE,
  schema: deleteSessionSchema,
  organisationOf: organisationOfSession,
  handler: (input, access) => deleteSession(access, input),
} satisfies ActionDefinition<typeof deleteSessionSchema, ProgrammeChange, "notFound" | "hasChoices">;

export const createRoundDefinition = {
  name: "programme.createRound",
  roles: ORGANISE,
  schema: createRoundSchema,
  organisationOf: organisationOfConference,
  handler: (input, access) => createRound(access, input),
} satisfies ActionDefinition<typeof createRoundSchema, ProgrammeChange, "notFound">;

export const updateRoundDefinition = {
  name: "programme.updateRound",
  roles: ORGANISE,
  schema: updateRoundSchema,
  organisationOf: organisationOfRound,
  handler: (input, access) => updateRound(access, input),
} satisfies ActionDefinition<typeof updateRoundSchema, ProgrammeChange, "notFound">;

export const deleteRoundDefinition = {
  name: "programme.deleteRound",
  roles: ORGANISE,
  schema: deleteRoundSchema,
  organisationOf: organisationOfRound,
  handler: (input, access) => deleteRound(access, input),
} satisfies ActionDefinition<typeof deleteRoundSchema, ProgrammeChange, "notFound" | "hasChoices">;

export const roundAllocationDefinition = {
  name: "programme.roundAllocation",
  roles: ORGANISE,
  schema: roundAllocationSchema,
  organisationOf: organisationOfRound,
  handler: (input, access) => setAllocationOfRound(access, input),
} satisfies ActionDefinition<typeof roundAllocationSchema, ProgrammeChange, "notFound">;

export const publishAllocationDefinition = {
  name: "programme.publishAllocation",
  roles: ORGANISE,
  schema: publishAllocationSchema,
  organisationOf: organisationOfRound,
  handler: (input, access) => publishRoundAllocation(access, input),
} satisfies ActionDefinition<
  typeof publishAllocationSchema,
  ProgrammeChange & { placed: number; waiting: number },
  "notFound" | "notRanked" | "allocated" | "busy"
>;
