// npm run bench:pages [-- --build --duration=10 --connections=50 --only=report --cpu-prof --js-only --no-js --vitals --serve --keep]
//
// Public pages against a static page, in one run on one machine. A production build of Podium served by
// `npm start` (scripts/start.ts) against a seeded PostgreSQL, and beside it a bare Next app of the same version
// with one prerendered page of about the same HTML size, written into .tmp/bench-bare from the installed
// packages and built there. One load generator (autocannon, in this process) drives each page in turn with
// 50 connections asking for gzip: the home page, a conference page and a report page, in Dutch and English,
// between two measurements of the static page. Prints requests/s, p50/p95 latency, the bytes sent and each
// page's ratio to the static page (the mean of the two). The target is >= 0.8x for every cached public page.
// First, what a browser (Debian's Chromium) loads of JavaScript for each public page and the sign-up page,
// gzipped, beside the bare page's: at most 20 KiB more, 40 KiB for the sign-up page.
// --vitals: instead of all that, Lighthouse 12's mobile profile on every public page (LCP <= 2.5 s, CLS <= 0.1).
//
// --cpu-prof: Podium runs under `node --cpu-prof`; when it stops, its profile is summed up here (self time by
// package and by function) and kept in .tmp/bench-profiles for Chrome's DevTools.
//
// Everything it starts (PostgreSQL in .data/bench-pages-pg, the two servers' process groups) is stopped on
// success, failure and Ctrl-C. Loopback only; each load run is bounded by its duration.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import autocannon from "autocannon";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/migrate";
import { PORTS } from "./lib/ports";
import { spawnGroup, type GroupChild } from "./lib/process-group";
import { summariseProfile } from "./lib/profile-summary";
import { startCommand } from "./lib/start-command";
import { cleanups, shutdown } from "./lib/bench-cleanups";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BARE_DIR = path.join(ROOT, ".tmp", "bench-bare");
const PROFILE_DIR = path.join(ROOT, ".tmp", "bench-profiles");
const TARGET_RATIO = 0.8;

function option(name: string, fallback: number): number {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}
const flag = (name: string) => process.argv.includes(`--${name}`);
const only = process.argv.find((a) => a.startsWith("--only="))?.split("=")[1];

const DURATION_S = option("duration", 10);
const CONNECTIONS = option("connections", 50);
const CPU_PROFILE = flag("cpu-prof");

const PAGES = [
  { name: "home nl", path: "/" },
  { name: "home en", path: "/en" },
  { name: "conference nl", path: "/conferenties/samen-sterker-in-de-wijk-2027" },
  { name: "conference en", path: "/en/conferenties/samen-sterker-in-de-wijk-2027" },
  { name: "report nl", path: "/sfeerverslagen/sfeerverslag-doe-leer-en-inspireer-2017" },
  { name: "report en", path: "/en/sfeerverslagen/sfeerverslag-doe-leer-en-inspireer-2017" },
].filter((page) => !only || page.name.includes(only));

const log = (message: string) => console.log(`[bench] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const child = spawnGroup(command, args, { ...env, NEXT_TELEMETRY_DISABLED: "1" }, { stdio: ["ignore", "inherit", "inherit"], cwd });
  cleanups.push({ name: `${path.basename(command)} ${args[0] ?? ""}`, run: () => child.stop("SIGTERM", 5_000) });
  const code = await child.exited;
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} failed with exit code ${code}`);
}

// ----------------------------------------------------------------------------------------------------------
// Podium: build, database, seed, npm start
// ----------------------------------------------------------------------------------------------------------
async function buildPodium(): Promise<void> {
  const built = fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"));
  if (built && !flag("build")) return log("using the existing production build in .next (--build to rebuild)");
  log("building Podium (next build)");
  await run(path.join(ROOT, "node_modules/.bin/next"), ["build"], ROOT);
}

