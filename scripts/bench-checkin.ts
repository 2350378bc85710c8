// npm run bench:checkin [-- --build --scans=4000 --warmup=2000 --concurrency=20 --instances=1 --cpu-prof]
//
// The door at 12.45: 20 scanners sending one scan each, as fast as they get answers, to the check-in
// endpoint of a production build served as in production (`npm start`) with 10,000 registrations. Prints p50/p95/max latency, scans
// per second and the CPU each part used per scan (target: p95 under 50 ms), and checks the log afterwards:
// one row per nonce, no ticket checked in twice without the duplicate flag.
//
// --instances: how many `npm start` processes serve the door, against the one PostgreSQL, as behind a load
// balancer; each scanner keeps to one of them. Node runs a request on one core, so on this 2-core machine two
// instances are how the app uses both. --cpu-prof writes a V8 CPU profile per instance into
// .tmp/bench-profiles when it stops.
//
// Starts PostgreSQL in .data/bench-checkin-pg on port 15336 and the instances on 3211, 3212... (plus
// PODIUM_PORT_OFFSET), each stopped again on success, failure and Ctrl-C. Loopback only; every loop is bounded
// by a count.
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/migrate";
import { groupCpuMs, machineCpuMs, treeCpuMs } from "./lib/cpu-usage";
import { PORTS } from "./lib/ports";
import { spawnGroup } from "./lib/process-group";
import { startCommand } from "./lib/start-command";

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
const INSTANCES = option("instances", 1);
const WARMUP = option("warmup", 2000);
const CPU_PROFILE = process.argv.includes("--cpu-prof");
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
                               ticket_code, confirmed_at, updated_at)
    SELECT 'r' || n || '${run}', 'c${run}', 'Deelnemer ' || n, 'd' || n || '@bench.test', 'd' || n || '@bench.test',
           'deelnemer ' || n, now(), 'CONFIRMED', upper(md5('t' || n || '${run}')), now(), now()
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
  const dataDir = path.join(ROOT, ".data/bench-checkin-pg");
  const server = await startEmbeddedPostgres({ dataDir, port: DB_PORT, log: () => {} });
  const postmasterPid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  cleanups.push({ name: "PostgreSQL", run: () => server.stop() });
  const name = `podium_bench_checkin_${Date.now()}`;
  await ensureDatabase(server.url, name);
  cleanups.push({ name: "database", run: () => dropDatabase(server.url, name) });
  await applyMigrations(server.url(name), () => {}, { migrationsDir: path.join(ROOT, "prisma/migrations") });
  const { slug, session, codes } = await seed(server.url(name));
  log(`seeded ${codes.length} registrations`);

  const ports = Array.from({ length: INSTANCES }, (_, i) => APP_PORT + i);
  const secret = randomBytes(32).toString("base64");
  const profileDir = path.join(ROOT, ".tmp", "bench-profiles");
  // .tmp holds the instances' logs; a fresh clone has no such folder.
  fs.mkdirSync(CPU_PROFILE ? profileDir : path.join(ROOT, ".tmp"), { recursive: true });
  const groups: number[] = [];
  for (const port of ports) {
    const logFile = path.join(ROOT, ".tmp", `bench-checkin-app-${port}.log`);
    const out = fs.openSync(logFile, "w");
    const env = {
      ...process.env,
      NODE_ENV: "production" as const,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: server.url(name),
      APP_URL: `http://127.0.0.1:${port}`,
      AUTH_SECRET: secret,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
    };
    const [command, args] = startCommand(ROOT, CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []);
    const app = spawnGroup(command, args, env, { stdio: ["ignore", out, out] });
    fs.closeSync(out);
    cleanups.push({ name: `npm start :${port}`, run: () => app.stop("SIGTERM", 10_000) });
    if (app.child.pid !== undefined) groups.push(app.child.pid);
    for (let i = 0; i < 300; i++) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  // node:http with keep-alive rather than fetch: the scanners share the 2 cores with the server they measure,
  // and undici's fetch spends about twice the CPU per request.
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  cleanups.push({ name: "HTTP agent", run: async () => agent.destroy() });
  const cookie = `authjs.session-token=${session}`;
  const post = (port: number, body: string) =>
    new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          agent,
          host: "127.0.0.1",
          port,
          path: `/api/checkin/${slug}/scans`,
          method: "POST",
          headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), "Accept-Encoding": "gzip, br", Cookie: cookie },
        },
        (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  // One in ten scans is of a ticket scanned before (a second device, a second try): the amber path.
  const scanOnce = async (i: number, scanner: number): Promise<{ ms: number; status: number }> => {
    const code = codes[(i % 10 === 9 ? i - 9 : i) % codes.length] ?? "";
    const body = JSON.stringify({ scans: [{ nonce: randomUUID(), code, method: "QR", scannedAt: new Date().toISOString(), deviceId: `scanner-${scanner}-bench` }] });
    const started = performance.now();
    const status = await post(ports[scanner % ports.length] ?? APP_PORT, body);
    return { ms: performance.now() - started, status };
  };
  // Warm-up, not counted: a door server that has been up a while has its code compiled by V8's optimising
  // tier and its pools full. First one scan per scanner, to stop early (with the server's log) if scans are
  // refused; then WARMUP scans at full concurrency, of the tickets at the end of the list, so the measured
  // scans (from the start of the list) still find most tickets not yet checked in.
  for (let scanner = 0; scanner < CONCURRENCY; scanner++) {
    const { status } = await scanOnce(REGISTRATIONS - 1 - scanner, scanner);
    if (status !== 200) throw new Error(`warm-up scan answered ${status}; see .tmp/bench-checkin-app-*.log`);
  }
  let warmed = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, scanner) => {
      while (warmed < WARMUP) await scanOnce(REGISTRATIONS - 1 - CONCURRENCY - warmed++, scanner);
    }),
  );

  const results: Array<{ ms: number; status: number }> = [];
  let nextIndex = 0;
  const cpuBefore = { app: groupCpuMs(groups), postgres: treeCpuMs(postmasterPid), scanners: process.cpuUsage(), machine: machineCpuMs() };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, scanner) => {
      while (nextIndex < SCANS) results.push(await scanOnce(nextIndex++, scanner));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const scannersCpu = process.cpuUsage(cpuBefore.scanners);
  const machine = machineCpuMs();
  const perScan = (ms: number) => (ms / SCANS).toFixed(2);
  const cpu = {
    app: perScan(groupCpuMs(groups) - cpuBefore.app),
    postgres: perScan(treeCpuMs(postmasterPid) - cpuBefore.postgres),
    scanners: perScan((scannersCpu.user + scannersCpu.system) / 1000),
    busy: ((100 * (machine.busy - cpuBefore.machine.busy)) / (machine.total - cpuBefore.machine.total)).toFixed(0),
  };
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

  log(`${SCANS} scans, ${CONCURRENCY} concurrent scanners, ${REGISTRATIONS} registrations, ${INSTANCES} npm start instance(s)`);
  log(`latency p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms`);
  log(`throughput ${(SCANS / seconds).toFixed(0)} scans/s; statuses ${statuses.map(([s, n]) => `${s}: ${n}`).join(", ")}`);
  log(`CPU per scan: app ${cpu.app} ms, PostgreSQL ${cpu.postgres} ms, scanners ${cpu.scanners} ms; machine ${cpu.busy}% busy (${os.cpus().length} cores)`);
  log(`log: ${row?.rows} rows for ${row?.nonces} nonces; tickets checked in twice without the flag: ${row?.unflagged}`);
  log(`target p95 < ${TARGET_P95_MS} ms: ${pct(95) < TARGET_P95_MS ? "met" : "NOT met"}`);
  const healthy = statuses.every(([s]) => s === "200") && row?.unflagged === 0 && row.rows === row.nonces;
  await shutdown(healthy ? 0 : 1);
}

main().catch(async (error: unknown) => {
  console.error(error);
  await shutdown(1);
});
