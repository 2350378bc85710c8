// Two `npm start` instances against one PostgreSQL, as behind a load balancer: a change made through one
// must reach the cached pages of the other (lib/cache/cluster-cache-handler.ts), and a cached page must be
// served without asking the database. This spec runs its own database (seeded, with every statement logged)
// and its own two servers, each on its own copy of the build, so they share nothing but the database; the
// shared e2e stack is never disturbed.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { PORTS } from "../scripts/lib/ports";
import { startCommand } from "../scripts/lib/start-command";
import { expect, test } from "./support/fixtures";

const root = process.cwd();
const SLUG = "samen-sterker-in-de-wijk-2027";
const apps = PORTS.clusterApps.map((port) => `http://localhost:${port}`);
const [first, second] = apps as [string, string];

let postgres: ChildProcess | undefined;
const servers: ChildProcess[] = [];
let databaseUrl = "";
// PostgreSQL's log lines, statements included (log_statement = 'all' on the test database).
const postgresLog: string[] = [];

function startPostgres(): Promise<string> {
  return new Promise((resolve, reject) => {
    const args = ["--import", "tsx", "e2e/support/postgres-process.ts", ".data/cluster-pg", String(PORTS.clusterDatabase), "podium_cluster", "fresh"];
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, POSTGRES_LOG: "stderr" } });
    postgres = child;
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.stderr?.on("data", (chunk: Buffer) => postgresLog.push(...chunk.toString().split("\n").filter(Boolean)));
    child.on("exit", (code) => reject(new Error(`postgres process exited with ${code}`)));
  });
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: "ignore" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.at(-1)} exited with ${code}`))));
  });
}

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function healthy(app: string): Promise<number> {
  try {
    return (await fetch(`${app}/api/health`)).status;
  } catch {
    return 0;
  }
}

/** Statements the app ran that read the conferences table, among log lines from index `from` on. */
function conferenceQueriesSince(from: number): string[] {
  return postgresLog.slice(from).filter((line) => /LOG:\s+(statement|execute [^:]*):/.test(line) && line.includes('"conferences"'));
}

async function pageTitle(app: string): Promise<{ title: string; cache: string | null }> {
  const response = await fetch(`${app}/conferenties/${SLUG}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  const heading = /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? "";
  return { title: heading, cache: response.headers.get("x-nextjs-cache") };
}

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.beforeAll(async () => {
  databaseUrl = await startPostgres();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789",
    AUTH_TRUST_HOST: "true",
    RATE_LIMIT_REGISTRATIONS: "1000",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  await run(["--import", "tsx", path.join("prisma", "seed.ts")], env);
  // Every statement from here on is logged, for the connections the servers open next.
  await withDatabase((client) => client.query(`ALTER DATABASE "${new URL(databaseUrl).pathname.slice(1)}" SET log_statement = 'all'`));

  // One copy of the build per instance, without any page or data cached by other runs: two machines.
  const build = process.env.PODIUM_DIST_DIR || ".next";
  for (const [index, app] of apps.entries()) {
    const copy = `.tmp/cluster-build-${index + 1}`;
    rmSync(path.join(root, copy), { recursive: true, force: true });
    cpSync(path.join(root, build), path.join(root, copy), {
      recursive: true,
      filter: (source) => !source.includes(`${path.sep}cache${path.sep}`) && !source.includes(`${path.sep}route-cache`),
    });
    const port = new URL(app).port;
    servers.push(
      spawn(...startCommand(root), {
        cwd: root,
        env: { ...env, PODIUM_DIST_DIR: copy, PORT: port, HOSTNAME: "localhost", APP_URL: app },
        detached: true,
        stdio: "ignore",
      }),
    );
  }
  for (const app of apps) await expect.poll(() => healthy(app), { timeout: 90_000 }).toBe(200);
});

test.afterAll(async () => {
  for (const server of servers) {
    try {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  await new Promise<void>((resolve) => {
    if (!postgres || postgres.exitCode !== null) return resolve();
    postgres.once("exit", () => resolve());
    postgres.kill("SIGTERM");
  });
  for (const index of [1, 2]) rmSync(path.join(root, `.tmp/cluster-build-${index}`), { recursive: true, force: true });
});

test("a change made through one instance shows on the other's cached page, and cached pages cost no query", async ({ page }) => {
  const original = await withDatabase(async (client) => {
    const { rows } = await client.query<{ title: string }>("SELECT title FROM conferences WHERE slug = $1", [SLUG]);
    return rows[0]!.title;
  });

  // Both instances render the page once and cache it. Rendering it queries the conferences table, which the
  // statement log shows (so the count of zero below counts something).
  const renderMark = postgresLog.length;
  const renderStarted = Date.now();
  for (const app of apps) {
    expect((await pageTitle(app)).title).toBe(original);
  }
  const renderMs = (Date.now() - renderStarted) / apps.length;
  expect(conferenceQueriesSince(renderMark).length).toBeGreaterThan(0);

  // Cached hits: served from each instance's cache, not one statement on the conferences table.
  const logMark = postgresLog.length;
  const hitsStarted = Date.now();
  const hits = 20;
  for (let i = 0; i < hits; i++) {
    for (const app of apps) {
      const { title, cache } = await pageTitle(app);
      expect(title).toBe(original);
      expect(cache).toBe("HIT");
    }
  }
  const hitMs = (Date.now() - hitsStarted) / (hits * apps.length);
  const queried = conferenceQueriesSince(logMark);
  const statements = postgresLog.slice(logMark).filter((line) => /LOG:\s+(statement|execute [^:]*):/.test(line));
  const tagReads = statements.filter((line) => line.includes("cache_tag_revalidations")).length;
  console.log(
    `cluster cache: first render ${renderMs.toFixed(0)} ms per instance; ${hits * apps.length} cached hits on 2 instances, ` +
      `${hitMs.toFixed(1)} ms each, ran ${queried.length} conference queries; all statements meanwhile: ${statements.length} ` +
      `(${tagReads} of them the once-a-second read of revalidated tags, the rest background work such as the mail outbox)`,
  );
  expect(queried).toEqual([]);

  // The title changes in the database behind the app's back: both keep serving the cached page...
  const renamed = `${original} (nieuwe titel)`;
  await withDatabase((client) => client.query("UPDATE conferences SET title = $1 WHERE slug = $2", [renamed, SLUG]));
  for (const app of apps) expect((await pageTitle(app)).title).toBe(original);

  // ...until a change through instance 1 revalidates the conference: a registration, which expires the
  // conference's tag (places left) through lib/conferences/revalidate.ts.
  const registered = await fetch(`${first}/api/conferences/${SLUG}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Cluster Test", email: "cluster-test@example.test", privacyConsent: true }),
  });
  expect(registered.status).toBe(202);
  expect((await pageTitle(first)).title).toBe(renamed);

  // Instance 2 reads the revalidation from PostgreSQL (once a second) and renders the page again.
  const started = Date.now();
  await expect.poll(async () => (await pageTitle(second)).title, { timeout: 5_000, intervals: [100] }).toBe(renamed);
  console.log(`cluster cache: instance 2 served the new title ${Date.now() - started} ms after instance 1's revalidation`);
  await page.goto(`${second}/conferenties/${SLUG}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(renamed);
});
