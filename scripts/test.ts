// npm test: every check CI runs, in order, stopping at the first failure. The last line is
// "N passed, N failed" (vitest + playwright tests), which CI reads.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const reports = path.join(root, ".tmp", "test-reports");
const vitestReport = path.join(reports, "vitest.json");
const playwrightReport = path.join(reports, "playwright.json");

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface Step {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** Test counts from the step's JSON report; null when it wrote none (it crashed before running tests). */
  counts?: () => Counts | null;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function numberAt(value: unknown, key: string): number {
  const field = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof field === "number" ? field : 0;
}

function vitestCounts(): Counts | null {
  const report = readJson(vitestReport);
  if (report === null) return null;
  return {
    passed: numberAt(report, "numPassedTests"),
    failed: numberAt(report, "numFailedTests"),
    skipped: numberAt(report, "numPendingTests") + numberAt(report, "numTodoTests"),
  };
}

function playwrightCounts(): Counts | null {
  const report = readJson(playwrightReport);
  if (report === null) return null;
  const stats = (report as Record<string, unknown>).stats;
  return {
    passed: numberAt(stats, "expected") + numberAt(stats, "flaky"),
    failed: numberAt(stats, "unexpected"),
    skipped: numberAt(stats, "skipped"),
  };
}

const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

const steps: Step[] = [
  // Writes .next/types and next-env.d.ts (route types such as PageProps), which a fresh clone lacks until
  // a build; without them tsc fails on every page.
  { name: "next typegen", command: bin("next"), args: ["typegen"] },
  { name: "tsc --noEmit", command: bin("tsc"), args: ["--noEmit"] },
  { name: "eslint .", command: bin("eslint"), args: ["."] },
  { name: "prisma6 drift", command: bin("tsx"), args: ["scripts/prisma6.ts", "drift"] },
  {
    name: "vitest run",
    command: bin("vitest"),
    args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`],
    // The package is CommonJS ("type" unset), so Vite warns, once per project, that vitest.config.ts is ESM;
    // it loads fine with the bundling loader in use, and a .mts name would take the file out of tsc's include.
    env: { VITE_CONFIG_NATIVE_IGNORE_WARNING: "true" },
    counts: vitestCounts,
  },
  { name: "next build", command: bin("next"), args: ["build"] },
  {
    name: "playwright test",
    command: bin("playwright"),
    args: ["test", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport },
    counts: playwrightCounts,
  },
];

function run(step: Step): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", ...step.env },
    });
    child.on("error", (error) => {
      console.error(`[test] could not start ${step.name}: ${error.message}`);
      resolve(1);
    });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  const timings: string[] = [];
  const started = Date.now();
  let exitCode = 0;

  for (const step of steps) {
    console.log(`\n[test] ==> ${step.name}`);
    const stepStarted = Date.now();
    const code = await run(step);
    const elapsed = Date.now() - stepStarted;
    const counts = step.counts?.() ?? null;
    if (counts) {
      total.passed += counts.passed;
      total.failed += counts.failed;
      total.skipped += counts.skipped;
    }
    const outcome = code === 0 ? "ok" : `FAILED (exit ${code})`;
    const tally = counts ? ` (${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped)` : "";
    timings.push(`  ${step.name.padEnd(16)} ${seconds(elapsed).padStart(8)}  ${outcome}${tally}`);
    console.log(`[test] <== ${step.name}: ${outcome} in ${seconds(elapsed)}`);
    if (code !== 0) {
      // A failed check with no failed test of its own (tsc, eslint, build, a crashed runner) still counts
      // as one failure, so the closing line never reads "0 failed" for a failing run.
      if (!counts || counts.failed === 0) total.failed += 1;
      exitCode = code;
      break;
    }
  }

  const skippedSteps = steps.slice(timings.length).map((step) => `  ${step.name.padEnd(16)}  not run`);
  console.log(`\n[test] summary (${seconds(Date.now() - started)} in all)`);
  console.log([...timings, ...skippedSteps].join("\n"));
  if (total.skipped > 0) console.log(`[test] ${total.skipped} test(s) skipped`);
  console.log(`${total.passed} passed, ${total.failed} failed`);
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
