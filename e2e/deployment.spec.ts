// `npm start` as operators run it: bound to the address they choose (HOSTNAME), behind a reverse proxy or not
// (TRUSTED_PROXY_HOPS). Each test starts its own server on a copy of the build against an empty database of
// its own, so the shared e2e stack is never disturbed.
import { PORTS } from "../scripts/lib/ports";
import { copyBuild, startApp, startPostgres, type OwnProcess } from "./support/own-server";
import { expect, test } from "./support/fixtures";

const PORT = PORTS.deploymentApp;

let postgres: (OwnProcess & { url: string }) | undefined;
let build: ReturnType<typeof copyBuild> | undefined;

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  postgres = await startPostgres(".data/deployment-pg", PORTS.deploymentDatabase, "podium_deployment");
  build = copyBuild("deployment-build");
});

test.afterAll(async () => {
  await postgres?.stop();
  build?.remove();
});

/** Runs `work` against `npm start` started with `env`, reached at `url`; stops it afterwards. */
async function withServer(url: string, env: Record<string, string>, work: () => Promise<void>): Promise<void> {
  const server = await startApp(url, {
    DATABASE_URL: postgres!.url,
    PODIUM_DIST_DIR: build!.distDir,
    PORT: String(PORT),
    APP_URL: "https://podium.example.org",
    ...env,
  });
  try {
    await work();
  } finally {
    await server.stop();
  }
}

// Loopback behind a reverse proxy is the usual setting; 0.0.0.0 is the default; ::1 is loopback in IPv6.
for (const [hostname, url] of [
  ["127.0.0.1", `http://127.0.0.1:${PORT}`],
  ["::1", `http://[::1]:${PORT}`],
  ["localhost", `http://localhost:${PORT}`],
  ["0.0.0.0", `http://127.0.0.1:${PORT}`],
] as const) {
  test(`HOSTNAME=${hostname}: Dutch and English pages answer without redirecting`, async ({ page }) => {
    await withServer(url, { HOSTNAME: hostname }, async () => {
      for (const path of ["/", "/privacy", "/en", "/en/privacy"]) {
        const response = await fetch(`${url}${path}`, { redirect: "manual" });
        expect([path, response.status, response.headers.get("location")]).toEqual([path, 200, null]);
      }
      // The prefix of the default language still goes away, to a path on this same server.
      const prefixed = await fetch(`${url}/nl/privacy`, { redirect: "manual" });
      expect(prefixed.status).toBe(307);
      expect(new URL(prefixed.headers.get("location") ?? "", url).href).toBe(`${url}/privacy`);

      // And in a browser: the page renders in its language (a loop of redirects would fail the navigation).
      await page.goto(`${url}/privacy`);
      await expect(page.locator("html")).toHaveAttribute("lang", "nl");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    });
  });
}
