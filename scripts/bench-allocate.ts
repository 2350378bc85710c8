// npm run bench:allocate [-- --people=5000 --rounds=3 --workshops=8 --no-database]
//
// Allocation by ranked choice at the size of a large conference: 5,000 people ranking 3 rounds of 8 workshops,
// popularity skewed (a few workshops are everyone's favourite), places for about everyone. Prints, per round and
// in all, the time the allocation takes (target: under 2 s for the three rounds) beside first come, first served
// computed in the same run on the same demand, and what each gives people: the share who get their first,
// second, third choice, and nobody placed.
//
// Then, unless --no-database, the same through PostgreSQL as the organiser's button does it: read the rankings
// (places_ranking_input), compute, write (places_publish_allocation, under the lock, capacities checked again).
// Starts PostgreSQL in .data/bench-allocate-pg (port 15339 plus PODIUM_PORT_OFFSET) and stops it again.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { allocate, allocateFirstCome, type AllocationInput } from "../lib/places/allocation";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/migrate";
import { PORTS } from "./lib/ports";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const option = (name: string, fallback: number) => {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
};
const PEOPLE = option("people", 5000);
const ROUNDS = option("rounds", 3);
const WORKSHOPS = option("workshops", 8);
const log = (message: string) => console.log(`[bench:allocate] ${message}`);

/** Seeded, so that every run measures the same demand. */
function generator(seed: number) {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

/** One round's demand: each person ranks every workshop; workshop k is liked as much as 1/(k+1). */
function demand(round: number): AllocationInput {
  const random = generator(round + 1);
  const ids = Array.from({ length: WORKSHOPS }, (_, k) => `r${round}w${k}`);
  const capacity = Math.ceil((PEOPLE * 1.05) / WORKSHOPS);
  const people = Array.from({ length: PEOPLE }, (_, p) => {
    // A weighted shuffle: lower keys first, popular workshops get lower keys more often.
    const ranking = ids.map((id, k) => ({ id, key: -Math.log(random()) / (1 / (k + 1)) })).sort((a, b) => a.key - b.key).map((x) => x.id);
    return { id: `p${p}`, ranking };
  });
  return { workshops: ids.map((id) => ({ id, capacity })), people, seed: `bench-${round}` };
}

const percent = (count: number) => `${((100 * count) / PEOPLE).toFixed(1)}%`;
const shares = (byRank: number[], unplaced: number) => {
  const lower = byRank.slice(3).reduce((sum, count) => sum + (count ?? 0), 0);
  return `1st ${percent(byRank[0] ?? 0)}, 2nd ${percent(byRank[1] ?? 0)}, 3rd ${percent(byRank[2] ?? 0)}, 4th or lower ${percent(lower)}, none ${percent(unplaced)}`;
};

function computeOnly(): void {
  let rankedMs = 0;
  let firstComeMs = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const input = demand(round);
    let started = performance.now();
    const ranked = allocate(input);
    const took = performance.now() - started;
    rankedMs += took;
    started = performance.now();
    const firstCome = allocateFirstCome(input);
    const fcfsTook = performance.now() - started;
    firstComeMs += fcfsTook;
    log(`round ${round + 1}: ranked choice ${took.toFixed(0)} ms (${shares(ranked.byRank, ranked.unplaced)})`);
    log(`round ${round + 1}: first come    ${fcfsTook.toFixed(0)} ms (${shares(firstCome.byRank, firstCome.unplaced)})`);
  }
  log(`${PEOPLE} people, ${ROUNDS} rounds of ${WORKSHOPS} workshops: ranked choice ${rankedMs.toFixed(0)} ms in all (target under 2000 ms), first come ${firstComeMs.toFixed(0)} ms`);
}

