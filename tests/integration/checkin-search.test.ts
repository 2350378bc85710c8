// Search at the door over a realistic crowd: 10,000 registrations. Timings are printed, not asserted (a busy
// CI machine must not fail a correct query); the query plan is asserted to use the trigram index.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { searchRegistrations } from "@/lib/checkin/queries";
import { createConference, type TestConference } from "../support/factories";

const CROWD = 10_000;
let conference: TestConference;
let other: TestConference;

beforeAll(async () => {
  conference = await createConference({ capacity: CROWD + 10 });
  other = await createConference();
  // Made-up names in bulk, straight into the table: the domain would take minutes for 10,000 sign-ups.
  await db.$executeRaw`
    INSERT INTO registrations (id, conference_id, name, email, active_email_key, search_text, organisation,
                               privacy_consent_at, status, ticket_code, confirmed_at, updated_at)
    SELECT 'bulk' || n || ${conference.id}, ${conference.id}, 'Deelnemer ' || n, 'd' || n || '@bulk.test', 'd' || n || '@bulk.test',
           'deelnemer ' || n || ' organisatie ' || (n % 300), 'Organisatie ' || (n % 300),
           now(), 'CONFIRMED', upper(md5('t' || n || ${conference.id})), now(), now()
      FROM generate_series(1, ${CROWD}) AS n`;
  for (const [target, name, organisation] of [
    [conference, "Patricia van Aaken", "Gemeente Dordrecht"],
    [conference, "Chloë de Graaf", "Stichting Buurtkracht"],
    [other, "Patricia Aakenstein", "Elders"],
  ] as const) {
    await db.$executeRaw`
      INSERT INTO registrations (id, conference_id, name, email, active_email_key, search_text, organisation,
                                 privacy_consent_at, status, ticket_code, confirmed_at, updated_at)
      VALUES (md5(random()::text), ${target.id}, ${name}, md5(random()::text), NULL,
              lower(${name + " " + organisation}), ${organisation}, now(), 'CANCELLED',
              upper(md5(random()::text)), now(), now())`;
  }
  await db.$executeRaw`UPDATE registrations SET search_text = 'chloe de graaf stichting buurtkracht' WHERE name = 'Chloë de Graaf'`;
  await db.$executeRawUnsafe("ANALYZE registrations");
});

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  await run(); // warm: the first query plans and fills caches
  const started = performance.now();
  const result = await run();
  console.log(`[checkin-search] ${label}: ${(performance.now() - started).toFixed(1)} ms over ${CROWD} registrations`);
  return result;
}

describe("searchRegistrations", () => {
  it("finds 'aaken' in 'Patricia van Aaken', accent- and case-insensitively, only in this conference", async () => {
    const results = await timed("'aaken'", () => searchRegistrations(conference.id, "AAKEN"));
    expect(results.map((r) => r.name)).toEqual(["Patricia van Aaken"]);
    expect(results[0]).toMatchObject({ organisation: "Gemeente Dordrecht", status: "CANCELLED", checkedInAt: null });
    expect((await timed("'chloë'", () => searchRegistrations(conference.id, "chloë"))).map((r) => r.name)).toEqual(["Chloë de Graaf"]);
    expect((await searchRegistrations(conference.id, "Chloe")).map((r) => r.name)).toEqual(["Chloë de Graaf"]);
  });

  it("searches by organisation, from two letters on, at most a screenful", async () => {
    const byOrganisation = await timed("'organisatie 17'", () => searchRegistrations(conference.id, "organisatie 17"));
    expect(byOrganisation.length).toBeGreaterThan(0);
    expect(byOrganisation.every((r) => r.organisation?.startsWith("Organisatie 17"))).toBe(true);
    expect(await searchRegistrations(conference.id, "d")).toEqual([]);
    expect((await timed("'de' (two letters)", () => searchRegistrations(conference.id, "de"))).length).toBe(12);
    expect(await searchRegistrations(conference.id, "100%_")).toEqual([]);
  });

  it("can be served by the trigram index (the planner may still prefer a scan while the table is small)", async () => {
    const explain = `EXPLAIN SELECT id FROM registrations WHERE conference_id = $1 AND search_text LIKE '%aaken%'`;
    const lines = (rows: Array<{ "QUERY PLAN": string }>) => rows.map((row) => row["QUERY PLAN"]).join("\n");
    console.log(`[checkin-search] plan chosen:\n${lines(await db.$queryRawUnsafe(explain, conference.id))}`);
    const forced = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      // Without the conference filter, which has an index of its own: this asks whether LIKE '%term%' can
      // use the trigram index at all (it cannot without gin_trgm_ops, or with an unescaped pattern).
      return lines(await tx.$queryRawUnsafe(`EXPLAIN SELECT id FROM registrations WHERE search_text LIKE '%aaken%'`));
    });
    expect(forced).toContain("registrations_search_text_trgm_idx");
  });
});
