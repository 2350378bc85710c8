// npm run bench:rush [-- --build --next-start --requests=2000 --concurrency=50 --pool=10 --keep --cpu-prof]
//
// The registration rush, end to end: a production build served by TWO app instances against one PostgreSQL,
// 50 clients sending 2,000 registrations through the JSON endpoint of both, then the same transaction driven
// straight at PostgreSQL from one process, for the ratio. Prints capacity against confirmed places per
// conference and per workshop (oversell must be 0: the exit code is 1 otherwise), registrations per second,
// latency percentiles, status codes, and the CPU each part used per registration. Then the mail worker's part,
// which follows a rush rather than slowing it: writing every queued confirmation email from its draft, timed
// on its own. (No SMTP server: delivery is not part of it.)
//
// The instances are what `npm start` runs (scripts/start.ts: Next's handler behind server/serve.ts, which
// rebuilds X-Forwarded-For), or with --next-start plain `next start`. Either way TRUSTED_PROXY_HOPS=1 and each
// simulated client sends its own address as a proxy in front would, so the per-address rate limit lets the
// rush through while still running on every request.
//
// --cpu-prof: each npm start instance runs under `node --cpu-prof` and writes a V8 CPU profile into
// .tmp/bench-profiles when it stops (open it in Chrome's DevTools), to see where a request's CPU goes.
//
// Everything it starts (PostgreSQL in .data/bench-pg on port 15335, the two app process groups on 3201 and
// 3202, the direct child) is stopped again on success, failure and Ctrl-C. Loopback only; every loop is
// bounded by a count or a deadline.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import type { DirectJob, DirectResult } from "./lib/bench-direct";
import { registrationBody, type RushPlan } from "./lib/bench-plan";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgres } from "./lib/embedded-postgres";
import { groupCpuMs, machineCpuMs, treeCpuMs } from "./lib/cpu-usage";
import { applyMigrations } from "./lib/migrate";
import { port, PORTS } from "./lib/ports";
import { spawnGroup, type GroupChild } from "./lib/process-group";
import { startCommand } from "./lib/start-command";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DB_PORT = PORTS.benchRushDatabase;
const APP_PORTS = [port(3201), port(3202)] as const;
const DB_PREFIX = "podium_bench";
const TARGET = { perSecond: 200, p95Ms: 250 };

function option(name: string, fallback: number): number {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const REQUESTS = option("requests", 2000);
// Plain `next start` passes on the client's X-Forwarded-For unchanged; npm start's server keeps the last
// TRUSTED_PROXY_HOPS entries and appends the peer. The header each simulated client sends follows suit.
const NEXT_START = flag("next-start");
const SERVER = NEXT_START ? "next start" : "npm start";
const CPU_PROFILE = flag("cpu-prof");
const CONCURRENCY = option("concurrency", 50);
const POOL = option("pool", Number(process.env.DB_POOL_MAX ?? 10));
const WARMUP = 100;

// ----------------------------------------------------------------------------------------------------------
// Everything started is registered here and stopped in reverse order, once.
// ----------------------------------------------------------------------------------------------------------
const cleanups: Array<{ name: string; run: () => Promise<void> }> = [];
let shuttingDown: Promise<never> | undefined;

function shutdown(code: number): Promise<never> {
  return (shuttingDown ??= (async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup.run().catch((error: unknown) => console.error(`[bench] stopping ${cleanup.name} failed: ${String(error)}`));
    }
    process.exit(code);
  })());
}
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
  process.on(signal, () => {
    console.error(`\n[bench] ${signal}: stopping everything`);
    void shutdown(code);
  });
}

