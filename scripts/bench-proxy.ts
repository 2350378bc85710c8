// npm run bench:proxy [-- --build --duration=10 --connections=50]
//
// The production topology of deploy/ under load: Debian's nginx with deploy/nginx/podium.conf (the shipped file,
// ports and cache folder substituted: scripts/lib/nginx.ts) in front of two `npm start` instances and one
// embedded PostgreSQL, with a published conference of its own. In the same run, with the same load generator
// (autocannon, 50 connections, Accept-Encoding: gzip, a fixed duration):
//   - the baseline: the same nginx serving the conference page's HTML as a static file (gzipped beforehand,
//     gzip_static, so both answers are the same bytes from nginx);
//   - the conference page through nginx, Dutch and English: anonymous readers, so from the micro-cache, with one
//     request per page and 2 s going on to an instance in the background;
//   - the same page from one instance directly, without nginx, to show what the micro-cache saves.
// Prints requests/s, p50/p95 latency, and the ratio to the static file (target: >= 0.5x for the cached page).
// Loopback only; every run is bounded by its duration; everything started is stopped again, also on Ctrl-C.
import autocannon from "autocannon";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/migrate";
import { startNginx } from "./lib/nginx";
import { PORTS } from "./lib/ports";
import { spawnGroup, type GroupChild } from "./lib/process-group";
import { createProxyConference } from "./lib/proxy-conference";
import { startCommand } from "./lib/start-command";
import { cleanups, shutdown } from "./lib/bench-cleanups";

const ROOT = path.resolve(__dirname, "..");

function option(name: string, fallback: number): number {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 600) throw new Error(`--${name} must be a whole number from 1 to 600`);
  return value;
}
const DURATION_S = option("duration", 10);
const CONNECTIONS = option("connections", 50);
const TARGET_RATIO = 0.5;


const log = (message: string) => console.log(`[bench] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function buildIfNeeded(): Promise<void> {
  const built = fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"));
  if (built && !process.argv.includes("--build")) return log("using the existing production build in .next (--build to rebuild)");
  log("running next build");
  const build = spawnGroup(path.join(ROOT, "node_modules/.bin/next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  cleanups.push({ name: "next build", run: () => build.stop("SIGTERM", 5_000) });
  if ((await build.exited) !== 0) throw new Error("next build failed");
}

async function startApp(port: number, databaseUrl: string, appUrl: string): Promise<GroupChild> {
  const logFile = path.join(ROOT, ".tmp", `bench-proxy-app-${port}.log`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, "w");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    APP_URL: appUrl,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    TRUSTED_PROXY_HOPS: "1",
  };
  delete env.SMTP_URL;
  const child = spawnGroup(...startCommand(ROOT), env, { stdio: ["ignore", out, out] });
  fs.closeSync(out);
  cleanups.push({ name: `npm start :${port}`, run: () => child.stop("SIGTERM", 10_000) });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.child.exitCode !== null) throw new Error(`npm start on :${port} exited; see ${logFile}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return child;
    await sleep(200);
  }
  throw new Error(`npm start on :${port} was not healthy within 90 s; see ${logFile}`);
}

interface Measured {
  label: string;
  perSecond: number;
  p50: number;
  p95: number;
  non2xx: number;
  errors: number;
  bytesPerAnswer: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** autocannon against `url` for the run's duration; p50/p95 from every response's own time. */
function load(label: string, url: string, durationS = DURATION_S): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    let bytes = 0;
    const instance = autocannon(
      { url, connections: CONNECTIONS, duration: durationS, headers: { "accept-encoding": "gzip" } },
      (error, result) => {
        if (error) return reject(error);
        times.sort((a, b) => a - b);
        resolve({
          label,
          perSecond: result.requests.total / result.duration,
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
          bytesPerAnswer: times.length ? bytes / times.length : 0,
        });
      },
    );
    instance.on("response", (_client, _status, responseBytes, responseTimeMs) => {
      times.push(responseTimeMs);
      bytes += responseBytes;
    });
  });
}

