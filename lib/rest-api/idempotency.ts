// Idempotency-Key on the API's writes (Stripe's and pretix's design): the first request with a key is
// answered and its answer kept 24 hours; the same key again gets that answer back and changes nothing. Kept in
// PostgreSQL, so every app instance sees every key. A row is claimed before the work starts (a primary key on
// token and key), so two requests with one key at once cannot both do the work: the second is told to wait.
import "server-only";
import { createHash } from "node:crypto";
import { pgPool } from "@/lib/db-pool";

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;
const KEEP_HOURS = 24;

export type Claim =
  | { kind: "claimed" }
  | { kind: "replay"; status: number; body: unknown }
  | { kind: "inProgress" }
  | { kind: "mismatch" };

export function requestHash(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method} ${path}\n${body}`).digest("hex");
}

export async function claim(tokenId: string, key: string, hash: string): Promise<Claim> {
  const pool = pgPool();
  // A key older than a day is forgotten: its row is taken over as if new.
  const { rowCount } = await pool.query(
    `INSERT INTO api_idempotency_keys (token_id, key, request_hash) VALUES ($1, $2, $3)
     ON CONFLICT (token_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, status = NULL, body = NULL, created_at = now()
       WHERE api_idempotency_keys.created_at < now() - make_interval(hours => $4)`,
    [tokenId, key, hash, KEEP_HOURS],
  );
  if (rowCount === 1) return { kind: "claimed" };
  const { rows } = await pool.query<{ request_hash: string; status: number | null; body: unknown }>(
    "SELECT request_hash, status, body FROM api_idempotency_keys WHERE token_id = $1 AND key = $2",
    [tokenId, key],
  );
  const row = rows[0];
  if (!row) return claim(tokenId, key, hash);
  if (row.request_hash !== hash) return { kind: "mismatch" };
  if (row.status === null) return { kind: "inProgress" };
  return { kind: "replay", status: row.status, body: row.body };
}

/** Keeps the answer. A server failure lets go of the key instead, so the client can try again with it. */
export async function settle(tokenId: string, key: string, status: number, body: unknown): Promise<void> {
  if (status >= 500) {
    await pgPool().query("DELETE FROM api_idempotency_keys WHERE token_id = $1 AND key = $2 AND status IS NULL", [tokenId, key]);
    return;
  }
  await pgPool().query("UPDATE api_idempotency_keys SET status = $3, body = $4::jsonb WHERE token_id = $1 AND key = $2", [
    tokenId,
    key,
    status,
    JSON.stringify(body),
  ]);
}

/** Old keys are worthless; removing them now and then keeps the table small. */
export async function pruneIdempotencyKeys(): Promise<number> {
  const { rowCount } = await pgPool().query("DELETE FROM api_idempotency_keys WHERE created_at < now() - make_interval(hours => $1)", [KEEP_HOURS]);
  return rowCount ?? 0;
}
