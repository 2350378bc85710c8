import "server-only";
import type { Tx } from "@/lib/db";

// Every change to a conference's places happens under one transaction-scoped advisory lock per conference
// (pretix's design): counts read under the lock stay true until commit, so nothing is ever oversold, and
// the lock is released by COMMIT or ROLLBACK even if the process dies. A lock timeout turns a pile-up into a
// clear "busy, try again" instead of a hung request.
const LOCK_NAMESPACE = 7_110_001;

export class ConferenceBusyError extends Error {
  constructor() {
    super("conference is busy");
  }
}

export async function lockConference(tx: Tx, conferenceId: string): Promise<void> {
  await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '8s'`);
  try {
    // ::text because the Prisma adapter cannot decode void.
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}::int, hashtext(${conferenceId}))::text`;
  } catch (error) {
    if (error instanceof Error && /lock timeout|55P03/.test(error.message)) throw new ConferenceBusyError();
    throw error;
  }
}

// Interactive transactions wait for a pooled connection and then hold it; under a rush both need room.
export const PLACES_TRANSACTION = { maxWait: 15_000, timeout: 20_000 } as const;
