// The run-time migration runner (app start-up, tests). It needs only `pg`: no Prisma CLI is installed where
// the app runs. It keeps Prisma Migrate's own bookkeeping (`_prisma_migrations`, same columns and values), so
// `prisma migrate deploy` / `migrate status` run elsewhere against the same database agree with it.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { applySqlModules, readSqlModules, sqlModulesDir } from "./sql-modules";

/** Prisma Migrate's own advisory-lock key: we also serialise with a concurrent `prisma migrate deploy`. */
const LOCK_KEY = 72707369;

// Byte for byte the table Prisma's schema engine creates (checked against `prisma migrate deploy` 6.19.3).
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

const ROLLED_BACK_NOTE = "(ran in a transaction that was rolled back: nothing of it was applied)";

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateOptions {
  /**
   * Defaults to $PODIUM_MIGRATIONS_DIR, else prisma/migrations under the current directory (npm scripts and
   * servers run from the repository root).
   */
  migrationsDir?: string;
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

function readMigrations(dir: string): LocalMigration[] {
  if (!fs.existsSync(dir)) throw new Error(`Migrations folder ${dir} not found (is the app started from its root?)`);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: sha256(sql) };
    });
}

/** Like Prisma, tolerate a checkout that only changed line endings (git autocrlf). */
function sameScript(migration: LocalMigration, checksum: string): boolean {
  const lf = migration.sql.replace(/\r\n/g, "\n");
  return [migration.checksum, sha256(lf), sha256(lf.replace(/\n/g, "\r\n"))].includes(checksum);
}

/**
 * Splits Prisma's `?schema=` off the URL (pg would ignore it and migrate `public` instead).
 */
function parseUrl(databaseUrl: string): { connectionString: string; schema: string | undefined } {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get("schema") ?? undefined;
  url.searchParams.delete("schema");
  return { connectionString: url.toString(), schema };
}

/**
 * Applies every migration in prisma/migrations/<folder>/migration.sql not yet applied, in lexical order, each
 * in its own transaction together with its `_prisma_migrations` row, then every file of prisma/sql (the
 * database's functions, ./sql-modules.ts) that changed since it was last applied. Returns the migrations'
 * names it applied.
 */
export async function applyMigrations(
  databaseUrl: string,
  log: (m: string) => void = () => {},
  options: MigrateOptions = {},
): Promise<string[]> {
  const migrationsDir = path.resolve(options.migrationsDir ?? process.env.PODIUM_MIGRATIONS_DIR ?? "prisma/migrations");
  const migrations = readMigrations(migrationsDir);
  const modules = readSqlModules(sqlModulesDir(migrationsDir));
  const { connectionString, schema } = parseUrl(databaseUrl);
  const client = new pg.Client({ connectionString });
  // An error on an idle connection would otherwise crash the process; the next query reports it anyway.
  client.on("error", (err) => log(`migrate: connection error: ${err.message}`));
  await client.connect();
  try {
    if (schema) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${client.escapeIdentifier(schema)}`);
      await client.query(`SET search_path TO ${client.escapeIdentifier(schema)}`);
    }
    // Session-level lock for the whole run: instances starting together take turns, and each one reads
    // the bookkeeping only once it holds the lock. Released explicitly below, or when the session ends.
    const locked = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [LOCK_KEY]);
    if (!locked.rows[0]?.ok) {
      log("migrate: another process is migrating this database; waiting for it");
      await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    }
    try {
      const applied = await migrateLocked(client, migrations, log);
      await applySqlModules(client, modules, log);
      return applied;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function migrateLocked(client: pg.Client, migrations: LocalMigration[], log: (m: string) => void) {
  await client.query(CREATE_TABLE);
  const { rows } = await client.query<MigrationRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM "_prisma_migrations"
     WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
  const failed = rows.find((row) => row.finished_at === null);
  if (failed) {
    throw new Error(
      `Migration ${failed.migration_name} failed earlier and is not marked as rolled back, so no migration ` +
        `runs until someone checks the database. Its log:\n${failed.logs ?? "(none)"}\n` +
        `Once the database is as it was before that migration, mark it rolled back (it is retried next start):\n` +
        // What `prisma migrate resolve --rolled-back` does; Prisma 6's resolve has no offline (WASM) engine.
        `  UPDATE "_prisma_migrations" SET rolled_back_at = now()\n` +
        `  WHERE migration_name = '${failed.migration_name}' AND finished_at IS NULL;`,
    );
  }
  const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
  const local = new Set(migrations.map((m) => m.name));
  for (const name of applied.keys()) {
    // Normal while an older release starts against a database a newer one migrated: warn, don't refuse.
    if (!local.has(name)) log(`migrate: warning: ${name} is applied in the database but not in this checkout`);
  }
  const pending: LocalMigration[] = [];
  for (const migration of migrations) {
    const checksum = applied.get(migration.name);
    if (checksum === undefined) pending.push(migration);
    else if (!sameScript(migration, checksum)) {
      throw new Error(
        `Migration ${migration.name} was changed after it was applied to this database (checksum ` +
          `${checksum} in _prisma_migrations, ${migration.checksum} on disk). Restore the original file and put ` +
          `the change in a new migration (npm run db:new-migration -- <name>).`,
      );
    }
  }

  for (const migration of pending) {
    const started = Date.now();
    const id = randomUUID();
    try {
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, $3, clock_timestamp(), 0)`,
        [id, migration.checksum, migration.name],
      );
      await client.query(migration.sql); // no parameters: simple protocol, so a multi-statement script is fine
      await client.query(
        `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
        [id],
      );
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      const message = err instanceof Error ? err.message : String(err);
      // Recorded the way Prisma records a failure (finished_at NULL), so that Prisma and later runs stop too.
      await client
        .query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, applied_steps_count)
           VALUES ($1, $2, $3, $4, to_timestamp($5 / 1000.0), 0)`,
          [randomUUID(), migration.checksum, migration.name, `${message}\n${ROLLED_BACK_NOTE}`, started],
        )
        .catch(() => undefined);
      throw new Error(`Migration ${migration.name} failed and was rolled back: ${message}`);
    }
    log(`migrate: applied ${migration.name} (${Date.now() - started} ms)`);
  }
  if (pending.length === 0) log("migrate: database is up to date");
  return pending.map((m) => m.name);
}
