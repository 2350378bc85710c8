// A sign-up commits asynchronously, so that its conference's lock is not held while the WAL is flushed, and is
// answered only after flushWal (lib/db-pool.ts). That must really put an asynchronous commit on disk: a
// synchronous commit that wrote no WAL of its own (txid_current() alone, say) flushes nothing.
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { flushWal } from "@/lib/db-pool";

afterAll(async () => {
  await db.$disconnect();
});

describe("flushWal", () => {
  it("puts what was committed asynchronously just before on disk, every time", async () => {
    const writer = new pg.Client({ connectionString: inject("databaseUrl") });
    await writer.connect();
    try {
      const flushed: boolean[] = [];
      for (let i = 0; i < 20; i++) {
        await writer.query("BEGIN");
        await writer.query("SET LOCAL synchronous_commit = off");
        await writer.query("INSERT INTO rate_limit_buckets (key, window_start, count) VALUES ($1, now(), 1)", [`wal-flush-test:${i}:${Date.now()}`]);
        await writer.query("COMMIT");
        const { rows } = await writer.query<{ lsn: string }>("SELECT pg_current_wal_insert_lsn()::text AS lsn");
        await flushWal();
        const check = await writer.query<{ flushed: boolean }>("SELECT pg_current_wal_flush_lsn() >= $1::pg_lsn AS flushed", [rows[0]?.lsn]);
        flushed.push(check.rows[0]?.flushed === true);
      }
      // Without flushWal the WAL writer catches up only every 200 ms: nearly all of these would be false.
      expect(flushed).toEqual(Array.from({ length: 20 }, () => true));
    } finally {
      await writer.query("DELETE FROM rate_limit_buckets WHERE key LIKE 'wal-flush-test:%'");
      await writer.end();
    }
  });
});
