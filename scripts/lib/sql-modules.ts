// The database's functions as source files: prisma/sql/<module>.sql, one per domain, edited in place. The
// migrations hold schema changes only; a function's live text is its file, not whichever migration last copied
// it. Like Flyway's repeatable migrations, a file is applied after the migrations whenever its checksum
// changed (in its own transaction, under the migration runner's lock), so its statements must be safe to run
// again: CREATE OR REPLACE FUNCTION, and DROP FUNCTION IF EXISTS for a signature that changed.
// `npm run db:drift` (checkSqlModules) fails on a function that lives in the database but in no file.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type pg from "pg";

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_podium_sql_modules" (
    "name"       TEXT PRIMARY KEY,
    "checksum"   VARCHAR(64) NOT NULL,
    "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now()
)`;

export interface SqlModule {
  name: string;
  sql: string;
  checksum: string;
}

/** prisma/sql beside the migrations folder, unless PODIUM_SQL_DIR says otherwise. */
export function sqlModulesDir(migrationsDir: string): string {
  return path.resolve(process.env.PODIUM_SQL_DIR ?? path.join(path.dirname(migrationsDir), "sql"));
}

export function readSqlModules(dir: string): SqlModule[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".sql"))
    .sort()
    .map((name) => {
      // Line endings do not change a function: a checkout with autocrlf must not re-apply every file.
      const sql = fs.readFileSync(path.join(dir, name), "utf8").replace(/\r\n/g, "\n");
      return { name, sql, checksum: createHash("sha256").update(sql, "utf8").digest("hex") };
    });
}

/** Applies the modules whose text changed since they were last applied; returns their names. */
export async function applySqlModules(client: pg.Client, modules: SqlModule[], log: (m: string) => void): Promise<string[]> {
  if (modules.length === 0) return [];
  await client.query(CREATE_TABLE);
  const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "_podium_sql_modules"`);
  const applied = new Map(rows.map((row) => [row.name, row.checksum]));
  const changed = modules.filter((sqlModule) => applied.get(sqlModule.name) !== sqlModule.checksum);
  for (const sqlModule of changed) {
    const started = Date.now();
    try {
      await client.query("BEGIN");
      await client.query(sqlModule.sql); // no parameters: simple protocol, so a multi-statement file is fine
      await client.query(
        `INSERT INTO "_podium_sql_modules" (name, checksum) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, applied_at = now()`,
        [sqlModule.name, sqlModule.checksum],
      );
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      const message = err instanceof Error ? err.message : String(err);
      throw new Error(`prisma/sql/${sqlModule.name} failed and was rolled back: ${message}`);
    }
    log(`migrate: applied prisma/sql/${sqlModule.name} (${Date.now() - started} ms)`);
  }
  return changed.map((sqlModule) => sqlModule.name);
}

// Functions of the current schema, by name and argument types, leaving out those of extensions (pg_trgm).
const FUNCTIONS_IN = `
  SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS signature
    FROM pg_proc p
   WHERE p.pronamespace = (SELECT oid FROM pg_namespace WHERE nspname = $1)
     AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
   ORDER BY 1`;

/**
 * The drift check of the functions, on a database the migrations and modules were just applied to: every
 * function in it must be defined by a sqlModule. One that only a migration defined (or an old signature that a
 * module no longer has) would stay live unseen: grep finds a stale copy, and nobody edits it. Each module is
 * run once more in a scratch schema that is rolled back, which also proves it can run again.
 * Returns the problems found, empty when there are none.
 */
export async function checkSqlModules(client: pg.Client, modules: SqlModule[]): Promise<string[]> {
  const { rows: schemaRows } = await client.query<{ schema: string }>("SELECT current_schema() AS schema");
  const schema = schemaRows[0]?.schema ?? "public";
  const declared = new Map<string, string>();
  for (const sqlModule of modules) {
    await client.query("BEGIN");
    try {
      await client.query(`CREATE SCHEMA "podium_sql_probe"`);
      // Functions land in the first schema of the path; tables and types still resolve in the real one.
      await client.query(`SET LOCAL search_path TO "podium_sql_probe", ${client.escapeIdentifier(schema)}`);
      await client.query(sqlModule.sql);
      const { rows } = await client.query<{ signature: string }>(FUNCTIONS_IN, ["podium_sql_probe"]);
      for (const row of rows) declared.set(row.signature, sqlModule.name);
    } finally {
      await client.query("ROLLBACK");
    }
  }
  const { rows: live } = await client.query<{ signature: string }>(FUNCTIONS_IN, [schema]);
  return live
    .filter((row) => !declared.has(row.signature))
    .map(
      (row) =>
        `${row.signature} is in the database but in no file of prisma/sql: define it in its module, or, if it is ` +
        `an old signature, add DROP FUNCTION IF EXISTS ${row.signature}; to the module that replaced it.`,
    );
}
