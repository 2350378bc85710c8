import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { sql, type SqlFragment } from "@/lib/sql-text";

// Every change to a conference's places happens under one transaction-scoped advisory lock per conference
// (pretix's design): counts read under the lock stay true until commit, so nothing is ever oversold, and
// the lock is released by COMMIT or ROLLBACK even if the process dies. A lock timeout turns a pile-up into a
// clear "busy, try again" instead of a hung request.
export const LOCK_NAMESPACE = 7_110_001;

export class ConferenceBusyError extends Error {
  constructor() {
    super("conference is busy");
  }
}

export async function lockConference(tx: Tx, conferenceId: string): Promise<void> {
  try {
    // One round trip: the MATERIALIZED CTE sets this transaction's lock_timeout (as SET LOCAL would) before
    // the outer SELECT waits for the lock. ::text because the Prisma adapter cannot decode void.
    await tx.$queryRaw`
      WITH settings AS MATERIALIZED (SELECT set_config('lock_timeout', ${LOCK_TIMEOUT}, true))
      SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}::int, hashtext(${conferenceId}))::text FROM settings`;
  } catch (error) {
    if (isLockTimeout(error)) throw new ConferenceBusyError();
    throw error;
  }
}

const LOCK_TIMEOUT = "8s";

/**
 * The same lock as statements for a simple-protocol round trip of node-postgres (see sql-text.ts): to be sent
 * after BEGIN, and followed in that same round trip by the first reads under the lock. In READ COMMITTED each
 * statement takes a fresh snapshot, so those reads see everything the previous holder committed.
 */
export function lockConferenceStatements(conferenceId: string): SqlFragment[] {
  return [
    sql`SELECT set_config('lock_timeout', ${LOCK_TIMEOUT}, true)`,
    sql`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}::int, hashtext(${conferenceId}))::text`,
  ];
}

/** PostgreSQL's lock_timeout (SQLSTATE 55P03), from Prisma or from node-postgres. */
export function isLockTimeout(error: unknown): boolean {
  if (error instanceof Error && "code" in error && error.code === "55P03") return true;
  return error instanceof Error && /lock timeout|55P03/.test(error.message);
}

// Interactive transactions wait for a pooled connection and then hold it; under a rush both need room.
export const PLACES_TRANSACTION = { maxWait: 15_000, timeout: 20_000 } as const;

/**
 * A pile-up rather than a fault: the lock wait timed out, or no pooled connection came free in time. The
 * latter is pg-pool's own "timeout exceeded when trying to connect" after DB_CONNECT_TIMEOUT_MS (its
 * connectionTimeoutMillis also bounds the wait in its queue, and fires before PLACES_TRANSACTION.maxWait),
 * or Prisma's P2028 once maxWait or the transaction timeout passes. Callers answer "busy, try again" (503 with
 * Retry-After in the API) instead of an unexpected error; a rush used to turn into 500s here.
 */
export function isBusy(error: unknown): boolean {
  if (error instanceof ConferenceBusyError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2028") return true;
  return error instanceof Error && /timeout exceeded when trying to connect/.test(error.message);
}
