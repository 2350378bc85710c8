import "server-only";
import { db } from "@/lib/db";

/** The organisation's tokens for the owner's page, newest first: never the hash. */
export async function listApiTokens(organisationId: string) {
  return db.apiToken.findMany({
    where: { organisationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, scope: true, prefix: true, expiresAt: true, revokedAt: true, lastUsedAt: true, createdAt: true },
  });
}
export type ApiTokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];