async function startDatabase(): Promise<string> {
  const pgServer = await startEmbeddedPostgres({ dataDir: path.join(ROOT, ".data/bench-pages-pg"), port: PORTS.benchPagesDatabase });
  cleanups.push({ name: "PostgreSQL", run: () => pgServer.stop() });
  const name = `podium_bench_pages_${Date.now()}`;
  await ensureDatabase(pgServer.url, name);
  if (!flag("keep")) cleanups.push({ name: "bench database", run: () => dropDatabase(pgServer.url, name) });
  const url = pgServer.url(name);
  await applyMigrations(url, () => {}, { migrationsDir: path.join(ROOT, "prisma/migrations") });
  log("seeding the demo");
  await run(process.execPath, ["--import", "tsx", path.join(ROOT, "prisma", "seed.ts")], ROOT, { ...process.env, DATABASE_URL: url });
  return url;
}

function logFile(name: string): number {
  fs.mkdirSync(path.join(ROOT, ".tmp"), { recursive: true });
  return fs.openSync(path.join(ROOT, ".tmp", `bench-pages-${name}.log`), "w");
}

async function startPodium(databaseUrl: string): Promise<GroupChild> {
  const port = PORTS.benchPagesApp;
  const out = logFile("podium");
  if (CPU_PROFILE) fs.mkdirSync(PROFILE_DIR, { recursive: true });
  const [command, args] = startCommand(ROOT, CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : []);
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: databaseUrl, APP_URL: `http://127.0.0.1:${port}`, PORT: String(port), HOSTNAME: "127.0.0.1" };
  delete env.SMTP_URL;
  const child = spawnGroup(command, args, env, { stdio: ["ignore", out, out] });
  fs.closeSync(out);
  cleanups.push({ name: "npm start", run: () => child.stop("SIGTERM", 10_000) });
  await waitFor(`http://127.0.0.1:${port}/api/health`, child, "npm start");
  return child;
}

async function waitFor(url: string, server: GroupChild, name: string): Promise<void> {
  let exited = false;
  void server.exited.then(() => (exited = true));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${name} exited; see .tmp/bench-pages-*.log`);
    if (await fetch(url, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false)) return;
    await sleep(200);
  }
  throw new Error(`${name} did not answer ${url} within 60 s`);
}

// ----------------------------------------------------------------------------------------------------------
// The bare Next app: one prerendered page of about the same HTML size
// ----------------------------------------------------------------------------------------------------------
// Words of a Dutch report in a fixed pseudo-random order: text that gzip compresses about as well as a real
// page (a repeated sentence would shrink to almost nothing and flatter the static page).
const WORDS = (
  "werkconferentie sociaal domein wethouder lector workshop ronde buurt wijk professionals leren inspireren doen " +
  "samen jongeren ouderen netwerk gemeente welzijn zorg vrijwilligers theater podium gesprek ervaring praktijk " +
  "vraag antwoord middag ochtend plenair opening afsluiting verslag foto deelnemers organisatie samenwerking"
).split(" ");

function text(words: number, seed: number): string {
  let state = seed;
  const out: string[] = [];
  for (let i = 0; i < words; i += 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out.push(WORDS[state % WORDS.length]!);
  }
  return out.join(" ");
}

/** Writes and builds the bare app beside the repository's node_modules (found by walking up from .tmp). */
async function buildBare(htmlBytes: number): Promise<void> {
  fs.rmSync(BARE_DIR, { recursive: true, force: true });
  fs.mkdirSync(path.join(BARE_DIR, "app"), { recursive: true });
  // Next's HTML carries the text twice (the markup and the RSC payload) around a shell of about 9 KB.
  const paragraphs = Array.from({ length: Math.max(1, Math.round((htmlBytes - 9_000) / 2 / 600)) }, (_, i) => text(60, i + 1));
  fs.writeFileSync(path.join(BARE_DIR, "package.json"), JSON.stringify({ name: "podium-bench-bare", private: true }, null, 2));
  fs.writeFileSync(path.join(BARE_DIR, "next.config.js"), "module.exports = { turbopack: { root: require('node:path').resolve(__dirname, '../..') } };\n");
  fs.writeFileSync(
    path.join(BARE_DIR, "app", "layout.jsx"),
    'export default function Layout({ children }) { return <html lang="nl"><body>{children}</body></html>; }\n',
  );
  fs.writeFileSync(
    path.join(BARE_DIR, "app", "page.jsx"),
    `const PARAGRAPHS = ${JSON.stringify(paragraphs)};\n` +
      `export default function Page() { return <main><h1>Statische pagina</h1>{PARAGRAPHS.map((p, i) => <p key={i}>{p}</p>)}</main>; }\n`,
  );
  log(`building the bare Next app in ${path.relative(ROOT, BARE_DIR)} (${paragraphs.length} paragraphs)`);
  await run(path.join(ROOT, "node_modules/.bin/next"), ["build"], BARE_DIR);
}

async function startBare(): Promise<void> {
  const port = PORTS.benchPagesBare;
  const out = logFile("bare");
  const child = spawnGroup(
    path.join(ROOT, "node_modules/.bin/next"),
    ["start", "--hostname", "127.0.0.1", "--port", String(port)],
    { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    { stdio: ["ignore", out, out], cwd: BARE_DIR },
  );
  fs.closeSync(out);
  cleanups.push({ name: "bare next start", run: () => child.stop("SIGTERM", 10_000) });
  await waitFor(`http://127.0.0.1:${port}/`, child, "the bare app");
}

