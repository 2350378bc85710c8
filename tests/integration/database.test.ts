import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

// Tests of the harness itself: if these fail, every other integration test's result is suspect.
describe("integration harness", () => {
  const databaseUrl = inject("databaseUrl");
  const client = new pg.Client({ connectionString: databaseUrl });

  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it("hands workers the fresh per-run database through DATABASE_URL", () => {
    expect(process.env.DATABASE_URL).toBe(databaseUrl);
    expect(new URL(databaseUrl).pathname).toMatch(/^\/podium_test_\d+_[0-9a-f]{6}$/);
  });

  it("has applied every migration in prisma/migrations", async () => {
    const migrations = path.resolve(import.meta.dirname, "../../prisma/migrations");
    const onDisk = readdirSync(migrations, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(path.join(migrations, entry.name, "migration.sql")))
      .map((entry) => entry.name)
      .sort();
    const { rows } = await client.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
    );
    expect(onDisk.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.migration_name)).toEqual(onDisk);
  });

  it("runs in a non-UTC time zone so code that forgets Europe/Amsterdam fails", () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe("America/New_York");
    // 2026-01-15 is winter in New York: UTC-5, whatever the machine's own zone is.
    expect(new Date("2026-01-15T12:00:00Z").getTimezoneOffset()).toBe(300);
  });
});
