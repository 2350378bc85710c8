// No "server-only" marker: the production server's own handler for the registration API counts here too.
import { createHash } from "node:crypto";
import type pg from "pg";
import { z } from "zod";
import { pgPool } from "@/lib/db-pool";

const countedSchema = z.object({ count: z.number().int().positive(), windowStart: z.date() });

export type RateLimitRule = { bucket: string; limit: number; windowSeconds: number };
/** `resetSeconds`: until the window starts again (the API's RateLimit-Reset header). */
export type RateLimitResult = { ok: true; remaining: number; resetSeconds: number } | { ok: false; retryAfterSeconds: number };

// One fixed-window counter per bucket and client, kept in PostgreSQL so that every app instance counts
// together: rate_limit_hit (prisma/sql/rate-limit.sql; this file is its one face) counts in one statement, so
// concurrent requests cannot both see the old count. The key holds a hash of the client, never the client.
export function rateLimitKey(rule: RateLimitRule, client: string): string {
  return `${rule.bucket}:${createHash("sha256").update(client).digest("hex").slice(0, 32)}`;
}

/** What a count in the current window means under the rule. */
export function rateLimitResult(rule: RateLimitRule, counted: { count: number; windowStart: Date }): RateLimitResult {
  const resetAt = counted.windowStart.getTime() + rule.windowSeconds * 1000;
  const resetSeconds = Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
  if (counted.count <= rule.limit) return { ok: true, remaining: rule.limit - counted.count, resetSeconds };
  return { ok: false, retryAfterSeconds: resetSeconds };
}

/** Counts one request. Plain node-postgres; pass a connection to count inside that connection's transaction. */
export async function hit(rule: RateLimitRule, client: string, on: pg.Pool | pg.PoolClient = pgPool()): Promise<RateLimitResult> {
  // Named: planned once per connection, as every sign-in asks it.
  const { rows } = await on.query<Record<string, unknown>>({
    name: "rate-limit-hit",
    text: `SELECT count, window_start AS "windowStart" FROM rate_limit_hit($1, $2)`,
    values: [rateLimitKey(rule, client), rule.windowSeconds],
  });
  return rateLimitResult(rule, countedSchema.parse(rows[0]));
}

// Old windows are worthless; removing them now and then keeps the table small.
export async function pruneRateLimits(olderThanSeconds = 86_400): Promise<number> {
  const { rowCount } = await pgPool().query("DELETE FROM rate_limit_buckets WHERE window_start < now() - make_interval(secs => $1)", [olderThanSeconds]);
  return rowCount ?? 0;
}
