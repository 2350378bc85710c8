// npm run dev: PostgreSQL (embedded, unless DATABASE_URL is set) + migrations + demo data + `next dev`.
// On SIGINT/SIGTERM/SIGHUP, or when Next exits, we stop Next's whole process group, then PostgreSQL, so
// nothing is left running. (A terminal Ctrl-C also reaches PostgreSQL directly: it stays in our process
// group so that it dies with us if we are killed outright, and so it begins its fast shutdown at once.)
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgres } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/migrate";
import { PORTS } from "./lib/ports";
import { spawnGroup, type GroupChild } from "./lib/process-group";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DB_PORT = Number(process.env.PODIUM_DB_PORT ?? PORTS.devDatabase);
const APP_PORT = process.env.PORT ?? String(PORTS.devApp);

let pg: EmbeddedPostgres | undefined;
let next: GroupChild | undefined;
let seeding: ChildProcess | undefined;
let shuttingDown: Promise<never> | undefined;

function shutdown(code: number, signal: NodeJS.Signals = "SIGTERM"): Promise<never> {
  return (shuttingDown ??= (async () => {
    seeding?.kill(signal);
    await next?.stop(signal);
    await pg?.stop();
    process.exit(code);
  })());
}

for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
  process.on(signal, () => void shutdown(code, signal));
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    // Same process group as us: a Ctrl-C during seeding stops it too.
    const child = (seeding = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" }));
    child.once("error", () => resolve(127));
    child.once("exit", (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<void> {
  process.chdir(ROOT); // migrations, seed and Next all resolve paths from the repository root
  let databaseUrl = process.env.DATABASE_URL;
  let dbNote = "DATABASE_URL from the environment";
  if (!databaseUrl) {
    const dataDir = path.join(ROOT, ".data/pg");
    pg = await startEmbeddedPostgres({
      dataDir,
      port: DB_PORT,
      // The server's routine chatter stays quiet; what means trouble is shown.
      log: (m) => /FATAL|PANIC|initialised|stale/.test(m) && console.log(`[postgres] ${m}`),
    }).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      throw new Error(`${message}
(npm run dev: PODIUM_DB_PORT sets the port, now ${DB_PORT}; or set DATABASE_URL)`);
    });
    await ensureDatabase(pg.url, "podium");
    databaseUrl = pg.url("podium");
    dbNote = `embedded PostgreSQL 17 on 127.0.0.1:${DB_PORT}, data in .data/pg (PODIUM_DB_PORT to change the port)`;
  }
  if (shuttingDown) return;

  await applyMigrations(databaseUrl, (m) => console.log(m)).catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    // Typical in development: .data/pg was migrated from another branch or an older migration history.
    const hint = pg ? "\nTo start over with an empty development database: delete .data/pg and run npm run dev." : "";
    throw new Error(message + hint);
  });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    // Links in pages and emails point to this server, whatever its port (PORT, PODIUM_PORT_OFFSET), unless
    // APP_URL says otherwise.
    PORT: APP_PORT,
    APP_URL: process.env.APP_URL || `http://localhost:${APP_PORT}`,
  };

  // The seed is idempotent (it does nothing once the demo exists); PODIUM_SKIP_SEED=1 keeps a database empty.
  if (process.env.PODIUM_SKIP_SEED !== "1" && fs.existsSync(path.join(ROOT, "prisma/seed.ts"))) {
    const code = await run(path.join(ROOT, "node_modules/.bin/tsx"), ["prisma/seed.ts"], env);
    seeding = undefined;
    if (shuttingDown) return;
    if (code !== 0) {
      console.error(`Seeding the demo failed (exit ${code}); stopping.`);
      await shutdown(1);
    }
  }
  if (shuttingDown) return;

  const url = `http://localhost:${APP_PORT}`;
  console.log(
    [
      "",
      "  Podium (development)",
      `    App:       ${url}   (English: ${url}/en)`,
      `    Database:  ${dbNote}`,
      `    Demo:      sign in with a demo account, e.g. organisator@podium.test (all in prisma/seed/people.ts)`,
      `    Mail:      sent mail shows up in ${url}/dev/mailbox`,
      "    Stop:      Ctrl-C (stops Next.js and PostgreSQL)",
      "",
    ].join("\n"),
  );
  next = spawnGroup(path.join(ROOT, "node_modules/.bin/next"), ["dev", "--port", APP_PORT], env);
  const code = await next.exited;
  if (!shuttingDown) console.error(`next dev exited (code ${code}); stopping PostgreSQL.`);
  await shutdown(code);
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  await shutdown(1);
});