async function throughDatabase(): Promise<void> {
  const server = await startEmbeddedPostgres({ dataDir: path.join(ROOT, ".data/bench-allocate-pg"), port: PORTS.benchAllocateDatabase, log: () => {} });
  const name = `podium_bench_allocate_${Date.now()}`;
  try {
    await ensureDatabase(server.url, name);
    await applyMigrations(server.url(name), () => {}, { migrationsDir: path.join(ROOT, "prisma/migrations") });
    const url = server.url(name);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const run = randomUUID().slice(0, 8);
    await client.query(`INSERT INTO organisations (id, slug, name, updated_at) VALUES ('o${run}', 'org-${run}', 'Bench', now())`);
    await client.query(`
      INSERT INTO conferences (id, organisation_id, slug, title, starts_at, ends_at, capacity, status, published_at, updated_at)
      VALUES ('c${run}', 'o${run}', 'bench-${run}', 'Allocatie', now() + interval '30 days', now() + interval '30 days 8 hours', ${PEOPLE}, 'PUBLISHED', now(), now())`);
    await client.query(`
      INSERT INTO registrations (id, conference_id, name, email, active_email_key, search_text, privacy_consent_at, status, ticket_code, confirmed_at, created_at, updated_at)
      SELECT 'p' || n, 'c${run}', 'Deelnemer ' || n, 'd' || n || '@bench.test', 'd' || n || '@bench.test', 'deelnemer ' || n, now(), 'CONFIRMED',
             upper(md5('t' || n)), now(), now() + make_interval(secs => n / 1000.0), now()
        FROM generate_series(0, ${PEOPLE - 1}) AS n`);
    const rounds: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const input = demand(round);
      const roundId = `r${round}-${run}`;
      rounds.push(roundId);
      await client.query(`INSERT INTO workshop_rounds (id, conference_id, title, position, updated_at) VALUES ($1, 'c${run}', $2, $3, now())`, [roundId, `Ronde ${round + 1}`, round]);
      for (const workshop of input.workshops) {
        await client.query(
          `INSERT INTO programme_sessions (id, conference_id, title, kind, starts_at, ends_at, workshop_round_id, capacity, updated_at)
           VALUES ($1, 'c${run}', $1, 'WORKSHOP', now() + interval '30 days 1 hour', now() + interval '30 days 2 hours', $2, $3, now())`,
          [workshop.id, roundId, workshop.capacity],
        );
      }
      await client.query(`SELECT places_set_round_allocation($1, 'RANKED', now() + interval '1 day')`, [roundId]);
      const rows = input.people.flatMap((person) => person.ranking.map((sessionId, rank) => [person.id, sessionId, rank + 1] as const));
      await client.query(
        `INSERT INTO workshop_preferences (registration_id, round_id, session_id, rank)
         SELECT r, $1, s, k FROM unnest($2::text[], $3::text[], $4::int[]) AS x(r, s, k)`,
        [roundId, rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
      );
    }
    await client.query("ANALYZE");
    process.env.DATABASE_URL = url;
    const { previewAllocation, publishAllocation } = await import("../lib/places/ranked-choice");
    const { pgPool } = await import("../lib/db-pool");
    let previewMs = 0;
    let publishMs = 0;
    for (const [index, roundId] of rounds.entries()) {
      let started = performance.now();
      const preview = await previewAllocation(roundId);
      const previewTook = performance.now() - started;
      started = performance.now();
      const published = await publishAllocation(roundId);
      const publishTook = performance.now() - started;
      previewMs += previewTook;
      publishMs += publishTook;
      if (!published.ok) throw new Error(`round ${index + 1} not published: ${published.reason}`);
      log(`round ${index + 1} through PostgreSQL: preview ${previewTook.toFixed(0)} ms, publish ${publishTook.toFixed(0)} ms (${published.placed} placed, ${published.waiting} waiting; nobody left out: ${preview?.nobodyLeftOut})`);
    }
    const { rows: overfull } = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM programme_sessions s JOIN session_places p ON p.session_id = s.id
        WHERE s.conference_id = 'c${run}' AND p.confirmed > s.capacity`,
    );
    log(`through PostgreSQL: preview ${previewMs.toFixed(0)} ms and publish ${publishMs.toFixed(0)} ms in all; overfull workshops: ${overfull[0]?.count}`);
    await pgPool().end();
    await client.end();
  } finally {
    await dropDatabase(server.url, name).catch(() => undefined);
    await server.stop();
  }
}

async function main(): Promise<void> {
  computeOnly();
  if (!process.argv.includes("--no-database")) await throughDatabase();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
