// npx tsx scripts/bench-body-limit.ts [--build] [--posts=50] [--megabytes=20] [--chunked]
//
// Oversized bodies from strangers: 50 anonymous clients each POST 20 MB, all at once, to the sign-in form's
// server action (as the browser's fetch does: a multipart body with a Next-Action header), against a production
// build served as in production (`npm start`). Prints the peak resident memory of the server's process group,
// the latency of /api/health polled one request after another during the flood (beside the same figure measured
// on the idle server in this run), and the status codes the posts got. --chunked sends the bodies without a
// Content-Length, so only counting the bytes as they arrive can stop them.
//
// Starts PostgreSQL in .data/bench-body-pg on port 15339 and the server on 3221 (plus PODIUM_PORT_OFFSET), both
// stopped again on success, failure and Ctrl-C. Loopback only; every loop is bounded by a count or a deadline.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { groupRssBytes } from "./lib/group-memory";
import { applyMigrations } from "./lib/migrate";
import { PORTS } from "./lib/ports";
import { spawnGroup } from "./lib/process-group";
import { startCommand } from "./lib/start-command";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = path.join(ROOT, process.env.PODIUM_DIST_DIR || ".next");
const DB_PORT = PORTS.benchBodyDatabase;
const APP_PORT = PORTS.benchBodyApp;

function option(name: string, fallback: number): number {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}
const POSTS = option("posts", 50);
const MEGABYTES = option("megabytes", 20);
const CHUNKED = process.argv.includes("--chunked");
const POST_TIMEOUT_MS = 120_000;
const log = (message: string) => console.log(`[bench:body-limit] ${message}`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const cleanups: Array<{ name: string; run: () => Promise<void> }> = [];
async function shutdown(code: number): Promise<never> {
  for (const cleanup of cleanups.reverse()) await cleanup.run().catch((e: unknown) => log(`stopping ${cleanup.name}: ${String(e)}`));
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(130));

/** The id Next gave the sign-in form's action in this build (the browser sends it as the Next-Action header). */
function signInActionId(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, a]) => a.filename === "lib/auth/actions.ts" && a.exportedName === "requestSignInLinkAction");
  if (!found) throw new Error("requestSignInLinkAction not in the build's server-reference-manifest.json");
  return found[0];
}

type Outcome = { status: number | "reset" | "timeout"; ms: number };

/** One oversized post; the body is the same buffer for every post, so the benchmark itself stays small. */
function post(actionId: string, filler: Buffer): Promise<Outcome> {
  const boundary = `----bench${randomBytes(8).toString("hex")}`;
  // What React's encodeReply makes of useActionState's (previous state, form data): the arguments in field "0",
  // the form's fields as "1_<name>". Here the e-mail address is the 20 MB.
  const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = Buffer.from(
    field("0", JSON.stringify([{ status: "idle" }, "$K1"])) +
      field("1_locale", "nl") +
      `--${boundary}\r\nContent-Disposition: form-data; name="1_email"\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const started = performance.now();
  return new Promise((resolve) => {
    // The status as soon as it arrives; the post counts as done when its connection is (the server may still be
    // reading the rest of the body after answering).
    let status: Outcome["status"] = "reset";
    let settled = false;
    const done = (final: Outcome["status"] = status) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ status: final, ms: performance.now() - started });
    };
    const request = http.request({
      host: "localhost",
      port: APP_PORT,
      path: "/inloggen",
      method: "POST",
      agent: false,
      headers: {
        "Next-Action": actionId,
        Accept: "text/x-component",
        Origin: `http://localhost:${APP_PORT}`,
        "Content-Type": `multipart/form-data; boundary=${boundary}`,
        ...(CHUNKED ? {} : { "Content-Length": head.length + filler.length + tail.length }),
      },
    });
    const timer = setTimeout(() => {
      request.destroy();
      done("timeout");
    }, POST_TIMEOUT_MS);
    request.on("response", (response) => {
      status = response.statusCode ?? 0;
      response.resume();
    });
    request.on("error", () => undefined);
    request.on("close", () => done());
    request.write(head);
    request.write(filler);
    request.end(tail);
  });
}

async function health(): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const status = await fetch(`http://localhost:${APP_PORT}/api/health`, { signal: AbortSignal.timeout(60_000) }).then(
    async (r) => (await r.arrayBuffer(), r.status),
    () => 0,
  );
  return { ms: performance.now() - started, status };
}

// The health checks run on a thread of their own: the posts keep this thread's event loop busy writing 1 GB,
// which would otherwise count in each check's latency.
const PROBER = `
const { parentPort, workerData } = require("node:worker_threads");
let running = true;
parentPort.on("message", () => (running = false));
(async () => {
  for (let i = 0; i < workerData.max && (running || i < workerData.min); i++) {
    const started = performance.now();
    const status = await fetch(workerData.url, { signal: AbortSignal.timeout(60000) }).then(async (r) => (await r.arrayBuffer(), r.status), () => 0);
    parentPort.postMessage({ ms: performance.now() - started, status });
  }
  parentPort.postMessage("done");
})();
`;

