// The Content-Security-Policy of every page (lib/security-headers.js, sent by server/page-policy.ts):
// public pages stay cached and are allowed their scripts by hash, pages rendered per request by nonce, and in
// Chromium no page reports a violation (the fixtures watch every page of every spec for that; the door's
// camera is e2e/checkin-camera.spec.ts). HSTS is in e2e/deployment.spec.ts, with a trusted proxy.
import { request as httpRequest } from "node:http";
import { DOOR_SLUG } from "./support/door";
import { signInByEmail } from "./support/email-sign-in";
import { expect, test } from "./support/fixtures";

const PUBLIC_PAGES = [
  "/",
  "/en",
  "/conferenties/samen-sterker-in-de-wijk-2027",
  "/en/conferenties/doe-leer-en-inspireer-2017",
  "/sfeerverslagen/sfeerverslag-doe-leer-en-inspireer-2017",
  "/sprekers/patricia-van-aaken",
  "/dossiers",
  "/dossiers/sociale-vraagstukken",
  "/privacy",
  "/nieuwsbrief",
];

type Directives = Map<string, string[]>;

function directives(policy: string | null): Directives {
  expect(policy, "a Content-Security-Policy header").toBeTruthy();
  return new Map(
    policy!
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name = "", ...values]) => [name, values]),
  );
}

/** What every page's policy says, whatever allows its scripts. */
function expectStrictPolicy(policy: Directives, baseURL: string): void {
  const scripts = policy.get("script-src") ?? [];
  expect(scripts).toContain("'self'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(policy.get("default-src")).toEqual(["'self'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'none'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("form-action")).toEqual(["'self'", new URL(baseURL).origin]);
  expect(policy.get("style-src")).toEqual(["'self'"]);
}

test("public pages stay cached, and their policy allows their scripts by hash", async ({ page, baseURL }) => {
  for (const path of PUBLIC_PAGES) {
    await fetch(`${baseURL}${path}`); // rendered once, then from the cache
    // As a browser whose language is not the page's asks for it.
    const response = await fetch(`${baseURL}${path}`, { headers: { "accept-encoding": "gzip", "accept-language": "de-DE,de;q=0.9,en;q=0.5" } });
    // From the cache: HIT, or STALE while it is rendered again in the background.
    expect([path, response.status, response.headers.get("x-nextjs-cache")]).toEqual([path, 200, expect.stringMatching(/^(HIT|STALE)$/)]);
    expect(response.headers.get("cache-control"), path).toMatch(/s-maxage=\d+/);
    // A shared cache (a reverse proxy, a CDN) does not store an answer that sets a cookie.
    expect(response.headers.get("set-cookie"), path).toBeNull();
    expect(response.headers.get("content-encoding"), path).toBe("gzip");
    const policy = directives(response.headers.get("content-security-policy"));
    expectStrictPolicy(policy, baseURL!);
    const hashes = (policy.get("script-src") ?? []).filter((s) => s.startsWith("'sha256-"));
    expect(hashes.length, path).toBeGreaterThan(0);
    expect((policy.get("script-src") ?? []).some((s) => s.startsWith("'nonce-")), path).toBe(false);

    // In Chromium (the fixtures fail the test on any violation).
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", path.startsWith("/en") ? "en" : "nl");
  }
  // A client-side navigation, without loading a new document, needs the page's inline scripts to have run.
  await page.goto("/privacy");
  await page.evaluate(() => Object.assign(window, { stillHere: true }));
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Sfeerverslagen" }).click();
  await expect(page).toHaveURL(/\/sfeerverslagen$/);
  expect(await page.evaluate(() => "stillHere" in window)).toBe(true);
});

/** GET with exactly these headers (fetch() would add Cache-Control: no-cache to a conditional request). */
function get(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, headers: response.headers });
    })
      .on("error", reject)
      .end();
  });
}

test("a 304 carries no policy, so the browser keeps the one it stored with the page", async ({ page, baseURL }) => {
  const first = await get(`${baseURL}/privacy`, {});
  const etag = String(first.headers.etag ?? "");
  expect(etag).toBeTruthy();
  const again = await get(`${baseURL}/privacy`, { "if-none-match": etag });
  expect(again.status).toBe(304);
  expect(again.headers["content-security-policy"]).toBeUndefined();

  // A reload revalidates the page (If-None-Match, 304): it still runs under the policy stored with it.
  const conditional: boolean[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document") void request.allHeaders().then((headers) => conditional.push("if-none-match" in headers));
  });
  await page.goto("/privacy");
  await page.reload();
  await expect.poll(() => conditional).toEqual([false, true]);
  await page.evaluate(() => Object.assign(window, { stillHere: true }));
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Sfeerverslagen" }).click();
  await expect(page).toHaveURL(/\/sfeerverslagen$/);
  expect(await page.evaluate(() => "stillHere" in window)).toBe(true);
});

test("pages rendered per request get a fresh nonce: the dashboard, the door (its search working), forms", async ({ page, baseURL }) => {
  // One sign-in: the e2e specs together come close to the five sign-in links an address may ask for an hour.
  await signInByEmail(page, "organisator@podium.test");
  await page.waitForURL((url) => !url.pathname.startsWith("/inloggen"));
  // The list of reports and the sign-in page read their query, and so are rendered per request too.
  const paths = ["/beheer/werkplaats-sociaal-domein-zhz", "/beheer/werkplaats-sociaal-domein-zhz/sprekers", `/checkin/${DOOR_SLUG}`, "/sfeerverslagen", "/inloggen"];
  const nonces = new Set<string>();
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expect(response?.headers()["cache-control"], path).toMatch(/no-store/);
    const policy = directives(response?.headers()["content-security-policy"] ?? null);
    expectStrictPolicy(policy, baseURL!);
    const nonce = (policy.get("script-src") ?? []).find((s) => s.startsWith("'nonce-"));
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce!);
    // Next put that nonce on its scripts (the browser hides the attribute but keeps the property).
    const onScripts = await page.evaluate(() => [...document.scripts].map((s) => s.nonce));
    expect(new Set(onScripts), path).toEqual(new Set([nonce!.slice("'nonce-".length, -1)]));
    if (path.startsWith("/checkin/")) {
      await page.getByLabel("Zoek op naam of organisatie").fill("dekker");
      await expect(page.getByRole("button", { name: /^Inge Dekker/ })).toBeVisible();
    }
  }
  expect(nonces.size).toBe(paths.length);
});
