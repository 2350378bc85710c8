import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/tokens";
import { API_TOKEN_PREFIX } from "./mutations";
import type { ApiTokenScope } from "./schema";

export interface ApiCaller {
  tokenId: string;
  tokenName: string;
  scope: ApiTokenScope;
  organisationId: string;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The token of an `Authorization: Bearer ...` header, if it is one that works now. Missing, unknown, revoked
 * and expired all come back as null: the caller answers each with the same 401, so a guess learns nothing.
 */
export async function authenticateApiToken(authorization: string | null, now = new Date()): Promise<ApiCaller | null> {
  const secret = BEARER.exec(authorization ?? "")?.[1];
  if (!secret?.startsWith(API_TOKEN_PREFIX) || secret.length > 200) return null;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: { id: true, name: true, scope: true, organisationId: true, revokedAt: true, expiresAt: true },
  });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null;
  return { tokenId: token.id, tokenName: token.name, scope: token.scope, organisationId: token.organisationId };
}

/**
 * Every use is recorded: the token's last use, and an entry in the organisation's audit log naming the route
 * (its template, never ids or query values) and the answer's status, in one transaction.
 */
export async function recordApiTokenUse(caller: ApiCaller, use: { method: string; route: string; status: number }): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.apiToken.update({ where: { id: caller.tokenId }, data: { lastUsedAt: new Date() } });
    await recordAudit(tx, {
      organisationId: caller.organisationId,
      actorUserId: null,
      action: "api_token.used",
      entityType: "api_token",
      entityId: caller.tokenId,
      details: { name: caller.tokenName, ...use },
    });
  });
}
