// Both benchmarks run on a fresh clone, which has no .tmp or .data folder: each in a scratch checkout (scripts
// copied, so they take it for the repository root; everything else linked, the production build included),
// with a handful of requests rather than thousands. What is measured is not checked here, only that they run.
import { spawn } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./support/fixtures";

const root = process.cwd();
let clone = "";

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.beforeAll(() => {
  clone = mkdtempSync(path.join(os.tmpdir(), "podium-clone-"));
  chmodSync(clone, 0o755); // the embedded PostgreSQL runs as its own user and must reach its data folder
  cpSync(path.join(root, "scripts"), path.join(clone, "scripts"), { recursive: true });
  const build = process.env.PODIUM_DIST_DIR || ".next";
  for (const entry of readdirSync(root)) {
    if ([".tmp", ".data", ".git", "scripts", "test-results", "playwright-report", ".next", build].includes(entry)) continue;
    symlinkSync(path.join(root, entry), path.join(clone, entry));
  }
  symlinkSync(path.join(root, build), path.join(clone, ".next"));
});

test.afterAll(() => {
  if (clone) rmSync(clone, { recursive: true, force: true });
});

function run(script: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(clone, "node_modules/.bin/tsx"), [script, ...args], {
      cwd: clone,
      env: { ...process.env, PODIUM_DIST_DIR: undefined },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => void (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => void (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

test("bench:checkin runs on a clone without .tmp", async () => {
  expect(existsSync(path.join(clone, ".tmp"))).toBe(false);
  const { code, output } = await run("scripts/bench-checkin.ts", ["--scans=20", "--warmup=5", "--concurrency=2"]);
  expect(output).toContain("tickets checked in twice without the flag: 0");
  expect(code, output).toBe(0);
});

test("bench:rush runs on a clone without .tmp", async () => {
  rmSync(path.join(clone, ".tmp"), { recursive: true, force: true });
  const { code, output } = await run("scripts/bench-rush.ts", ["--requests=20", "--concurrency=5"]);
  expect(output).toContain("oversell: 0; duplicate active emails: 0");
  expect(code, output).toBe(0);
});
