import "server-only";
import type { AuditAction } from "@/lib/audit/log";
import type { Tx } from "@/lib/db";

// Lock namespace of create forms (lib/registrations/lock.ts uses 7_110_001 for conferences).
const REQUEST_LOCK_NAMESPACE = 7_110_101;

/**
 * The record an earlier submission of the same create form made, if any. A create form carries a random
 * request key, written into the audit entry of what it created; a second submission of that form (a double
 * click, a resend without JavaScript) finds it here and answers with the same record instead of a copy. The
 * advisory lock on the key makes two submissions at the same moment wait for each other.
 */
export async function earlierCreation(
  tx: Tx,
  organisationId: string,
  action: AuditAction,
  requestKey: string,
): Promise<string | null> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${REQUEST_LOCK_NAMESPACE}::int, hashtext(${requestKey}))::text`;
  const entry = await tx.auditLogEntry.findFirst({
    where: { organisationId, action, details: { path: ["requestKey"], equals: requestKey } },
    select: { entityId: true },
  });
  return entry?.entityId ?? null;
}
