import "server-only";
import type { ActionDefinition } from "@/lib/auth/authorized-action";
import { MANAGE_MEMBERS } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { createApiToken, revokeApiToken } from "./mutations";
import { createApiTokenSchema, revokeApiTokenSchema } from "./schema";

// Tokens open the organisation's data to another system: owners only, as with members.

export const createToken = {
  name: "apiTokens.create",
  roles: MANAGE_MEMBERS,
  schema: createApiTokenSchema,
  organisationOf: async (input) => input.organisationId,
  handler: (input, access) => createApiToken(access, input),
} satisfies ActionDefinition<typeof createApiTokenSchema, { tokenId: string; secret: string }, never>;

export const revokeToken = {
  name: "apiTokens.revoke",
  roles: MANAGE_MEMBERS,
  schema: revokeApiTokenSchema,
  organisationOf: async ({ tokenId }) => {
    const token = await db.apiToken.findUnique({ where: { id: tokenId }, select: { organisationId: true } });
    return token?.organisationId ?? null;
  },
  handler: (input, access) => revokeApiToken(access, input.tokenId),
} satisfies ActionDefinition<typeof revokeApiTokenSchema, null, "notFound">;
