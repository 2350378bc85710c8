// npm run bench:checkin [-- --build --scans=4000 --concurrency=20]
//
// The door at 12.45: 20 scanners sending one scan each, as fast as they get answers, to the check-in
// endpoint of a production build (`next start`) with 10,000 registrations. Prints p50/p95/max latency and
// scans per second (target: p95 under 50 ms), and checks the log afterwards: one row per nonce, no ticket
// checked in twice without the duplicate flag.
//
// Starts PostgreSQL in .data/bench-checkin-pg on port 54336 and `next start` on 3211 (plus PODIUM_PORT_OFFSET), each stopped again on
// success, failure and Ctrl-C. Loopback only; every loop is bounded by a count.
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/migrate";
import { PORTS } from "./lib/ports";
import { spawnGroup } from "./lib/process-group";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DB_PORT = PORTS.benchCheckinDatabase;
const APP_PORT = PORTS.benchCheckinApp;
const REGISTRATIONS = 10_000;
const TARGET_P95_MS = 50;

function option(name: string, fallback: number): number {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}
const SCANS = option("scans", 4000);
const CONCURRENCY = option("concurrency", 20);
const log = (message: string) => console.log(`[bench:checkin] ${message}`);

const cleanups: Array<{ name: string; run: () => Promise<void> }> = [];
async function shutdown(code: number): Promise<never> {
  for (const cleanup of cleanups.reverse()) await cleanup.run().catch((e: unknown) => log(`stopping ${cleanup.name}: ${String(e)}`));
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(130));

