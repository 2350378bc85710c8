// No "server-only" marker: the production server's own handler for the registration API counts here too.
import { createHash } from "node:crypto";
import type pg from "pg";
import { pgPool } from "@/lib/db-pool";

export type RateLimitRule = { bucket: string; limit: number; windowSeconds: number };
export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

// One fixed-window counter per bucket and client, kept in PostgreSQL so that every app instance counts
// together. A single statement, so concurrent requests cannot both see the old count. Plain node-postgres:
// it runs before every sign-up of a rush. Pass a connection to count inside that connection's transaction.
export async function hit(rule: RateLimitRule, client: string, on: pg.Pool | pg.PoolClient = pgPool()): Promise<RateLimitResult> {
  const key = `${rule.bucket}:${createHash("sha256").update(client).digest("hex").slice(0, 32)}`;
  // Named: planned once per connection, as every sign-up and sign-in asks it.
  const { rows } = await on.query<{ count: number; window_start: Date }>({
    name: "rate-limit-hit",
    text: `INSERT INTO rate_limit_buckets (key, window_start, count)
     VALUES ($1, now(), 1)
     ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN rate_limit_buckets.window_start <= now() - make_interval(secs => $2)
                    THEN 1 ELSE rate_limit_buckets.count + 1 END,
       window_start = CASE WHEN rate_limit_buckets.window_start <= now() - make_interval(secs => $2)
                    THEN now() ELSE rate_limit_buckets.window_start END
     RETURNING count, window_start`,
    values: [key, rule.windowSeconds],
  });
  const row = rows[0];
  if (!row) throw new Error("rate limit upsert returned nothing");
  if (row.count <= rule.limit) return { ok: true, remaining: rule.limit - row.count };
  const resetAt = row.window_start.getTime() + rule.windowSeconds * 1000;
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - Date.now()) / 1000)) };
}

// Old windows are worthless; removing them now and then keeps the table small.
export async function pruneRateLimits(olderThanSeconds = 86_400): Promise<number> {
  const { rowCount } = await pgPool().query("DELETE FROM rate_limit_buckets WHERE window_start < now() - make_interval(secs => $1)", [olderThanSeconds]);
  return rowCount ?? 0;
}
