// For specs that start `npm start` themselves, with settings of their own (HOSTNAME, TRUSTED_PROXY_HOPS), beside
// the shared stack: a PostgreSQL of their own (migrated, empty) and a copy of the build, since Next keeps its
// page cache in the build folder and an empty database must not leave pages that the shared server then reads.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import { startCommand } from "../../scripts/lib/start-command";

const root = process.cwd(); // Playwright runs from the repository root (playwright.config.ts lives there)

export interface OwnProcess {
  stop: () => Promise<void>;
}

/** An embedded PostgreSQL in its own process, with a fresh migrated database; resolves once it is ready. */
export function startPostgres(dataDir: string, port: number, database: string): Promise<OwnProcess & { url: string }> {
  return new Promise((resolve, reject) => {
    const args = ["--import", "tsx", "e2e/support/postgres-process.ts", dataDir, String(port), database, "fresh"];
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve({ url: (JSON.parse(line) as { url: string }).url, stop: () => stopChild(child) });
    });
    child.on("exit", (code) => reject(new Error(`postgres process exited with ${code}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** A copy of the build without its page cache; returns its folder (for PODIUM_DIST_DIR) and how to remove it. */
export function copyBuild(name: string): { distDir: string; remove: () => void } {
  const build = process.env.PODIUM_DIST_DIR || ".next";
  const distDir = `.tmp/${name}`;
  rmSync(path.join(root, distDir), { recursive: true, force: true });
  cpSync(path.join(root, build), path.join(root, distDir), {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}cache${path.sep}`),
  });
  return { distDir, remove: () => rmSync(path.join(root, distDir), { recursive: true, force: true }) };
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * `npm start` (scripts/start.ts) in its own process group with `env` over this process's environment; resolves
 * once `url`/api/health answers 200. Stopping it stops the whole group (Next's workers included).
 */
export async function startApp(url: string, env: Record<string, string>): Promise<OwnProcess & { crash: () => void }> {
  const child = spawn(...startCommand(root), {
    cwd: root,
    env: { ...process.env, AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789", NEXT_TELEMETRY_DISABLED: "1", ...env },
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  // Shown only if it fails to start (a server without SMTP_URL warns on every start).
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => void (errors += chunk.toString()));
  // Last resort if the test runner kills its worker before afterAll has stopped the server: the group goes too,
  // instead of holding the port for the next run.
  const killOnExit = () => {
    if (child.pid !== undefined && groupAlive(child.pid)) process.kill(-child.pid, "SIGKILL");
  };
  process.once("exit", killOnExit);
  const stop = async (): Promise<void> => {
    process.removeListener("exit", killOnExit);
    const pid = child.pid;
    if (pid === undefined || !groupAlive(pid)) return;
    process.kill(-pid, "SIGTERM");
    const deadline = Date.now() + 10_000;
    while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (groupAlive(pid)) process.kill(-pid, "SIGKILL");
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${errors}`);
    const status = await fetch(`${url}/api/health`).then(
      (response) => response.status,
      () => 0,
    );
    // crash: SIGKILL to the whole group at once, as when the machine or the process dies mid-request.
    const crash = (): void => {
      if (child.pid !== undefined && groupAlive(child.pid)) process.kill(-child.pid, "SIGKILL");
    };
    if (status === 200) return { stop, crash };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`npm start did not answer on ${url} within 60 s:\n${errors}`);
}