/** Health checks one after another from another thread: `min` of them, and more until stop() (at most `max`). */
function healthProber(min: number, max: number) {
  const worker = new Worker(PROBER, { eval: true, workerData: { url: `http://localhost:${APP_PORT}/api/health`, min, max } });
  const probes: Array<{ ms: number; status: number }> = [];
  const finished = new Promise<typeof probes>((resolve) =>
    worker.on("message", (message: { ms: number; status: number } | "done") => (message === "done" ? resolve(probes) : probes.push(message))),
  );
  return {
    stop: async () => {
      worker.postMessage("stop");
      const result = await finished;
      await worker.terminate();
      return result;
    },
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const counts = (values: Array<string | number>) =>
  Object.entries(values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {}))
    .map(([value, n]) => `${value}: ${n}`)
    .join(", ");

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(DIST, "BUILD_ID")) || process.argv.includes("--build")) {
    log("running next build");
    const build = spawnGroup(path.join(ROOT, "node_modules/.bin/next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
    if ((await build.exited) !== 0) throw new Error("next build failed");
  }
  const server = await startEmbeddedPostgres({ dataDir: path.join(ROOT, ".data/bench-body-pg"), port: DB_PORT, log: () => {} });
  cleanups.push({ name: "PostgreSQL", run: () => server.stop() });
  const name = `podium_bench_body_${Date.now()}`;
  await ensureDatabase(server.url, name);
  cleanups.push({ name: "database", run: () => dropDatabase(server.url, name) });
  await applyMigrations(server.url(name), () => {}, { migrationsDir: path.join(ROOT, "prisma/migrations") });

  fs.mkdirSync(path.join(ROOT, ".tmp"), { recursive: true });
  const logFile = path.join(ROOT, ".tmp", `bench-body-limit-app-${APP_PORT}.log`);
  const out = fs.openSync(logFile, "w");
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: server.url(name),
    APP_URL: `http://localhost:${APP_PORT}`,
    AUTH_SECRET: randomBytes(32).toString("base64"),
    PORT: String(APP_PORT),
    // Not 127.0.0.1: with it every Dutch page redirects to itself (issue 12, item 8).
    HOSTNAME: "localhost",
  };
  const app = spawnGroup(...startCommand(ROOT), env, { stdio: ["ignore", out, out] });
  fs.closeSync(out);
  cleanups.push({ name: "npm start", run: () => app.stop("SIGTERM", 10_000) });
  const pgid = app.child.pid;
  if (pgid === undefined) throw new Error("npm start did not start");
  for (let i = 0; i < 300 && (await health()).status !== 200; i++) await new Promise((r) => setTimeout(r, 200));

  // Warm: the sign-in page and the health route rendered once, then the idle figures of this run.
  await fetch(`http://localhost:${APP_PORT}/inloggen`).then((r) => r.arrayBuffer());
  const idle = (await healthProber(20, 20).stop()).map((p) => p.ms);
  const rssBefore = groupRssBytes(pgid);

  const actionId = signInActionId();
  const filler = Buffer.alloc(MEGABYTES * 1024 * 1024, "a");
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, groupRssBytes(pgid))), 50);
  // One check after another, as a load balancer's would; at least one, even if the flood is over before it.
  const prober = healthProber(1, 10_000);
  const started = performance.now();
  const outcomes = await Promise.all(Array.from({ length: POSTS }, () => post(actionId, filler)));
  const seconds = (performance.now() - started) / 1000;
  const probes = await prober.stop();
  clearInterval(sampler);
  peak = Math.max(peak, groupRssBytes(pgid));
  await new Promise((r) => setTimeout(r, 2000));
  const rssAfter = groupRssBytes(pgid);
  const after = await health();

  const probeMs = probes.map((p) => p.ms);
  log(`${POSTS} concurrent POSTs of ${MEGABYTES} MB to the sign-in action (${CHUNKED ? "chunked, no Content-Length" : "with Content-Length"}), npm start`);
  log(`posts answered in ${seconds.toFixed(1)} s; statuses ${counts(outcomes.map((o) => o.status))}; slowest ${(Math.max(...outcomes.map((o) => o.ms)) / 1000).toFixed(1)} s`);
  log(`server RSS (process group): before ${mb(rssBefore)}, peak ${mb(peak)}, 2 s after ${mb(rssAfter)}`);
  log(`/api/health idle: p50 ${percentile(idle, 50).toFixed(0)} ms, max ${Math.max(...idle).toFixed(0)} ms`);
  log(
    `/api/health during the flood: ${probes.length} probes, p50 ${percentile(probeMs, 50).toFixed(0)} ms, max ${Math.max(...probeMs).toFixed(0)} ms ` +
      `(${(Math.max(...probeMs) / Math.max(1, percentile(idle, 50))).toFixed(0)}x the idle p50); statuses ${counts(probes.map((p) => p.status))}`,
  );
  log(`/api/health after: ${after.status} in ${after.ms.toFixed(0)} ms; server log: ${path.relative(ROOT, logFile)}`);
  await shutdown(after.status === 200 ? 0 : 1);
}

main().catch(async (error: unknown) => {
  console.error(error);
  await shutdown(1);
});