async function main(): Promise<void> {
  await buildIfNeeded();
  const proxy = `http://127.0.0.1:${PORTS.benchProxyNginx}`;

  const postgres = await startEmbeddedPostgres({ dataDir: path.join(ROOT, ".data/bench-proxy-pg"), port: PORTS.benchProxyDatabase });
  cleanups.push({ name: "PostgreSQL", run: () => postgres.stop() });
  const name = "podium_bench_proxy";
  await dropDatabase(postgres.url, name);
  await ensureDatabase(postgres.url, name);
  await applyMigrations(postgres.url(name), () => {}, { migrationsDir: path.join(ROOT, "prisma/migrations") });
  const conference = await createProxyConference(postgres.url(name));
  log(`conference ${conference.slug} in ${name}`);

  await Promise.all(PORTS.benchProxyApps.map((port) => startApp(port, postgres.url(name), proxy)));
  log(`two npm start instances on :${PORTS.benchProxyApps.join(", :")}`);

  const staticServer = `
    # The baseline of npm run bench:proxy: a static file of the same bytes, from the same nginx.
    server {
        listen 127.0.0.1:${PORTS.benchProxyStatic};
        root $DIR/static;
        gzip_static on;
        location / { try_files $uri =404; }
    }`;
  const nginx = await startNginx(
    { apps: PORTS.benchProxyApps, listen: PORTS.benchProxyNginx, redirect: PORTS.benchProxyRedirect },
    { extraServers: staticServer, extraPorts: [PORTS.benchProxyStatic] },
  );
  cleanups.push({ name: "nginx", run: () => nginx.stop() });
  log(`nginx ${nginx.pid} on :${PORTS.benchProxyNginx} (deploy/nginx/podium.conf), static baseline on :${PORTS.benchProxyStatic}`);

  const pagePath = `/conferenties/${conference.slug}`;
  const html = await (await fetch(`${proxy}${pagePath}`)).text();
  fs.mkdirSync(path.join(nginx.dir, "static"), { recursive: true });
  fs.writeFileSync(path.join(nginx.dir, "static", "page.html"), html);
  fs.writeFileSync(path.join(nginx.dir, "static", "page.html.gz"), zlib.gzipSync(html, { level: 6 }));
  fs.chmodSync(path.join(nginx.dir, "static"), 0o755);
  log(`conference page: ${html.length} bytes of HTML, ${zlib.gzipSync(html, { level: 6 }).length} gzipped`);

  // Both instances render the page once, and nginx stores it.
  for (const port of PORTS.benchProxyApps) await fetch(`http://127.0.0.1:${port}${pagePath}`).then((r) => r.text());
  for (let i = 0; i < 3; i++) await fetch(`${proxy}${pagePath}`).then((r) => r.text());
  const cacheStatus = (await fetch(`${proxy}${pagePath}`)).headers.get("x-cache-status");
  log(`X-Cache-Status of the page through nginx before the runs: ${cacheStatus}`);
  if (cacheStatus !== "HIT") throw new Error("the conference page is not served from nginx's cache: the run would measure the wrong thing");

  log(`warm-up: 3 s on each, then ${DURATION_S} s each, ${CONNECTIONS} connections, Accept-Encoding: gzip`);
  // The baseline runs first and last, and the pages are compared with the mean of the two: on a shared machine
  // the load of other processes drifts during a run.
  const staticUrl = `http://127.0.0.1:${PORTS.benchProxyStatic}/page.html`;
  const targets: Array<[string, string]> = [
    ["nginx, static file (baseline, first)", staticUrl],
    ["nginx micro-cache, conference page (nl)", `${proxy}${pagePath}`],
    ["nginx micro-cache, conference page (en)", `${proxy}/en${pagePath}`],
    ["one npm start directly, conference page (nl)", `http://127.0.0.1:${PORTS.benchProxyApps[0]}${pagePath}`],
    ["nginx, static file (baseline, last)", staticUrl],
  ];
  for (const [label, url] of targets.slice(0, 4)) await load(label, url, 3);
  const results: Measured[] = [];
  for (const [label, url] of targets) {
    log(`measuring: ${label} (load average ${os.loadavg()[0]!.toFixed(2)})`);
    results.push(await load(label, url));
  }

  const baseline = { perSecond: (results[0]!.perSecond + results[4]!.perSecond) / 2 };
  console.log("");
  console.log(`baseline: ${Math.round(baseline.perSecond)} requests/s, the mean of the static file's two runs`);
  console.log("| what | requests/s | p50 ms | p95 ms | bytes per answer | non-2xx | errors | ratio to the baseline |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const r of results) {
    console.log(
      `| ${r.label} | ${Math.round(r.perSecond)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${Math.round(r.bytesPerAnswer)} | ${r.non2xx} | ${r.errors} | ${(r.perSecond / baseline.perSecond).toFixed(2)}x |`,
    );
  }
  const cached = results.slice(1, 3);
  const worst = Math.min(...cached.map((r) => r.perSecond / baseline.perSecond));
  console.log("");
  console.log(`cached page through nginx: ${worst.toFixed(2)}x of the static file's requests/s at worst (target >= ${TARGET_RATIO}x): ${worst >= TARGET_RATIO ? "met" : "NOT met"}`);
  const failures = results.filter((r) => r.non2xx > 0 || r.errors > 0);
  if (failures.length > 0) console.log(`answers other than 2xx or errors in: ${failures.map((r) => r.label).join(", ")}`);
  const errors = nginx.errorLog().trim();
  if (errors) console.log(`nginx's error log:\n${errors.split("\n").slice(-10).join("\n")}`);
  await shutdown(worst >= TARGET_RATIO && failures.length === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  void shutdown(1);
});
