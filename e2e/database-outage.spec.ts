// An operator's nightmare, rehearsed: the database goes away under a running production server. Pages must
// answer with a clear Dutch/English 503 page, the process must stay up, and it must recover by itself.
// This spec runs its own PostgreSQL and its own `npm start`, so the shared stack is never disturbed.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import { PORTS } from "../scripts/lib/ports";
import { startCommand } from "../scripts/lib/start-command";
import { expect, test } from "./support/fixtures";

// Playwright runs from the repository root (playwright.config.ts lives there).
const root = process.cwd();
const APP_PORT = PORTS.outageApp;
const app = `http://localhost:${APP_PORT}`;

let postgres: ChildProcess | undefined;
let server: ChildProcess | undefined;

// Starts the database process and resolves with its URL once it is ready.
function startPostgres(fresh = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const args = ["--import", "tsx", "e2e/support/postgres-process.ts", ".data/outage-pg", String(PORTS.outageDatabase), "podium_outage", fresh ? "fresh" : ""];
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    postgres = child;
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.on("exit", (code) => reject(new Error(`postgres process exited with ${code}`)));
  });
}

function stopPostgres(): Promise<void> {
  return new Promise((resolve) => {
    if (!postgres || postgres.exitCode !== null) return resolve();
    postgres.once("exit", () => resolve());
    postgres.kill("SIGTERM");
  });
}

async function health(): Promise<number> {
  try {
    return (await fetch(`${app}/api/health`)).status;
  } catch {
    return 0;
  }
}

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  const databaseUrl = await startPostgres(true);
  // A copy of the build: Next keeps its data and page cache inside the build folder, and this server's empty
  // database must not leave cached answers that the main e2e server would then read.
  const build = process.env.PODIUM_DIST_DIR || ".next";
  const copy = ".tmp/outage-build";
  rmSync(path.join(root, copy), { recursive: true, force: true });
  cpSync(path.join(root, build), path.join(root, copy), { recursive: true, filter: (source) => !source.includes(`${path.sep}cache${path.sep}`) });
  server = spawn(...startCommand(root), {
    cwd: root,
    env: { ...process.env, PODIUM_DIST_DIR: copy, DATABASE_URL: databaseUrl, PORT: String(APP_PORT), HOSTNAME: "localhost", APP_URL: app },
    detached: true,
    stdio: "ignore",
  });
  await expect.poll(health, { timeout: 60_000 }).toBe(200);
});

test.afterAll(async () => {
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  await stopPostgres();
});

test("pages say the site is unavailable while the database is down, and recover on their own", async ({ page }) => {
  const before = await page.goto(`${app}/`);
  expect(before?.status()).toBe(200);

  await stopPostgres();
  await expect.poll(health, { timeout: 15_000 }).toBe(503);

  const during = await page.goto(`${app}/`);
  expect(during?.status()).toBe(503);
  await expect(page.getByRole("heading", { name: "Podium is even niet bereikbaar" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Podium is temporarily unavailable" })).toBeVisible();
  // The server process survived the outage.
  expect(server?.exitCode).toBeNull();

  await startPostgres();
  await expect.poll(health, { timeout: 30_000 }).toBe(200);
  const after = await page.goto(`${app}/`);
  expect(after?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Conferenties en sfeerverslagen");
});
