// Is the database reachable? Asked by /api/health and by proxy.ts before rendering pages, so that a dead
// database gives a friendly 503 page instead of a crash. The answer is remembered for a moment per process:
// a health probe must not add a query to every request. This is not shared state; each instance asks for itself.
import { Client } from "pg";
import { env } from "@/lib/env";

export type DatabaseHealth = { ok: true; latencyMs: number } | { ok: false; error: string };

const REMEMBER_MS = 2000;
const TIMEOUT_MS = 1500;

type Memo = { at: number; health: DatabaseHealth; pending?: Promise<DatabaseHealth> };
const globalForHealth = globalThis as unknown as { podiumDbHealth?: Memo };

async function probe(): Promise<DatabaseHealth> {
  if (!env.DATABASE_URL) return { ok: false, error: "DATABASE_URL is not set" };
  const started = performance.now();
  const client = new Client({
    connectionString: env.DATABASE_URL,
    connectionTimeoutMillis: TIMEOUT_MS,
    query_timeout: TIMEOUT_MS,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : "unknown error" };
  } finally {
    client.end().catch(() => {});
  }
}

export async function databaseHealth(options: { fresh?: boolean } = {}): Promise<DatabaseHealth> {
  const memo = globalForHealth.podiumDbHealth;
  const now = Date.now();
  if (!options.fresh && memo && now - memo.at < REMEMBER_MS) return memo.health;
  if (memo?.pending) return memo.pending;
  const pending = probe().then((health) => {
    globalForHealth.podiumDbHealth = { at: Date.now(), health };
    return health;
  });
  globalForHealth.podiumDbHealth = { at: memo?.at ?? 0, health: memo?.health ?? { ok: true, latencyMs: 0 }, pending };
  return pending;
}
