// npm start: applies pending migrations to DATABASE_URL, then serves the built app (PORT, HOSTNAME).
// Started through START_COMMAND (scripts/lib/start-command.ts).
// Several instances may start at once against one database: the migration runner holds an advisory lock.
import path from "node:path";
import type { Server } from "node:http";
import { applyMigrations } from "./lib/migrate";
import { serve } from "../server/serve";

// Run as CommonJS (scripts/lib/start-command.ts says why), so __dirname rather than import.meta.
const ROOT = path.resolve(__dirname, "..");
let server: Server | undefined;

for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
  process.on(signal, () => {
    // Still migrating: the migration's transaction is rolled back by the server when we go.
    if (!server) process.exit(code);
    server.close(() => process.exit(0));
    // Connections that stay open (keep-alive, streams) must not hold the process for long.
    setTimeout(() => process.exit(0), 5_000).unref();
    server.closeIdleConnections();
  });
}

/** Where to open the server in a browser: the wildcard addresses as localhost, IPv6 in brackets. */
function displayHost(hostname: string): string {
  if (hostname === "0.0.0.0" || hostname === "::") return "localhost";
  return hostname.includes(":") ? `[${hostname}]` : hostname;
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error(
      "DATABASE_URL is not set: npm start needs the PostgreSQL database to serve from " +
        "(postgresql://user:password@host:5432/podium). For local development use npm run dev.",
    );
    process.exit(64);
  }
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  process.chdir(ROOT); // prisma/migrations and .next are found from the repository root
  await applyMigrations(databaseUrl, (m) => console.log(m));
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOSTNAME ?? "0.0.0.0";
  const trustedHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
  server = await serve({ port, hostname, dir: ROOT, trustedHops });
  console.log(`Podium ready on http://${displayHost(hostname)}:${port}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