// ----------------------------------------------------------------------------------------------------------
// Measuring
// ----------------------------------------------------------------------------------------------------------
interface Figures {
  name: string;
  perSecond: number;
  p50: number;
  p95: number;
  html: number;
  gzipped: number;
  errors: number;
}

async function sizes(url: string): Promise<{ html: number; gzipped: number; encoding: string | null }> {
  const response = await fetch(url, { headers: { "accept-encoding": "gzip" } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const html = Buffer.from(await response.arrayBuffer());
  return { html: html.length, gzipped: zlib.gzipSync(html).length, encoding: response.headers.get("content-encoding") };
}

function load(url: string, durationS: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections: CONNECTIONS, duration: durationS, headers: { "accept-encoding": "gzip" } },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

async function measure(name: string, url: string): Promise<Figures> {
  const { html, gzipped, encoding } = await sizes(url);
  if (encoding !== "gzip") throw new Error(`${url} was not sent gzipped (Content-Encoding: ${encoding})`);
  await load(url, 2); // warm-up: the cache filled, JIT warm
  const result = await load(url, DURATION_S);
  const errors = result.errors + result.timeouts + result.non2xx;
  const figures = { name, perSecond: result.requests.average, p50: result.latency.p50, p95: result.latency.p97_5, html, gzipped, errors };
  log(`${name.padEnd(16)} ${figures.perSecond.toFixed(0).padStart(6)} req/s`);
  return figures;
}

function table(rows: Array<Figures & { ratio: number }>): void {
  console.log("");
  console.log(`| page | requests/s | p50 ms | p97.5 ms | HTML KB | gzip KB | errors | ratio to the static page around it |`);
  console.log(`| --- | --- | --- | --- | --- | --- | --- | --- |`);
  for (const r of rows) {
    const ratio = r.name === "static" ? "" : `${r.ratio.toFixed(2)}x${r.ratio >= TARGET_RATIO ? "" : " (below target)"}`;
    console.log(
      `| ${r.name} | ${r.perSecond.toFixed(0)} | ${r.p50} | ${r.p95} | ${(r.html / 1024).toFixed(1)} | ${(r.gzipped / 1024).toFixed(1)} | ${r.errors} | ${ratio} |`,
    );
  }
  console.log("");
}

// ----------------------------------------------------------------------------------------------------------
// JavaScript: what a browser loads for each page, gzipped, against the bare page
// ----------------------------------------------------------------------------------------------------------
const JS_PAGES = [
  { name: "404", path: "/deze-pagina-bestaat-niet", budget: 20 },
  { name: "home", path: "/", budget: 20 },
  { name: "conference", path: "/conferenties/samen-sterker-in-de-wijk-2027", budget: 20 },
  { name: "report", path: "/sfeerverslagen/sfeerverslag-doe-leer-en-inspireer-2017", budget: 20 },
  { name: "sign-up", path: "/conferenties/samen-sterker-in-de-wijk-2027/aanmelden", budget: 40 },
];

/** Every script the page loads until the network is idle, gzipped at level 9 (as e2e/js-budget.spec.ts). */
async function gzippedJavaScript(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sizes = new Map<string, number>();
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    if (!(response.headers()["content-type"] ?? "").includes("javascript")) return;
    pending.push(response.body().then((body) => void sizes.set(response.url(), zlib.gzipSync(body, { level: 9 }).length), () => undefined));
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await Promise.all(pending);
  await context.close();
  return [...sizes.values()].reduce((sum, size) => sum + size, 0);
}

async function javaScriptTable(origin: string, bare: string): Promise<void> {
  const debian = "/usr/bin/chromium";
  const browser = await chromium.launch({ executablePath: fs.existsSync(debian) ? debian : undefined, args: ["--no-sandbox"] });
  try {
    const kib = (bytes: number) => (bytes / 1024).toFixed(1);
    const bareBytes = await gzippedJavaScript(browser, bare);
    console.log(`\n| page | gzipped JS KiB | over the bare page KiB | budget KiB |\n| --- | --- | --- | --- |`);
    console.log(`| bare Next page | ${kib(bareBytes)} | | |`);
    for (const page of JS_PAGES) {
      const bytes = await gzippedJavaScript(browser, origin + page.path);
      const over = bytes - bareBytes;
      console.log(`| ${page.name} | ${kib(bytes)} | ${kib(over)} | ${page.budget}${over > page.budget * 1024 ? " (over)" : ""} |`);
    }
    console.log("");
  } finally {
    await browser.close();
  }
}

// ----------------------------------------------------------------------------------------------------------
// Core Web Vitals: Lighthouse 12's mobile profile (its default: a mid-range phone, slow 4G, simulated)
// ----------------------------------------------------------------------------------------------------------
const VITALS_PAGES = [
  "/",
  "/en",
  "/conferenties/samen-sterker-in-de-wijk-2027",
  "/conferenties/samen-sterker-in-de-wijk-2027/aanmelden",
  "/sfeerverslagen",
  "/sfeerverslagen/sfeerverslag-doe-leer-en-inspireer-2017",
  "/en/sfeerverslagen/sfeerverslag-doe-leer-en-inspireer-2017",
  "/sprekers/patricia-van-aaken",
  "/dossiers",
  "/privacy",
];
const VITALS_TARGET = { lcpMs: 2_500, cls: 0.1 };
const VITALS_RUNS = 5;

async function vitalsTable(origin: string): Promise<void> {
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const debian = "/usr/bin/chromium";
  const chrome = await chromeLauncher.launch({
    chromePath: fs.existsSync(debian) ? debian : undefined,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  cleanups.push({ name: "Chromium for Lighthouse", run: async () => chrome.kill() });
  try {
    console.log(`\n| page | LCP s (median) | LCP s of the runs | CLS (worst run) | performance | accessibility |\n| --- | --- | --- | --- | --- | --- |`);
    for (const pagePath of VITALS_PAGES) {
      // The server's cache is warm (the page was asked for before); Lighthouse starts each run with an empty
      // browser cache, as a first visit. Each page is measured RUNS times and the run with the median LCP is
      // shown, as Lighthouse's own guidance on variability advises.
      await fetch(origin + pagePath);
      const runs: Array<{ lcp: number; cls: number; performance: number; accessibility: number }> = [];
      for (let run = 0; run < VITALS_RUNS; run += 1) {
        const result = await lighthouse(origin + pagePath, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] });
        if (!result) throw new Error(`Lighthouse gave no result for ${pagePath}`);
        const { audits, categories } = result.lhr;
        const score = (name: string) => Math.round((categories[name]?.score ?? 0) * 100);
        runs.push({
          lcp: audits["largest-contentful-paint"]?.numericValue ?? NaN,
          cls: audits["cumulative-layout-shift"]?.numericValue ?? NaN,
          performance: score("performance"),
          accessibility: score("accessibility"),
        });
      }
      runs.sort((a, b) => a.lcp - b.lcp);
      const median = runs[Math.floor(runs.length / 2)]!;
      const worstCls = Math.max(...runs.map((r) => r.cls));
      const marks = [median.lcp > VITALS_TARGET.lcpMs ? " (over 2.5)" : "", worstCls > VITALS_TARGET.cls ? " (over 0.1)" : ""];
      const lcps = runs.map((r) => (r.lcp / 1000).toFixed(2)).join(", ");
      console.log(`| ${pagePath} | ${(median.lcp / 1000).toFixed(2)}${marks[0]} | ${lcps} | ${worstCls.toFixed(3)}${marks[1]} | ${median.performance} | ${median.accessibility} |`);
    }
    console.log("");
  } finally {
    chrome.kill();
  }
}

async function main(): Promise<void> {
  await buildPodium();
  const databaseUrl = await startDatabase();
  const podium = await startPodium(databaseUrl);
  const origin = `http://127.0.0.1:${PORTS.benchPagesApp}`;
  if (flag("vitals")) return vitalsTable(origin);
  const podiumSizes = await Promise.all(PAGES.map((p) => sizes(origin + p.path)));
  const meanHtml = Math.round(podiumSizes.reduce((sum, s) => sum + s.html, 0) / podiumSizes.length);
  await buildBare(meanHtml);
  await startBare();
  const bare = `http://127.0.0.1:${PORTS.benchPagesBare}/`;

  if (flag("serve")) {
    // To look at what is measured (or profile it otherwise): both servers stay up until Ctrl-C.
    log(`serving until Ctrl-C: Podium on ${origin}, the bare page on ${bare}`);
    await new Promise<never>(() => {});
  }
  if (!flag("no-js")) await javaScriptTable(origin, bare);
  if (flag("js-only")) return;

  log(`${CONNECTIONS} connections, ${DURATION_S} s per page after 2 s of warm-up, Accept-Encoding: gzip`);
  // The static page is measured before and after each page, and each page is compared with the mean of the
  // two: on a shared machine the load of the moment moves both alike.
  let before = await measure("static", bare);
  const rows: Array<Figures & { ratio: number }> = [{ ...before, ratio: 1 }];
  for (const page of PAGES) {
    const figures = await measure(page.name, origin + page.path);
    const after = await measure("static", bare);
    rows.push({ ...figures, ratio: figures.perSecond / ((before.perSecond + after.perSecond) / 2) });
    rows.push({ ...after, ratio: 1 });
    before = after;
  }
  table(rows);
  const below = rows.filter((r) => r.name !== "static" && r.ratio < TARGET_RATIO);
  log(below.length === 0 ? `every page at >= ${TARGET_RATIO}x the static page` : `${below.length} page(s) below ${TARGET_RATIO}x: ${below.map((r) => r.name).join(", ")}`);
  if (rows.some((r) => r.errors > 0)) log("some requests failed or answered other than 2xx: see the errors column");

  if (CPU_PROFILE) {
    const started = Date.now();
    await podium.stop("SIGTERM", 15_000);
    const profiles = fs
      .readdirSync(PROFILE_DIR)
      .filter((f) => f.endsWith(".cpuprofile"))
      .map((f) => path.join(PROFILE_DIR, f))
      .filter((f) => fs.statSync(f).mtimeMs >= started - 1_000);
    for (const file of profiles) summariseProfile(file, (line) => console.log(line));
  }
}

main().then(
  () => shutdown(0),
  (error: unknown) => {
    console.error(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    void shutdown(1);
  },
);
