import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { isLockTimeout, isPoolTimeout } from "@/lib/db-errors";

// Every change to a conference's places happens under one transaction-scoped advisory lock per conference
// (pretix's design): counts read under the lock stay true until commit, so nothing is ever oversold, and
// the lock is released by COMMIT or ROLLBACK even if the process dies. A lock timeout turns a pile-up into a
// clear "busy, try again" instead of a hung request.
export class ConferenceBusyError extends Error {
  constructor() {
    super("conference is busy");
  }
}

/**
 * Takes the conference's lock in `tx`: conference_places_lock (migration 20261129010000), the one definition
 * of the lock and its timeout, which registration_register takes too.
 */
export async function lockConference(tx: Tx, conferenceId: string): Promise<void> {
  try {
    // ::text because the Prisma adapter cannot decode void.
    await tx.$queryRaw`SELECT conference_places_lock(${conferenceId})::text`;
  } catch (error) {
    if (isLockTimeout(error)) throw new ConferenceBusyError();
    throw error;
  }
}

// Interactive transactions wait for a pooled connection and then hold it; under a rush both need room.
export const PLACES_TRANSACTION = { maxWait: 15_000, timeout: 20_000 } as const;

/**
 * A pile-up rather than a fault: the lock wait timed out, or no pooled connection came free in time (pg-pool's
 * timeout, which fires before PLACES_TRANSACTION.maxWait, or Prisma's P2028 once maxWait or the transaction
 * timeout passes). Callers answer "busy, try again" (503 with Retry-After in the API) instead of an unexpected
 * error; a rush used to turn into 500s here.
 */
export function isBusy(error: unknown): boolean {
  if (error instanceof ConferenceBusyError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2028") return true;
  return isPoolTimeout(error);
}
