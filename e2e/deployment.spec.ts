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

// A client's claims about the address it used; only a reverse proxy the operator trusts may make them.
const FORGED = {
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  "x-forwarded-port": "8443",
  forwarded: "host=evil.example;proto=https",
};
const SHOWS_FORGED = /evil\.example|:8443\b|https:\/\/localhost/;

/** Auth.js's idea of where its sign-in endpoint lives, as it tells the browser. */
async function signInUrl(url: string, headers: Record<string, string>): Promise<string | undefined> {
  const providers = (await (await fetch(`${url}/api/auth/providers`, { headers })).json()) as { email?: { signinUrl?: string } };
  return providers.email?.signinUrl;
}

test("without trusted proxies, forwarded host and protocol change no address the app gives out", async ({ baseURL }) => {
  // The shared stack runs with TRUSTED_PROXY_HOPS unset, as a server reached directly.
  const url = baseURL!;
  for (const path of ["/", "/privacy", "/en/privacy", "/nl/privacy", "/inloggen", "/api/auth/signin", "/api/auth/csrf", "/api/auth/session"]) {
    const response = await fetch(`${url}${path}`, { headers: FORGED, redirect: "manual" });
    const headers = JSON.stringify([...response.headers]);
    expect(`${path} ${headers}`).not.toMatch(SHOWS_FORGED);
    expect(`${path} ${await response.text()}`).not.toMatch(SHOWS_FORGED);
    // Nor does a client's claim of https turn on HSTS.
    expect(response.headers.get("strict-transport-security"), path).toBeNull();
  }
  expect(await signInUrl(url, FORGED)).toBe(`${url}/api/auth/signin/email`);
});

/** A form post to a download route from `origin`: 403 when taken for another site's, 401 (not signed in) when not. */
async function exportPost(url: string, origin: string, headers: Record<string, string>): Promise<number> {
  const response = await fetch(`${url}/beheer/werkplaats/nieuwsbrief/export`, { method: "POST", headers: { origin, ...headers }, redirect: "manual" });
  return response.status;
}

test("without trusted proxies, a forwarded host does not make another site's form post look like this site's", async ({ baseURL }) => {
  const url = baseURL!;
  expect(await exportPost(url, "https://podium.example.org", { "x-forwarded-host": "podium.example.org" })).toBe(403);
  expect(await exportPost(url, url, { "x-forwarded-host": "podium.example.org" })).toBe(401);
});

test("behind one trusted proxy, the host and protocol it forwards are the app's, a client's are not, and sign-in stays on APP_URL", async () => {
  const url = `http://127.0.0.1:${PORT}`;
  await withServer(url, { HOSTNAME: "127.0.0.1", TRUSTED_PROXY_HOPS: "1" }, async () => {
    // Behind the proxy the browser is at https://podium.example.org: its form posts are this site's.
    const proxied = { "x-forwarded-for": "203.0.113.7", "x-forwarded-host": "podium.example.org", "x-forwarded-proto": "https" };
    expect(await exportPost(url, "https://podium.example.org", proxied)).toBe(401);
    expect(await exportPost(url, "https://evil.example", proxied)).toBe(403);
    // The proxy appends to what the client sent: the client's entries come first and are ignored.
    const appended = { "x-forwarded-host": "evil.example, podium.example.org", "x-forwarded-proto": "http, https" };
    expect(await exportPost(url, "https://podium.example.org", appended)).toBe(401);
    expect(await exportPost(url, "https://evil.example", appended)).toBe(403);
    // Something that is no host at all is dropped, as if the proxy had sent none.
    expect(await exportPost(url, "https://evil.example/x", { "x-forwarded-host": "evil.example/x" })).toBe(403);
    expect(await exportPost(url, url, {})).toBe(401);

    // Reached over https at the proxy: HSTS on every answer, pages and the door's own endpoints alike.
    for (const path of ["/privacy", "/api/health", "/api/checkin/onbekend/scans"]) {
      const response = await fetch(`${url}${path}`, { method: path.endsWith("scans") ? "POST" : "GET", headers: proxied });
      expect(response.headers.get("strict-transport-security"), path).toBe("max-age=31536000");
    }
    // Over http, or https claimed by the client before the proxy's own http: none.
    for (const proto of [undefined, "https, http"]) {
      const headers: Record<string, string> = proto ? { "x-forwarded-proto": proto } : {};
      expect((await fetch(`${url}/privacy`, { headers })).headers.get("strict-transport-security")).toBeNull();
    }

    // Auth.js sends the browser to the public address (APP_URL), not to the one the server listens on.
    expect(await signInUrl(url, proxied)).toBe("https://podium.example.org/api/auth/signin/email");
    const link = await fetch(`${url}/api/auth/callback/email?callbackUrl=%2Fbeheer&token=spent&email=a%40voorbeeld.test`, { headers: proxied, redirect: "manual" });
    expect(link.headers.get("location")).toBe("https://podium.example.org/inloggen?error=Verification");
    const signInPost = await fetch(`${url}/api/auth/signin/email`, { method: "POST", headers: proxied, redirect: "manual" });
    expect([signInPost.status, signInPost.headers.get("location")]).toEqual([303, "/inloggen"]);
  });
});
