// Everything the e2e tests run against, started by Playwright's webServer and stopped by its SIGTERM:
// a fresh migrated and seeded database, an SMTP sink readable over HTTP, and `next start` of the
// production build. Also usable by hand (`npx tsx e2e/support/stack.ts`) to iterate on specs.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { createTestDatabase, removeLeftoversOfDeadRuns } from "../../tests/support/test-database";
import { startSmtpSink } from "../../tests/support/smtp";
import { PORTS } from "../../scripts/lib/ports";
import { startCommand } from "../../scripts/lib/start-command";

const root = path.resolve(import.meta.dirname, "../..");
const APP_PORT = PORTS.e2eApp;
const SMTP_PORT = PORTS.smtp;
const MAIL_HTTP_PORT = PORTS.mailHttp;

const log = (message: string) => console.log(`[e2e-stack] ${message}`);
// PostgreSQL's routine LOG lines drown the app's output; its warnings and errors still show.
const serverLog = (message: string) => {
  if (!/^\d{4}-\d\d-\d\d [\d:.]+ \w+ \[\d+\] LOG: /.test(message)) log(message);
};
const cleanups: { name: string; run: () => Promise<void> }[] = [];
let shuttingDown = false;

async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    for (const cleanup of cleanups.reverse()) {
      await cleanup.run().catch((error: unknown) => log(`stopping ${cleanup.name} failed: ${String(error)}`));
    }
    log("stopped");
  }
  process.exit(code);
}
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void shutdown(0));

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** next start leaves a next-server child behind if only its own pid is killed: stop the whole group. */
async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || !groupAlive(pid)) return;
  process.kill(-pid, "SIGTERM");
  const deadline = Date.now() + 10_000;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pid)) process.kill(-pid, "SIGKILL");
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(args.at(-1) ?? command)} exited with ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  if (!existsSync(path.join(root, process.env.PODIUM_DIST_DIR || ".next", "BUILD_ID"))) {
    throw new Error("no production build in .next: run `npx next build` first (npm test does)");
  }

  const database = await createTestDatabase({
    prefix: "podium_e2e",
    dataDir: ".data/e2e-pg",
    port: PORTS.e2eDatabase,
    log: serverLog,
  });
  cleanups.push({ name: "database", run: database.dispose });
  log(`database ${database.name}`);

  // A fresh uploads directory per run, so files from earlier runs or from development cannot leak in.
  removeLeftoversOfDeadRuns("e2e-uploads-");
  const uploadsDir = path.join(root, ".tmp", `e2e-uploads-${process.pid}`);
  mkdirSync(uploadsDir, { recursive: true });
  cleanups.push({ name: "uploads", run: async () => rmSync(uploadsDir, { recursive: true, force: true }) });

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
    APP_URL: `http://localhost:${APP_PORT}`,
    UPLOADS_DIR: uploadsDir,
    // The server too runs outside Amsterdam, so server-rendered times that forget the zone are caught.
    TZ: "America/New_York",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789",
    // next start runs with NODE_ENV=production, where Auth.js trusts no Host header unless told to.
    AUTH_TRUST_HOST: "true",
    // Every e2e registration comes from this one machine; the limit itself is proven by integration tests.
    RATE_LIMIT_REGISTRATIONS: "1000",
    // Likewise every e2e sign-in: the specs together come close to the 20 per 15 minutes one office may ask
    // for. The per-address limit stays as in production (specs sign in as different accounts).
    RATE_LIMIT_SIGN_IN_PER_CLIENT: "1000",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  const seeded = Date.now();
  await run(process.execPath, ["--import", "tsx", path.join(root, "prisma", "seed.ts")], env);
  log(`seeded in ${Date.now() - seeded} ms`);

  const sink = await startSmtpSink({ port: SMTP_PORT });
  cleanups.push({ name: "smtp sink", run: () => sink.close() });
  const mailApi = createServer((request, response) => {
    if (request.url === "/messages" && request.method === "GET") {
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(sink.messages));
    } else if (request.url === "/messages" && request.method === "DELETE") {
      sink.clear();
      response.writeHead(204).end();
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    mailApi.once("error", reject);
    mailApi.listen(MAIL_HTTP_PORT, "127.0.0.1", resolve);
  });
  cleanups.push({ name: "mail api", run: () => new Promise((resolve) => mailApi.close(() => resolve())) });
  log(`smtp sink on 127.0.0.1:${SMTP_PORT}, messages at http://127.0.0.1:${MAIL_HTTP_PORT}/messages`);

  // The production start path itself (scripts/start.ts: migrations, then our server around Next), on loopback.
  // (e2e/deployment.spec.ts starts it on the other loopback and wildcard addresses.)
  const next = spawn(...startCommand(root), {
    cwd: root,
    env: { ...env, PORT: String(APP_PORT), HOSTNAME: "localhost" },
    stdio: "inherit",
    detached: true,
  });
  cleanups.push({ name: "next start", run: () => stopGroup(next) });
  next.on("exit", (code, signal) => {
    if (shuttingDown) return;
    log(`next start exited unexpectedly (code ${code}, signal ${signal})`);
    void shutdown(1);
  });
  log(`npm start on http://localhost:${APP_PORT} (process group ${next.pid})`);
}

main().catch((error: unknown) => {
  log(`failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  void shutdown(1);
});
