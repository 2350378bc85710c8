import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { PORTS } from "./scripts/lib/ports";

// Playwright cannot download its own browser on these machines; Debian's Chromium is installed by .ci/run.
const debianChromium = "/usr/bin/chromium";
const baseURL = `http://localhost:${PORTS.e2eApp}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  // One worker: Chromium, next start and PostgreSQL already share 2 cores; determinism beats speed here.
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    locale: "nl-NL",
    // Not Amsterdam on purpose: client code that formats dates without Europe/Amsterdam shows wrong times.
    timezoneId: "America/New_York",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: existsSync(debianChromium) ? debianChromium : undefined,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    // Database, migrations, seed, SMTP sink and `next start` of the build that `npm test` made just before.
    // Not `npx tsx ...`: on SIGTERM npx exits at once, so Playwright would stop waiting while the stack is
    // still shutting down. One node process exits only when its cleanup is done.
    command: "node --import tsx e2e/support/stack.ts",
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    // Without this Playwright SIGKILLs the stack, leaving PostgreSQL and next-server running.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
