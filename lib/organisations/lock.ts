import "server-only";
import type { Tx } from "@/lib/db";

// Changes to an organisation's members run one at a time under a transaction-scoped advisory lock, so two
// owners demoting each other at the same moment cannot both pass the "not the last owner" check.
const LOCK_NAMESPACE = 7_110_002;

export async function lockMembers(tx: Tx, organisationId: string): Promise<void> {
  await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '8s'`);
  // ::text because the Prisma adapter cannot decode void.
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}::int, hashtext(${organisationId}))::text`;
}
