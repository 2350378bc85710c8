// npm start: applies pending migrations to DATABASE_URL, then serves the built app with `next start` (PORT is
// honoured by Next). Several instances may start at once: the migration runner holds an advisory lock.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyMigrations } from "./lib/migrate";
import { spawnGroup, type GroupChild } from "./lib/process-group";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
let next: GroupChild | undefined;
let stopping = false;

for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
  process.on(signal, () => {
    if (!next) process.exit(code); // still migrating: the migration's transaction is rolled back by the server
    stopping = true;
    void next.stop(signal); // main() then exits with Next's exit code
  });
}

async function main(): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error(
      "DATABASE_URL is not set: npm start needs the PostgreSQL database to serve from " +
        "(postgresql://user:password@host:5432/podium). For local development use npm run dev.",
    );
    return 64;
  }
  process.chdir(ROOT); // prisma/migrations and .next are found from the repository root
  await applyMigrations(databaseUrl, (m) => console.log(m));
  next = spawnGroup(path.join(ROOT, "node_modules/.bin/next"), ["start"], {
    NEXT_TELEMETRY_DISABLED: "1",
    ...process.env,
  });
  const code = await next.exited;
  // If the leader died on its own, take any worker it left behind with it.
  await next.stop("SIGTERM", 5_000);
  if (!stopping && code !== 0) console.error(`next start exited with code ${code}`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