const log = (message: string) => console.log(`[bench] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ----------------------------------------------------------------------------------------------------------
// Build, database, seed, servers
// ----------------------------------------------------------------------------------------------------------
async function buildIfNeeded(): Promise<void> {
  const built = fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"));
  if (built && !flag("build")) {
    log("using the existing production build in .next (--build to rebuild)");
    return;
  }
  log(built ? "--build: running next build" : "no production build in .next: running next build");
  const build = spawnGroup(path.join(ROOT, "node_modules/.bin/next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  cleanups.push({ name: "next build", run: () => build.stop("SIGTERM", 5_000) });
  const code = await build.exited;
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
}

const PG_DATA_DIR = path.join(ROOT, ".data/bench-pg");

async function startDatabase(): Promise<{ url: string; pgServer: EmbeddedPostgres; name: string; postmasterPid: number }> {
  const pgServer = await startEmbeddedPostgres({
    dataDir: PG_DATA_DIR,
    port: DB_PORT,
    log: (m) => /FATAL|PANIC|initialised|stale/.test(m) && log(`[postgres] ${m}`),
  });
  cleanups.push({ name: "PostgreSQL", run: () => pgServer.stop() });
  // We hold this cluster alone (its pid lock keeps other runs out): databases an interrupted run left go.
  const admin = new pg.Client({ connectionString: pgServer.url("postgres") });
  admin.on("error", () => {});
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${DB_PREFIX}\\_%`]);
  await admin.end();
  for (const { datname } of rows) await dropDatabase(pgServer.url, datname);

  const name = `${DB_PREFIX}_${Date.now()}`;
  await ensureDatabase(pgServer.url, name);
  if (!flag("keep")) cleanups.push({ name: "bench database", run: () => dropDatabase(pgServer.url, name) });
  await applyMigrations(pgServer.url(name), () => {}, { migrationsDir: path.join(ROOT, "prisma/migrations") });
  const postmasterPid = Number(fs.readFileSync(path.join(PG_DATA_DIR, "postmaster.pid"), "utf8").split("\n")[0]);
  return { url: pgServer.url(name), pgServer, name, postmasterPid };
}

interface SeededConference {
  id: string;
  slug: string;
  capacity: number;
  plan: RushPlan;
}

const DAY = 24 * 60 * 60 * 1000;

