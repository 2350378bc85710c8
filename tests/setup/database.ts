import type { TestProject } from "vitest/node";
import { PORTS } from "../../scripts/lib/ports";
import { createTestDatabase } from "../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * Integration tests get a fresh, fully migrated database per run, never a developer's database.
 * Vitest spawns its test workers after every globalSetup has run and copies process.env into them,
 * so setting DATABASE_URL here is what makes `lib/db.ts` in the workers connect to this database.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  // PostgreSQL's own log is noise when all goes well: keep it, and show it only if the setup fails.
  const serverLog: string[] = [];
  const database = await createTestDatabase({
    prefix: "podium_test",
    dataDir: ".data/test-pg",
    port: PORTS.testDatabase,
    log: (message) => serverLog.push(message),
  }).catch((error: unknown) => {
    console.error(`[test-db] setup failed; PostgreSQL and migration log:\n${serverLog.join("\n")}`);
    throw error;
  });
  process.env.DATABASE_URL = database.url;
  project.provide("databaseUrl", database.url);
  console.log(`[test-db] ${database.name} ready in ${Date.now() - started} ms`);
  return () => database.dispose();
}
