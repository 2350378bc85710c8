import "server-only";
import { recordAudit } from "@/lib/audit/log";
import type { OrganisationAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { hashToken, randomToken } from "@/lib/tokens";
import type { CreateApiToken } from "./schema";

const DAY = 24 * 60 * 60 * 1000;

// "pdm_" tells a leaked token apart in logs and secret scanners; 32 random bytes (256 bits) follow.
export const API_TOKEN_PREFIX = "pdm_";

export function newApiTokenSecret(): string {
  return `${API_TOKEN_PREFIX}${randomToken(32)}`;
}

/**
 * Makes a token and returns it: the only moment it exists in the clear. Only its SHA-256 is stored, with its
 * first characters so that the owner can tell tokens apart.
 */
export async function createApiToken(access: OrganisationAccess, input: CreateApiToken) {
  const secret = newApiTokenSecret();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + Number(input.expiresInDays) * DAY) : null;
  const token = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        organisationId: access.organisation.id,
        name: input.name,
        scope: input.scope,
        tokenHash: hashToken(secret),
        prefix: secret.slice(0, API_TOKEN_PREFIX.length + 6),
        createdByUserId: access.user.id,
        expiresAt,
      },
      select: { id: true, name: true, scope: true },
    });
    await recordAudit(tx, {
      organisationId: access.organisation.id,
      actorUserId: access.user.id,
      action: "api_token.created",
      entityType: "api_token",
      entityId: created.id,
      details: { name: created.name, scope: created.scope },
    });
    return created;
  });
  return { ok: true as const, data: { tokenId: token.id, secret } };
}

export async function revokeApiToken(access: OrganisationAccess, tokenId: string) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id: tokenId, organisationId: access.organisation.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) return { ok: false as const, reason: "notFound" as const };
    const token = await tx.apiToken.findUniqueOrThrow({ where: { id: tokenId }, select: { name: true } });
    await recordAudit(tx, {
      organisationId: access.organisation.id,
      actorUserId: access.user.id,
      action: "api_token.revoked",
      entityType: "api_token",
      entityId: tokenId,
      details: { name: token.name },
    });
    return { ok: true as const, data: null };
  });
}
