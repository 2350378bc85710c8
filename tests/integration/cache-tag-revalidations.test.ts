import { afterAll, describe, expect, it, vi } from "vitest";
import { revalidationTimes, TagRevalidations } from "@/lib/cache/tag-revalidations";
import { uniqueSuffix } from "../support/factories";

// Two stores on one database stand for two app instances. refresh() is the read-back the interval timer
// runs, called here directly so nothing waits on the clock. The two-process version of this, with real
// `npm start` instances and pages, is e2e/cluster-cache.spec.ts.

const url = process.env.DATABASE_URL as string;
const first = new TagRevalidations(url, { pollMs: 60_000 });
const second = new TagRevalidations(url, { pollMs: 60_000 });

afterAll(() => Promise.all([first.stop(), second.stop()]));

describe("cache tag revalidations shared through PostgreSQL", () => {
  it("expires, on another instance, entries written before a tag was revalidated, and only those", async () => {
    const tag = `conference:test-${uniqueSuffix()}`;
    const other = `conference:other-${uniqueSuffix()}`;
    await Promise.all([first.ready(), second.ready()]);
    const writtenBefore = Date.now() - 1_000;

    await first.record([tag], revalidationTimes(Date.now()));
    // The instance that revalidated knows at once; the other once it has read the table back.
    expect(first.verdict([tag], writtenBefore)).toBe("expired");
    expect(second.verdict([tag], writtenBefore)).toBe("fresh");
    await second.refresh();
    expect(second.verdict(["_N_T_/layout", tag], writtenBefore)).toBe("expired");
    expect(second.verdict([other], writtenBefore)).toBe("fresh");
    // An entry rendered after the revalidation is good.
    expect(second.verdict([tag], Date.now() + 1)).toBe("fresh");
  });

  it("moves its generation when it learns of a revalidation, and not when it reads back what it knew", async () => {
    // server/page-memo.ts drops its copies of pages when the generation moves: it must move for every
    // revalidation, this instance's or another's, and stay put otherwise, or the copies would last no read.
    const tag = `conference:generation-${uniqueSuffix()}`;
    await Promise.all([first.refresh(), second.refresh()]);
    const [firstBefore, secondBefore] = [first.generation, second.generation];
    await first.record([tag], revalidationTimes(Date.now()));
    expect(first.generation).toBeGreaterThan(firstBefore);
    expect(second.generation).toBe(secondBefore);
    await second.refresh();
    expect(second.generation).toBeGreaterThan(secondBefore);
    const [firstSettled, secondSettled] = [first.generation, second.generation];
    await Promise.all([first.refresh(), second.refresh(), first.refresh(), second.refresh()]);
    expect([first.generation, second.generation]).toEqual([firstSettled, secondSettled]);
  });

  it("serves stale until the expire time when a revalidation allows it", async () => {
    const tag = `report:test-${uniqueSuffix()}`;
    const writtenBefore = Date.now() - 1_000;
    const now = Date.now();
    await first.record([tag], revalidationTimes(now, { expire: 3600 }));
    await second.refresh();
    expect(second.verdict([tag], writtenBefore, now + 1)).toBe("stale");
    expect(second.verdict([tag], writtenBefore, now + 3601_000)).toBe("expired");
  });

  it("keeps the latest revalidation when an older one is read back after it", async () => {
    const tag = `dossier:test-${uniqueSuffix()}`;
    const later = Date.now();
    await first.record([tag], revalidationTimes(later));
    await second.record([tag], revalidationTimes(later - 10_000));
    await Promise.all([first.refresh(), second.refresh()]);
    for (const store of [first, second]) {
      expect(store.verdict([tag], later - 1)).toBe("expired");
    }
  });

  it("records 50 revalidations at once (a registration rush) in fewer writes, each settled only once it is stored", async () => {
    const tags = [`conference:rush-${uniqueSuffix()}`, `conference:rush-${uniqueSuffix()}`];
    // In the past, so that every revalidation has taken effect by the time the verdicts are asked.
    const base = Date.now() - 1_000;
    const query = first.pool.query.bind(first.pool);
    let writes = 0;
    const spy = vi.spyOn(first.pool, "query").mockImplementation(((...args: Parameters<typeof query>) => {
      const sql = typeof args[0] === "string" ? args[0] : String((args[0] as { text?: string }).text);
      if (sql.includes("INSERT INTO cache_tag_revalidations")) writes += 1;
      return query(...args);
    }) as typeof query);
    // Each caller, once its promise resolves, must find its own revalidation in the table: read it back then.
    const seenAfterOwnRecord = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const tag = tags[i % 2] ?? "";
        await first.record([tag], revalidationTimes(base + i));
        const { rows } = await first.pool.query<{ stale_at: Date }>("SELECT stale_at FROM cache_tag_revalidations WHERE tag = $1", [tag]);
        return (rows[0]?.stale_at.getTime() ?? 0) >= base + i;
      }),
    );
    spy.mockRestore();
    expect(seenAfterOwnRecord.every(Boolean)).toBe(true);
    // Still stored, but not one write per revalidation: those that arrived while a write ran went together.
    expect(writes).toBeGreaterThan(0);
    expect(writes).toBeLessThan(50);
    // The latest of each tag won, and the other instance reads it back.
    await second.refresh();
    expect(second.verdict([tags[0] ?? ""], base + 48 - 1)).toBe("expired");
    expect(second.verdict([tags[1] ?? ""], base + 49 - 1)).toBe("expired");
    expect(second.verdict([tags[1] ?? ""], base + 49 + 1)).toBe("fresh");
  });

  it("a store that cannot reach its database answers from what it knows, without throwing", async () => {
    const unreachable = new TagRevalidations("postgresql://nobody:nothing@127.0.0.1:1/none", { pollMs: 60_000, log: () => {} });
    await unreachable.ready(3_000);
    expect(unreachable.verdict(["conferences"], Date.now())).toBe("fresh");
    await unreachable.stop();
  });
});