/** Organisation, host with a session, a conference and 10,000 confirmed registrations; returns what the scanners need. */
async function seed(url: string): Promise<{ slug: string; session: string; codes: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const run = randomBytes(4).toString("hex");
  const session = randomBytes(24).toString("hex");
  const slug = `bench-deur-${run}`;
  await client.query(`
    WITH o AS (INSERT INTO organisations (id, slug, name, updated_at) VALUES ('o${run}', 'org-${run}', 'Bench', now()) RETURNING id),
         u AS (INSERT INTO users (id, email, name, updated_at) VALUES ('u${run}', 'host-${run}@bench.test', 'Bench Host', now()) RETURNING id),
         m AS (INSERT INTO memberships (id, organisation_id, user_id, role, updated_at) SELECT 'm${run}', o.id, u.id, 'HOST', now() FROM o, u)
    INSERT INTO sessions (session_token, user_id, expires, updated_at) SELECT '${session}', u.id, now() + interval '1 day', now() FROM u`);
  await client.query(`
    INSERT INTO conferences (id, organisation_id, slug, title, starts_at, ends_at, capacity, status, published_at, updated_at)
    VALUES ('c${run}', 'o${run}', '${slug}', 'Benchmark aan de deur', now() - interval '1 hour', now() + interval '7 hours', ${REGISTRATIONS}, 'PUBLISHED', now(), now())`);
  await client.query(`
    INSERT INTO registrations (id, conference_id, name, email, active_email_key, search_text, privacy_consent_at, status,
                               ticket_code, manage_token_hash, confirmed_at, updated_at)
    SELECT 'r' || n || '${run}', 'c${run}', 'Deelnemer ' || n, 'd' || n || '@bench.test', 'd' || n || '@bench.test',
           'deelnemer ' || n, now(), 'CONFIRMED', upper(md5('t' || n || '${run}')), md5('m' || n || '${run}'), now(), now()
      FROM generate_series(1, ${REGISTRATIONS}) AS n`);
  await client.query("ANALYZE");
  const { rows } = await client.query<{ ticket_code: string }>("SELECT ticket_code FROM registrations WHERE conference_id = $1", [`c${run}`]);
  await client.end();
  return { slug, session, codes: rows.map((r) => r.ticket_code) };
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")) || process.argv.includes("--build")) {
    log("running next build");
    const build = spawnGroup(path.join(ROOT, "node_modules/.bin/next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
    if ((await build.exited) !== 0) throw new Error("next build failed");
  }
  const server = await startEmbeddedPostgres({ dataDir: path.join(ROOT, ".data/bench-checkin-pg"), port: DB_PORT, log: () => {} });
  cleanups.push({ name: "PostgreSQL", run: () => server.stop() });
  const name = `podium_bench_checkin_${Date.now()}`;
  await ensureDatabase(server.url, name);
  cleanups.push({ name: "database", run: () => dropDatabase(server.url, name) });
  await applyMigrations(server.url(name), () => {}, { migrationsDir: path.join(ROOT, "prisma/migrations") });
  const { slug, session, codes } = await seed(server.url(name));
  log(`seeded ${codes.length} registrations`);

  const out = fs.openSync(path.join(ROOT, ".tmp", "bench-checkin-next.log"), "w");
  const env = { ...process.env, NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: server.url(name), APP_URL: `http://127.0.0.1:${APP_PORT}`, AUTH_SECRET: randomBytes(32).toString("base64") };
  const next = spawnGroup(path.join(ROOT, "node_modules/.bin/next"), ["start", "--hostname", "127.0.0.1", "--port", String(APP_PORT)], env, { stdio: ["ignore", out, out] });
  cleanups.push({ name: "next start", run: () => next.stop("SIGTERM", 10_000) });
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`http://127.0.0.1:${APP_PORT}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }

  const endpoint = `http://127.0.0.1:${APP_PORT}/api/checkin/${slug}/scans`;
  const headers = { "Content-Type": "application/json", Cookie: `authjs.session-token=${session}` };
  // One in ten scans is of a ticket scanned before (a second device, a second try): the amber path.
  const scanOnce = async (i: number): Promise<{ ms: number; status: number }> => {
    const code = codes[i % 10 === 9 ? i - 9 : i % codes.length] ?? "";
    const body = JSON.stringify({ scans: [{ nonce: randomUUID(), code, method: "QR", scannedAt: new Date().toISOString(), deviceId: `scanner-${i % CONCURRENCY}-bench` }] });
    const started = performance.now();
    const response = await fetch(endpoint, { method: "POST", headers, body });
    await response.arrayBuffer();
    return { ms: performance.now() - started, status: response.status };
  };
  // Warm-up: compile paths, fill pools; and stop early, with the server's log, if scans are refused.
  for (let i = 0; i < 50; i++) {
    const { status } = await scanOnce(REGISTRATIONS - 1 - i);
    if (status !== 200) throw new Error(`warm-up scan answered ${status}; see .tmp/bench-checkin-next.log`);
  }

  const results: Array<{ ms: number; status: number }> = [];
  let nextIndex = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (nextIndex < SCANS) results.push(await scanOnce(nextIndex++));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  const statuses = Object.entries(results.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {}));

  const client = new pg.Client({ connectionString: server.url(name) });
  await client.connect();
  const check = await client.query<{ rows: number; nonces: number; unflagged: number }>(`
    SELECT count(*)::int AS rows, count(DISTINCT client_nonce)::int AS nonces,
           (SELECT count(*)::int FROM (SELECT registration_id FROM check_ins WHERE NOT duplicate GROUP BY registration_id HAVING count(*) > 1) x) AS unflagged
      FROM check_ins`);
  await client.end();
  const row = check.rows[0];

  log(`${SCANS} scans, ${CONCURRENCY} concurrent scanners, ${REGISTRATIONS} registrations, one next start`);
  log(`latency p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms`);
  log(`throughput ${(SCANS / seconds).toFixed(0)} scans/s; statuses ${statuses.map(([s, n]) => `${s}: ${n}`).join(", ")}`);
  log(`log: ${row?.rows} rows for ${row?.nonces} nonces; tickets checked in twice without the flag: ${row?.unflagged}`);
  log(`target p95 < ${TARGET_P95_MS} ms: ${pct(95) < TARGET_P95_MS ? "met" : "NOT met"}`);
  const healthy = statuses.every(([s]) => s === "200") && row?.unflagged === 0 && row.rows === row.nonces;
  await shutdown(healthy ? 0 : 1);
}

main().catch(async (error: unknown) => {
  console.error(error);
  await shutdown(1);
});
