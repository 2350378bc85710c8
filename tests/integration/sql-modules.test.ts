// The database's functions live in prisma/sql, one file per module, applied after the migrations whenever a
// file changes (scripts/lib/sql-modules.ts). What an operator relies on: a start-up applies exactly the files
// that changed, a broken file changes nothing, and no function lives only in the migrations' history.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applySqlModules, checkSqlModules, readSqlModules } from "../../scripts/lib/sql-modules";

const root = path.resolve(import.meta.dirname, "../..");
const client = new pg.Client({ connectionString: inject("databaseUrl") });
const scratch = `sql_modules_${process.pid}`;
let dir: string;

beforeAll(async () => {
  await client.connect();
  dir = mkdtempSync(path.join(tmpdir(), "podium-sql-"));
});

afterAll(async () => {
  await client.query(`DROP SCHEMA IF EXISTS ${scratch} CASCADE`);
  await client.query("RESET search_path");
  await client.end();
  rmSync(dir, { recursive: true, force: true });
});

const greeting = (word: string) =>
  `CREATE OR REPLACE FUNCTION greeting() RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$ SELECT '${word}'::text $$;\n`;
const call = async () => (await client.query<{ greeting: string }>("SELECT greeting()")).rows[0]?.greeting;

describe("the functions' source files", () => {
  it("are all applied to the test database, each recorded with the checksum of its file", async () => {
    const modules = readSqlModules(path.join(root, "prisma/sql"));
    expect(modules.map((m) => m.name)).toEqual(expect.arrayContaining(["checkin.sql", "places.sql", "rate-limit.sql"]));
    const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "_podium_sql_modules" ORDER BY name`);
    expect(rows).toEqual(modules.map(({ name, checksum }) => ({ name, checksum })));
  });

  it("define every function the database holds (the drift check npm test runs)", async () => {
    expect(await checkSqlModules(client, readSqlModules(path.join(root, "prisma/sql")))).toEqual([]);
  });

  it("apply only what changed, again after an edit, and leave everything as it was when a file fails", async () => {
    await client.query(`CREATE SCHEMA ${scratch}`);
    await client.query(`SET search_path TO ${scratch}`);
    const log: string[] = [];
    writeFileSync(path.join(dir, "a.sql"), greeting("hallo"));
    writeFileSync(path.join(dir, "b.sql"), "CREATE OR REPLACE FUNCTION answer() RETURNS INT LANGUAGE sql AS $$ SELECT 42 $$;\n");

    expect(await applySqlModules(client, readSqlModules(dir), (m) => log.push(m))).toEqual(["a.sql", "b.sql"]);
    expect(await call()).toBe("hallo");
    // Nothing changed: nothing applied, so a start-up does not disturb the plans of running instances.
    expect(await applySqlModules(client, readSqlModules(dir), (m) => log.push(m))).toEqual([]);
    // Editing the function is editing its file.
    writeFileSync(path.join(dir, "a.sql"), greeting("goedemiddag"));
    expect(await applySqlModules(client, readSqlModules(dir), (m) => log.push(m))).toEqual(["a.sql"]);
    expect(await call()).toBe("goedemiddag");
    expect(log.filter((line) => line.includes("a.sql"))).toHaveLength(2);

    // A file that fails halfway is rolled back whole and named in the error.
    writeFileSync(path.join(dir, "a.sql"), `${greeting("kapot")}SELECT no_such_function();\n`);
    await expect(applySqlModules(client, readSqlModules(dir), () => {})).rejects.toThrow(/a\.sql failed and was rolled back/);
    expect(await call()).toBe("goedemiddag");
  });

  it("report a function that no file defines, such as an old signature left behind", async () => {
    await client.query(`SET search_path TO ${scratch}`);
    await client.query("CREATE FUNCTION greeting(who TEXT) RETURNS TEXT LANGUAGE sql AS $$ SELECT 'hoi ' || who $$");
    const problems = await checkSqlModules(client, readSqlModules(dir).filter((m) => m.name === "b.sql"));
    expect(problems.join("\n")).toContain("greeting(who text) is in the database but in no file of prisma/sql");
    expect(problems.join("\n")).toContain("DROP FUNCTION IF EXISTS greeting(who text);");
    expect(problems.join("\n")).toContain("greeting()");
    expect(problems.join("\n")).not.toContain("answer()");
  });
});