/** A published conference with open registration: capacity 500, two rounds of four workshops of 40. */
async function seedConference(prisma: PrismaClient, organisationId: string, label: string, total: number): Promise<SeededConference> {
  const run = `${label}-${randomBytes(4).toString("hex")}`;
  const startsAt = new Date(Date.now() + 60 * DAY);
  const conference = await prisma.conference.create({
    data: {
      organisationId,
      slug: `bench-${run}`,
      title: `Benchmarkconferentie ${label}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 8 * 60 * 60 * 1000),
      capacity: 500,
      registrationOpensAt: new Date(Date.now() - DAY),
      status: "PUBLISHED",
      publishedAt: new Date(),
    },
    select: { id: true, slug: true, capacity: true },
  });
  const rounds: RushPlan["rounds"] = [];
  for (const position of [0, 1]) {
    const round = await prisma.workshopRound.create({
      data: { conferenceId: conference.id, title: `Ronde ${position + 1}`, position },
      select: { id: true },
    });
    const sessionIds: string[] = [];
    for (const letter of ["A", "B", "C", "D"]) {
      const from = new Date(startsAt.getTime() + (position + 1) * 60 * 60 * 1000);
      const session = await prisma.programmeSession.create({
        data: {
          conferenceId: conference.id,
          workshopRoundId: round.id,
          title: `Workshop ${position + 1}${letter}`,
          kind: "WORKSHOP",
          startsAt: from,
          endsAt: new Date(from.getTime() + 50 * 60 * 1000),
          capacity: 40,
        },
        select: { id: true },
      });
      sessionIds.push(session.id);
    }
    rounds.push({ id: round.id, sessionIds });
  }
  return { ...conference, plan: { slug: conference.slug, run, total, rounds } };
}

function startApp(port: number, databaseUrl: string): GroupChild {
  const logFile = path.join(ROOT, ".tmp", `bench-app-${port}.log`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, "w");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    DB_POOL_MAX: String(POOL),
    APP_URL: `http://127.0.0.1:${port}`,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    // One trusted proxy hop: the address each simulated client sends (see clientHeaders) is its client
    // address, so the per-address rate limit sees 2,000 clients instead of one.
    TRUSTED_PROXY_HOPS: "1",
  };
  // No SMTP: emails stay in email_outbox, where the checks below count them.
  delete env.SMTP_URL;
  const profileDir = path.join(ROOT, ".tmp", "bench-profiles");
  if (CPU_PROFILE) fs.mkdirSync(profileDir, { recursive: true });
  const [command, args] = NEXT_START
    ? [path.join(ROOT, "node_modules/.bin/next"), ["start", "--hostname", "127.0.0.1", "--port", String(port)]]
    : startCommand(ROOT, CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []);
  const child = spawnGroup(command, args, env, { stdio: ["ignore", out, out] });
  fs.closeSync(out);
  cleanups.push({ name: `${SERVER} :${port}`, run: () => child.stop("SIGTERM", 10_000) });
  return child;
}

async function waitForHealth(port: number, server: GroupChild): Promise<void> {
  let exited = false;
  void server.exited.then(() => (exited = true));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${SERVER} on :${port} exited; see .tmp/bench-app-${port}.log`);
    const healthy = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (healthy) return;
    await sleep(200);
  }
  throw new Error(`${SERVER} on :${port} was not healthy within 60 s; see .tmp/bench-app-${port}.log`);
}

/**
 * Each simulated client's own address (from 198.18.0.0/15, set aside for benchmarks by RFC 2544), as one
 * trusted proxy in front would pass it on. npm start's server appends the peer itself; plain `next start`
 * does not, so there the proxy's own peer entry is sent too. Either way lib/rate-limit/client-address.ts,
 * counting TRUSTED_PROXY_HOPS=1 from the right, reads the client's address.
 */
function forwardedFor(index: number): string {
  const client = `198.18.${(index >> 8) & 255}.${index & 255}`;
  return NEXT_START ? `${client}, 127.0.0.1` : client;
}

// ----------------------------------------------------------------------------------------------------------
// The HTTP rush
// ----------------------------------------------------------------------------------------------------------
interface RushResult {
  elapsedMs: number;
  latenciesMs: number[];
  outcomes: Record<string, number>;
}

// node:http with a keep-alive agent rather than fetch: the load generator shares the 2 cores with what it
// measures, and fetch (undici) spent about 3.5 ms of CPU per request here against well under 1 ms for this.
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function post(port: number, urlPath: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port, path: urlPath, method: "POST", agent, headers: { ...headers, "Content-Length": Buffer.byteLength(body) }, timeout: 30_000 },
      (response) => {
        response.resume(); // read the body to the end, so the connection can be reused
        response.once("end", () => resolve(response.statusCode ?? 0));
        response.once("error", reject);
      },
    );
    request.once("timeout", () => request.destroy(new Error("no answer within 30 s")));
    request.once("error", reject);
    request.end(body);
  });
}

async function httpRush(plan: RushPlan): Promise<RushResult> {
  const latenciesMs: number[] = [];
  const outcomes: Record<string, number> = {};
  let next = 0;
  const worker = async () => {
    // Bounded: each worker takes the next index until the plan's total is reached.
    while (next < plan.total) {
      const index = next++;
      const port = APP_PORTS[index % APP_PORTS.length] ?? APP_PORTS[0];
      const started = performance.now();
      let outcome: string;
      try {
        const status = await post(
          port,
          `/api/conferences/${plan.slug}/registrations`,
          {
            "Content-Type": "application/json",
            "Idempotency-Key": `${plan.run}-${index}`,
            "X-Forwarded-For": forwardedFor(index),
          },
          JSON.stringify(registrationBody(plan, index)),
        );
        outcome = String(status);
      } catch (error) {
        outcome = `error: ${error instanceof Error ? error.message : String(error)}`;
      }
      latenciesMs.push(performance.now() - started);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { elapsedMs: performance.now() - started, latenciesMs, outcomes };
}

// ----------------------------------------------------------------------------------------------------------
// The direct rush, in a child process that runs lib/places unchanged
// ----------------------------------------------------------------------------------------------------------
/**
 * Runs the child; onMeasuring is called when its warm-up is over and the measured rush begins, onRendering when
 * the rush is over and the child writes the run's queued emails, as the mail worker would.
 */
async function directRush(job: DirectJob, databaseUrl: string, onMeasuring: () => void, onRendering: () => void): Promise<DirectResult> {
  const child: ChildProcess = spawn(
    path.join(ROOT, "node_modules/.bin/tsx"),
    ["--tsconfig", "scripts/lib/tsconfig.server-only.json", "scripts/lib/bench-direct.ts"],
    {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, DB_POOL_MAX: String(POOL), BENCH_DIRECT: JSON.stringify(job) },
    },
  );
  const stopChild = async () => {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  };
  cleanups.push({ name: "direct rush", run: stopChild });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    const before = output;
    output += chunk.toString("utf8");
    if (!before.includes("measuring\n") && output.includes("measuring\n")) onMeasuring();
    if (!before.includes("rendering\n") && output.includes("rendering\n")) onRendering();
  });
  const code = await new Promise<number>((resolve) => {
    child.once("error", () => resolve(127));
    child.once("exit", (exitCode) => resolve(exitCode ?? 1));
  });
  if (code !== 0) throw new Error(`the direct rush failed (exit ${code})`);
  const line = output.trim().split("\n").at(-1) ?? "";
  return JSON.parse(line) as DirectResult;
}

// ----------------------------------------------------------------------------------------------------------
// Checks and report
// ----------------------------------------------------------------------------------------------------------
interface CapacityReport {
  oversold: number;
  confirmed: number;
  waitlisted: number;
  duplicates: number;
  lines: string[];
}

async function checkCapacity(client: pg.Client, conference: SeededConference): Promise<CapacityReport> {
  const totals = await client.query<{ confirmed: number; waitlisted: number; duplicates: number }>(
    `SELECT count(*) FILTER (WHERE status = 'CONFIRMED')::int AS confirmed,
            count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted,
            (count(active_email_key) - count(DISTINCT active_email_key))::int AS duplicates
       FROM registrations WHERE conference_id = $1`,
    [conference.id],
  );
  const workshops = await client.query<{ title: string; capacity: number; confirmed: number; waiting: number }>(
    `SELECT s.title, s.capacity,
            count(w.id) FILTER (WHERE w.status = 'CONFIRMED')::int AS confirmed,
            count(w.id) FILTER (WHERE w.status = 'WAITLISTED')::int AS waiting
       FROM programme_sessions s LEFT JOIN workshop_choices w ON w.session_id = s.id
      WHERE s.conference_id = $1 GROUP BY s.id ORDER BY s.title`,
    [conference.id],
  );
  const row = totals.rows[0] ?? { confirmed: 0, waitlisted: 0, duplicates: 0 };
  let oversold = Math.max(0, row.confirmed - conference.capacity);
  const lines = [`  conference  ${String(row.confirmed).padStart(4)} / ${conference.capacity} confirmed, ${row.waitlisted} waitlisted`];
  for (const w of workshops.rows) {
    oversold += Math.max(0, w.confirmed - w.capacity);
    lines.push(`  ${w.title.padEnd(11)} ${String(w.confirmed).padStart(4)} / ${w.capacity} confirmed, ${w.waiting} waiting`);
  }
  return { oversold, confirmed: row.confirmed, waitlisted: row.waitlisted, duplicates: row.duplicates, lines };
}

interface CpuSample {
  app: number;
  postgres: number;
  client: number;
  machine: { busy: number; total: number };
}

/** CPU used so far by the app processes (the given process groups), PostgreSQL, this process and the machine. */
function sampleCpu(appGroups: number[], postmasterPid: number): CpuSample {
  const own = process.cpuUsage();
  return {
    app: groupCpuMs(appGroups),
    postgres: treeCpuMs(postmasterPid),
    client: (own.user + own.system) / 1000,
    machine: machineCpuMs(),
  };
}

/** Where the CPU went between two samples, per registration, and how much other work took meanwhile. */
function describeCpu(label: string, before: CpuSample, after: CpuSample, registrations: number, appMs = after.app - before.app): string {
  const per = (ms: number) => `${(ms / Math.max(1, registrations)).toFixed(2)} ms`;
  const postgres = after.postgres - before.postgres;
  const client = after.client - before.client;
  const busy = after.machine.busy - before.machine.busy;
  const total = Math.max(1, after.machine.total - before.machine.total);
  const others = Math.max(0, busy - appMs - postgres - client);
  return (
    `  CPU per registration: ${label} ${per(appMs)}, PostgreSQL ${per(postgres)}, load generator ${per(client)}; ` +
    `machine ${Math.round((100 * busy) / total)}% busy, ${Math.round((100 * others) / total)}% of it other processes`
  );
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

function summarise(label: string, result: RushResult, success: string): { perSecond: number; p95: number } {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  const succeeded = result.outcomes[success] ?? 0;
  const perSecond = succeeded / (result.elapsedMs / 1000);
  const ms = (q: number) => `${percentile(sorted, q).toFixed(1)} ms`;
  console.log(`\n${label}`);
  console.log(`  ${succeeded} registrations in ${(result.elapsedMs / 1000).toFixed(2)} s: ${perSecond.toFixed(1)} registrations/s`);
  console.log(`  latency p50 ${ms(0.5)}, p95 ${ms(0.95)}, p99 ${ms(0.99)}, max ${ms(1)}`);
  const outcomes = Object.entries(result.outcomes).sort(([a], [b]) => a.localeCompare(b));
  console.log(`  ${label.startsWith("HTTP") ? "status codes" : "outcomes"}: ${outcomes.map(([k, v]) => `${k} × ${v}`).join(", ")}`);
  return { perSecond, p95: percentile(sorted, 0.95) };
}

async function main(): Promise<number> {
  process.chdir(ROOT);
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");
  log(`${os.cpus().length} cores, load average ${load()}; ${REQUESTS} requests, ${CONCURRENCY} concurrent clients, DB_POOL_MAX=${POOL} per process`);
  await buildIfNeeded();
  const database = await startDatabase();
  log(`fresh database ${database.name} on 127.0.0.1:${DB_PORT} (data in .data/bench-pg)`);

  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 2, idleTimeoutMillis: 1_000 }) });
  cleanups.push({ name: "seed client", run: () => prisma.$disconnect() });
  cleanups.push({ name: "HTTP agent", run: async () => agent.destroy() });
  const organisation = await prisma.organisation.create({ data: { slug: `bench-${Date.now()}`, name: "Benchmark" }, select: { id: true } });
  const warmup = await seedConference(prisma, organisation.id, "warmup", WARMUP);
  const viaHttp = await seedConference(prisma, organisation.id, "http", REQUESTS);
  const direct = await seedConference(prisma, organisation.id, "direct", REQUESTS);
  await prisma.$disconnect();

  const servers = APP_PORTS.map((port) => ({ port, server: startApp(port, database.url) }));
  await Promise.all(servers.map(({ port, server }) => waitForHealth(port, server)));
  log(`two ${SERVER} instances on 127.0.0.1:${APP_PORTS.join(" and :")}, both healthy (logs in .tmp/bench-app-*.log)`);
  log(
    "TRUSTED_PROXY_HOPS=1 and a distinct client address per request in X-Forwarded-For (198.18.0.0/15, as a proxy " +
      "would send it): the per-address rate limit (RATE_LIMIT_REGISTRATIONS per 10 min) does not throttle the " +
      "benchmark, but its PostgreSQL upsert still runs on every request",
  );

  log(`warm-up: ${WARMUP} registrations through both instances (not counted)`);
  await httpRush(warmup.plan);
  log(`rush: ${REQUESTS} registrations for ${viaHttp.plan.slug}, alternating :${APP_PORTS.join(" and :")}`);
  const appGroups = servers.flatMap(({ server }) => (server.child.pid === undefined ? [] : [server.child.pid]));
  const httpCpuBefore = sampleCpu(appGroups, database.postmasterPid);
  const http = await httpRush(viaHttp.plan);
  const httpCpu = describeCpu(SERVER, httpCpuBefore, sampleCpu(appGroups, database.postmasterPid), http.outcomes["202"] ?? 0);
  const loadAfterHttp = load();
  // The direct half runs alone, as the HTTP half did.
  for (const { server } of servers) await server.stop("SIGTERM", 10_000);

  const directWarmup = await seedConferenceLater(database.url, organisation.id);
  log(`direct: ${REQUESTS} calls of signUp (lib/places) for ${direct.plan.slug} from one process, ${CONCURRENCY} at a time`);
  let directCpuBefore: CpuSample | undefined;
  let directCpuAfter: CpuSample | undefined;
  const straight = await directRush(
    { plan: direct.plan, warmup: directWarmup.plan, concurrency: CONCURRENCY },
    database.url,
    () => (directCpuBefore = sampleCpu([], database.postmasterPid)),
    () => (directCpuAfter = sampleCpu([], database.postmasterPid)),
  );
  // The child has exited: its PostgreSQL backends' CPU is in the postmaster's count of reaped children.
  const renderCpuAfter = sampleCpu([], database.postmasterPid);
  const directCpu =
    directCpuBefore && directCpuAfter
      ? describeCpu("bench process", directCpuBefore, directCpuAfter, straight.outcomes.ok ?? 0, straight.processCpuMs)
      : "";
  const { drafts } = straight;
  const renderCpu = directCpuAfter
    ? describeCpu("bench process", directCpuAfter, renderCpuAfter, drafts.rendered, drafts.processCpuMs).replace("per registration", "per email")
    : "";

  const client = new pg.Client({ connectionString: database.url });
  client.on("error", () => {});
  await client.connect();
  cleanups.push({ name: "check client", run: () => client.end() });
  const httpCapacity = await checkCapacity(client, viaHttp);
  const directCapacity = await checkCapacity(client, direct);
  const emails = await client.query<{ kind: string; status: string; count: number }>(
    "SELECT kind, status::text, count(*)::int AS count FROM email_outbox GROUP BY kind, status ORDER BY kind, status",
  );

  const httpSummary = summarise(`HTTP: POST /api/conferences/<slug>/registrations on two ${SERVER} instances`, http, "202");
  console.log(httpCpu);
  console.log(httpCapacity.lines.join("\n"));
  const directSummary = summarise("Direct: registerForConference straight at PostgreSQL, one process", straight, "ok");
  console.log(directCpu);
  console.log(directCapacity.lines.join("\n"));
  console.log(
    `\nThe mail worker's part, after the rushes: every sign-up queued its email as a draft; writing all ${drafts.rendered} ` +
      `(QR code, calendar file) took ${(drafts.elapsedMs / 1000).toFixed(2)} s, ${(drafts.rendered / (drafts.elapsedMs / 1000)).toFixed(0)} emails/s from one process`,
  );
  console.log(renderCpu);
  console.log(`email_outbox (all three conferences): ${emails.rows.map((r) => `${r.kind} ${r.status} × ${r.count}`).join(", ")}`);
  console.log(`HTTP/direct ratio: ${(httpSummary.perSecond / directSummary.perSecond).toFixed(2)}`);
  console.log(`load average after the HTTP rush: ${loadAfterHttp}; now ${load()}`);

  const oversold = httpCapacity.oversold + directCapacity.oversold;
  const duplicates = httpCapacity.duplicates + directCapacity.duplicates;
  const met = httpSummary.perSecond >= TARGET.perSecond && httpSummary.p95 < TARGET.p95Ms;
  console.log(
    `\noversell: ${oversold}; duplicate active emails: ${duplicates}; target (>= ${TARGET.perSecond}/s at p95 < ${TARGET.p95Ms} ms over HTTP): ${met ? "met" : "MISSED"}`,
  );
  const unexpected = REQUESTS - (http.outcomes["202"] ?? 0) + (REQUESTS - (straight.outcomes.ok ?? 0));
  if (oversold > 0 || duplicates > 0) {
    console.error("FAIL: capacity was oversold or an address registered twice");
    return 1;
  }
  if (unexpected > 0) {
    console.error(`FAIL: ${unexpected} requests did not end in a registration (see the status codes above)`);
    return 1;
  }
  return 0;
}

/** A small conference for the direct child's own warm-up, seeded once the HTTP half is over. */
async function seedConferenceLater(databaseUrl: string, organisationId: string): Promise<SeededConference> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 1, idleTimeoutMillis: 1_000 }) });
  try {
    return await seedConference(prisma, organisationId, "direct-warmup", WARMUP);
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => shutdown(code),
  (error: unknown) => {
    console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
    return shutdown(1);
  },
);
