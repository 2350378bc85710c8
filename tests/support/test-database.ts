import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import pg from "pg";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { applyMigrations } from "../../scripts/lib/migrate";

export interface TestDatabase {
  url: string;
  name: string;
  /** Drops the database and stops the embedded server if this run started one. Safe to call twice. */
  dispose: () => Promise<void>;
}

export interface TestDatabaseOptions {
  /** Database name prefix; a timestamp and random suffix make every run's database fresh. */
  prefix: string;
  /** Embedded server data directory, relative to the repository root; used when TEST_DATABASE_URL is unset. */
  dataDir: string;
  port: number;
  log?: (message: string) => void;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** A server URL with another database in its path, keeping credentials and query parameters. */
function serverUrl(base: string): (database: string) => string {
  const parsed = new URL(base);
  // Tests drop databases: refuse anything that is not on this machine (dub's assert-local-database).
  if (!LOOPBACK.has(parsed.hostname)) {
    throw new Error(`TEST_DATABASE_URL must point at a loopback host, got "${parsed.hostname}"`);
  }
  return (database) => {
    const url = new URL(parsed.href);
    url.pathname = `/${database}`;
    return url.href;
  };
}

const root = path.resolve(import.meta.dirname, "../..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** `.tmp/<prefix><pid>` directories are per run; those of runs killed before their cleanup are removed. */
export function removeLeftoversOfDeadRuns(prefix: string): void {
  const tmp = path.join(root, ".tmp");
  if (!existsSync(tmp)) return;
  for (const entry of readdirSync(tmp)) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)(-password)?$/.exec(entry.slice(prefix.length))?.[1]);
    if (!Number.isInteger(pid) || pid <= 0 || isAlive(pid)) continue;
    rmSync(path.join(tmp, entry), { recursive: true, force: true });
  }
}

interface Server {
  url: (database: string) => string;
  stop: () => Promise<void>;
  /** True when this process started the shared cluster: its pid lock keeps every other run out. */
  exclusive: boolean;
}

async function startServer(options: TestDatabaseOptions, log: (message: string) => void): Promise<Server> {
  const shared = path.join(root, options.dataDir);
  try {
    return { ...(await startEmbeddedPostgres({ dataDir: shared, port: options.port, log })), exclusive: true };
  } catch (error) {
    // A live postmaster.pid means another run (a colleague's, or a second terminal) holds the shared
    // cluster. Rather than fail, use a private throw-away cluster; initdb costs about half a second.
    if (!existsSync(path.join(shared, "postmaster.pid"))) throw error;
    removeLeftoversOfDeadRuns(`${path.basename(shared)}-`);
    const dataDir = path.join(root, ".tmp", `${path.basename(shared)}-${process.pid}`);
    console.warn(`[test-db] ${shared} is in use by another run; using a private cluster in ${dataDir}`);
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), log });
    return {
      url: server.url,
      exclusive: false,
      stop: async () => {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
        rmSync(`${dataDir}-password`, { force: true });
      },
    };
  }
}

/**
 * Drops databases that earlier runs left behind. They do whenever a signal reaches PostgreSQL before the
 * run's own teardown can drop its database (Ctrl-C, or Playwright stopping the e2e stack's process group).
 */
async function dropLeftovers(server: Server, prefix: string, log: (message: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: server.url("postgres") });
  client.on("error", () => {}); // an idle-connection error must not crash the run; the query fails instead
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1",
      [`${prefix.replaceAll("_", "\\_")}\\_%`],
    );
    for (const { datname } of rows) {
      await dropDatabase(server.url, datname);
      log(`dropped ${datname}, left behind by an earlier run`);
    }
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(options: TestDatabaseOptions): Promise<TestDatabase> {
  const log = options.log ?? (() => {});
  const fromEnv = process.env.TEST_DATABASE_URL;
  // On a shared server other runs' databases may be in use: only a cluster we hold alone is swept.
  const server: Server = fromEnv
    ? { url: serverUrl(fromEnv), stop: async () => {}, exclusive: false }
    : await startServer(options, log);

  const name = `${options.prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  let disposed = false;
  const dispose = async () => {
    if (disposed) return;
    disposed = true;
    try {
      await dropDatabase(server.url, name);
    } catch (error) {
      // Expected when a signal reached PostgreSQL too (Ctrl-C, Playwright stopping the e2e stack's group).
      log(`left ${name} for the next run on this cluster to drop (${String(error)})`);
    } finally {
      await server.stop();
    }
  };

  try {
    if (server.exclusive) await dropLeftovers(server, options.prefix, log);
    await ensureDatabase(server.url, name);
    const applied = await applyMigrations(server.url(name), log);
    log(`database ${name}: ${applied.length} migration(s) applied`);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { url: server.url(name), name, dispose };
}
