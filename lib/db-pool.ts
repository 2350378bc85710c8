// The node-postgres pool: under Prisma (lib/db.ts), and on its own for the few hot paths where Prisma's
// per-query work shows (the registration rush, the rate limiter, the door's scans). No "server-only" marker:
// the production server's own handler for door scans (server/serve.ts) imports it outside Next. One pool
// per process, kept on globalThis, so that Next's bundles and that handler share it.
import pg from "pg";
import { env } from "@/lib/env";

const globalForPool = globalThis as unknown as { podiumPool?: pg.Pool };

function createPool(): pg.Pool {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: start the app with `npm run dev` or set it (see .env.example)");
  }
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: env.DB_POOL_MAX,
    // Without these a dead database makes requests hang instead of failing fast with the 503 page.
    connectionTimeoutMillis: env.DB_CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 10_000,
    statement_timeout: env.DB_STATEMENT_TIMEOUT_MS,
    application_name: "podium",
    // Prisma's pg adapter sends and reads timestamps as UTC wall-clock text without an offset. With the
    // session in UTC that text means what it says, and SQL's now() agrees with the application's clock
    // whatever zone the database server runs in.
    options: "-c TimeZone=UTC",
  });
  // node-postgres emits `error` on idle clients when the server goes away; unhandled, Node would exit.
  pool.on("error", (err) => console.error("[db] pool error:", err.message));
  return pool;
}

export function pgPool(): pg.Pool {
  // After db.$disconnect() (which ends it) a later query gets a new one, as Prisma's would.
  if (!globalForPool.podiumPool || globalForPool.podiumPool.ended) globalForPool.podiumPool = createPool();
  return globalForPool.podiumPool;
}

/**
 * Returns once everything this process committed so far is on disk, also what was committed asynchronously
 * (places_register commits without waiting for the flush, so as not to hold a conference's lock through
 * it). A synchronous commit flushes the WAL up to its own commit record, but only when the transaction wrote
 * WAL itself; a transactional logical message is the smallest such write, and needs no privilege or table.
 * (txid_current() does not do: a transaction id alone writes no WAL, and its commit then does not wait.)
 */
export async function flushWal(): Promise<void> {
  await pgPool().query({ name: "flush-wal", text: "SELECT pg_logical_emit_message(true, 'podium.flush', '')" });
}
