// The production topology of deploy/, run for real: Debian's nginx with deploy/nginx/podium.conf (rendered by
// scripts/lib/nginx.ts: only its ports and cache folder substituted, TLS as plain HTTP on loopback) in front of
// two `npm start` instances, each on its own copy of the build, and one PostgreSQL of this spec's own, with a
// conference of its own. Everything goes through nginx as a visitor's request would, except where a test says
// it goes to one instance directly.
import { createHash } from "node:crypto";
import http from "node:http";
import type { Page } from "@playwright/test";
import pg from "pg";
import { expect, test } from "./support/fixtures";
import { PORTS } from "../scripts/lib/ports";
import { startNginx, type RunningNginx } from "../scripts/lib/nginx";
import { createProxyConference, createProxyOrganiser, type ProxyConference } from "../scripts/lib/proxy-conference";
import { startSmtpSink, type SmtpSink } from "../tests/support/smtp";
import { copyBuild, startApp, startPostgres, type OwnProcess } from "./support/own-server";

// "localhost", not 127.0.0.1: Next turns a loopback address in APP_URL into "localhost" (server/serve.ts says
// where), so Auth.js would send the browser from 127.0.0.1 to localhost after signing in, another origin.
const proxy = `http://localhost:${PORTS.proxyNginx}`;
const apps = PORTS.proxyApps.map((port) => `http://127.0.0.1:${port}`) as [string, string];

let postgres: (OwnProcess & { url: string }) | undefined;
let smtp: SmtpSink | undefined;
let nginx: RunningNginx | undefined;
const builds: ReturnType<typeof copyBuild>[] = [];
const instances: Awaited<ReturnType<typeof startApp>>[] = [];
let conference: ProxyConference;

test.describe.configure({ mode: "serial", timeout: 90_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  postgres = await startPostgres(".data/proxy-pg", PORTS.proxyDatabase, "podium_proxy");
  conference = await createProxyConference(postgres.url);
  smtp = await startSmtpSink({ port: PORTS.proxySmtp });
  for (const index of [1, 2]) builds.push(copyBuild(`proxy-build-${index}`));
  const started = await Promise.all(
    apps.map((url, index) =>
      startApp(url, {
        DATABASE_URL: postgres!.url,
        PODIUM_DIST_DIR: builds[index]!.distDir,
        PORT: new URL(url).port,
        HOSTNAME: "127.0.0.1",
        // Links in emails point at nginx, as APP_URL does at the public address in production.
        APP_URL: proxy,
        TRUSTED_PROXY_HOPS: "1",
        SMTP_URL: smtp!.url,
        // Every sign-up here comes from this machine; the limit itself is proven by the integration tests.
        RATE_LIMIT_REGISTRATIONS: "1000",
      }),
    ),
  );
  instances.push(...started);
  nginx = await startNginx({ apps: PORTS.proxyApps, listen: PORTS.proxyNginx, redirect: PORTS.proxyRedirect });
});

test.afterAll(async () => {
  await nginx?.stop();
  for (const instance of instances) await instance.stop();
  await smtp?.close();
  await postgres?.stop();
  for (const build of builds) build.remove();
});

interface SignUp {
  email: string;
  key: string;
}

function signUp(base: string, person: SignUp, name = "Deelnemer Proxy"): Promise<Response> {
  return fetch(`${base}/api/conferences/${conference.slug}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": person.key },
    body: JSON.stringify({ name, email: person.email, privacyConsent: true }),
  });
}

/** The conference page through nginx: its places left and how nginx answered. */
async function conferencePage(headers: Record<string, string> = {}): Promise<{ placesLeft: number; cache: string | null }> {
  const response = await fetch(`${proxy}/conferenties/${conference.slug}`, { headers });
  expect(response.status).toBe(200);
  const html = await response.text();
  const places = /nog (\d+) plaatsen/.exec(html)?.[1];
  if (places === undefined) throw new Error("the conference page shows no places left");
  return { placesLeft: Number(places), cache: response.headers.get("x-cache-status") };
}

async function storedEmails(): Promise<string[]> {
  const client = new pg.Client({ connectionString: postgres!.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ email: string }>(
      `SELECT lower(r.email) AS email FROM registrations r JOIN conferences c ON c.id = r.conference_id
        WHERE c.slug = $1 AND r.status <> 'CANCELLED'`,
      [conference.slug],
    );
    return rows.map((row) => row.email);
  } finally {
    await client.end();
  }
}

test("public pages come from nginx's cache for anonymous readers, never for a signed-in request or a manage link", async () => {
  // Anonymous: after the first reader, nginx answers from its cache.
  await expect.poll(async () => (await conferencePage()).cache, { timeout: 10_000, intervals: [200] }).toBe("HIT");

  // The app gzips its pages and says Vary: Accept-Encoding: a cached gzipped copy never goes to a client that
  // did not ask for it, and the other way round.
  for (const encoding of ["identity", "gzip"]) {
    await expect
      .poll(async () => (await fetch(`${proxy}/conferenties/${conference.slug}`, { headers: { "accept-encoding": encoding } })).headers.get("x-cache-status"), {
        timeout: 10_000,
        intervals: [200],
      })
      .toBe("HIT");
    const response = await fetch(`${proxy}/conferenties/${conference.slug}`, { headers: { "accept-encoding": encoding } });
    expect([encoding, response.headers.get("content-encoding")]).toEqual([encoding, encoding === "gzip" ? "gzip" : null]);
    expect(await response.text()).toContain(conference.title);
  }

  // The same page with Auth.js's session cookie goes to an instance every time, and is not stored.
  for (const cookie of ["authjs.session-token=proxy-test", "__Secure-authjs.session-token=proxy-test"]) {
    expect((await conferencePage({ cookie })).cache).toBe("BYPASS");
  }

  // Two attendees, each with the manage link from their email: each sees their own registration, never the
  // other's, and nginx never answers a manage link from its cache (it does not even look).
  const people = [
    { name: "Anneke Proxyvrouw", email: `anneke-${conference.slug}@proxy.example`, key: `anneke-${conference.slug}` },
    { name: "Bram Proxyman", email: `bram-${conference.slug}@proxy.example`, key: `bram-${conference.slug}` },
  ];
  const links: string[] = [];
  for (const person of people) {
    expect((await signUp(proxy, person, person.name)).status).toBe(202);
    const mail = await smtp!.waitForMessage((m) => m.envelopeTo.includes(person.email), 15_000);
    const link = /(https?:\/\/\S+\/aanmelding\/[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    if (!link) throw new Error(`no manage link in:\n${mail.text}`);
    expect(link.startsWith(`${proxy}/aanmelding/`)).toBe(true);
    links.push(link);
  }
  for (let round = 0; round < 3; round++) {
    for (const [index, link] of links.entries()) {
      const response = await fetch(link);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-cache-status")).toBeNull();
      const html = await response.text();
      expect(html).toContain(people[index]!.name);
      expect(html).not.toContain(people[1 - index]!.name);
    }
  }

  // The dashboard, the door, sign-in and the APIs: passed on, never looked up in the cache.
  for (const path of ["/beheer", "/en/beheer", "/inloggen", `/checkin/${conference.slug}`, "/api/health", `/aanmelding/${"x".repeat(43)}`]) {
    const response = await fetch(`${proxy}${path}`, { redirect: "manual" });
    expect([path, response.headers.get("x-cache-status")]).toEqual([path, null]);
  }
});

/** Signs in through nginx as a person does: the form, the email in this spec's sink, the link, the button. */
async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${proxy}/inloggen`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page.getByRole("heading", { name: "Check je e-mail" })).toBeVisible();
  const mail = await smtp!.waitForMessage((m) => m.envelopeTo.includes(email), 15_000);
  const link = /(https?:\/\/\S+\/inloggen\/bevestigen\?\S+)/.exec(mail.text)?.[1];
  if (!link) throw new Error(`no sign-in link in:\n${mail.text}`);
  await page.goto(link);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/inloggen"));
}

test("two organisers signed in through nginx each see their own dashboard, never from the cache", async ({ page, browser }) => {
  const organisers = [
    await createProxyOrganiser(postgres!.url, "Olga Eigenaar"),
    await createProxyOrganiser(postgres!.url, "Otto Eigenaar"),
  ];
  const other = await browser.newContext();
  try {
    const pages = [page, await other.newPage()];
    for (const [index, organiser] of organisers.entries()) await signIn(pages[index]!, organiser.email);
    for (let round = 0; round < 2; round++) {
      for (const [index, organiser] of organisers.entries()) {
        const signedIn = pages[index]!;
        const response = await signedIn.goto(`${proxy}/beheer`);
        expect(response?.status()).toBe(200);
        expect(await response?.headerValue("x-cache-status")).toBeNull();
        await expect(signedIn.getByText(organiser.organisationName).first()).toBeVisible();
        await expect(signedIn.getByText(organisers[1 - index]!.organisationName)).toHaveCount(0);
        // A public page with the real session cookie: passed on to an instance, not stored.
        const publicPage = await signedIn.request.get(`${proxy}/conferenties/${conference.slug}`);
        expect(publicPage.headers()["x-cache-status"]).toBe("BYPASS");
      }
    }
  } finally {
    await other.close();
  }
});

test("a change made through one instance shows through nginx within 3 seconds", async () => {
  // The page is in nginx's cache.
  await expect.poll(async () => (await conferencePage()).cache, { timeout: 10_000, intervals: [200] }).toBe("HIT");
  const before = (await conferencePage()).placesLeft;

  // A sign-up sent to instance 1 itself, not through nginx: one place fewer. Instance 1 expires the page at
  // once, instance 2 within about a second (lib/cache/), nginx's copy within 2 s (proxy_cache_valid).
  const response = await signUp(apps[0], { email: `direct-${conference.slug}@proxy.example`, key: `direct-${conference.slug}` });
  expect(response.status).toBe(202);
  // The bound is the promise (3 s) and one second for a busy 2-core machine to answer the polls themselves.
  await expect
    .poll(async () => (await conferencePage()).placesLeft, { timeout: 3_000 + 1_000, intervals: [100] })
    .toBe(before - 1);
});

test("nginx redirects http to https, and takes large bodies only on the upload routes", async () => {
  const redirect = await fetch(`http://localhost:${PORTS.proxyRedirect}/conferenties/${conference.slug}?taal=en`, { redirect: "manual" });
  expect(redirect.status).toBe(301);
  expect(redirect.headers.get("location")).toBe(`https://localhost/conferenties/${conference.slug}?taal=en`);

  const body = new Uint8Array(600 * 1024);
  // A page and an API refuse 600 KB at nginx (its own 413 page), before an instance reads a byte...
  for (const path of [`/conferenties/${conference.slug}/aanmelden`, `/api/conferences/${conference.slug}/registrations`]) {
    const refused = await fetch(`${proxy}${path}`, { method: "POST", body, headers: { "content-type": "application/octet-stream" } });
    expect([path, refused.status]).toEqual([path, 413]);
    expect(await refused.text()).toContain("nginx");
  }
  // ...while the photo route passes it on, to the app, which asks who is sending (no one signed in here).
  const upload = await fetch(`${proxy}/api/uploads`, { method: "POST", body, headers: { "content-type": "application/octet-stream" } });
  expect(upload.status).not.toBe(413);
  expect(await upload.text()).not.toContain("nginx");
});

/** A sign-up sent to nginx from the loopback address `from`, claiming in X-Forwarded-For to come from elsewhere. */
function signUpFrom(from: string, claimed: string, person: SignUp): Promise<number> {
  const body = JSON.stringify({ name: "Deelnemer Adres", email: person.email, privacyConsent: true });
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: PORTS.proxyNginx,
        localAddress: from,
        method: "POST",
        path: `/api/conferences/${conference.slug}/registrations`,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "idempotency-key": person.key, "x-forwarded-for": claimed },
      },
      (response) => {
        response.resume();
        response.once("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.once("error", reject);
    request.end(body);
  });
}

test("the instances count a sign-up against the address the client connected to nginx from, not what it claims", async () => {
  // The client connects from 127.0.0.2; nginx reaches the instances from 127.0.0.1. The rate limit's bucket
  // (lib/rate-limit/rate-limit.ts rateLimitKey: a hash of the client, never the client) shows which one counted.
  const bucket = (client: string) => `registration:${createHash("sha256").update(client).digest("hex").slice(0, 32)}`;
  const person = { email: `adres-${conference.slug}@proxy.example`, key: `adres-${conference.slug}` };
  const keys = { connected: bucket("127.0.0.2"), claimed: bucket("203.0.113.9"), nginx: bucket("127.0.0.1") };
  const counts = async (): Promise<Record<keyof typeof keys, number>> => {
    const client = new pg.Client({ connectionString: postgres!.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ key: string; count: number }>("SELECT key, count FROM rate_limit_buckets WHERE key = ANY($1)", [Object.values(keys)]);
      const of = (key: string) => rows.filter((row) => row.key === key).reduce((sum, row) => sum + row.count, 0);
      return { connected: of(keys.connected), claimed: of(keys.claimed), nginx: of(keys.nginx) };
    } finally {
      await client.end();
    }
  };
  const before = await counts();
  expect(await signUpFrom("127.0.0.2", "203.0.113.9", person)).toBe(202);
  expect(await counts()).toEqual({ ...before, connected: before.connected + 1 });
});

test("an instance killed mid-load loses no sign-up: every accepted one is stored, and a refused one can be sent again", async () => {
  const total = 120;
  const concurrency = 8;
  const people: SignUp[] = Array.from({ length: total }, (_, index) => ({
    email: `rush-${index}-${conference.slug}@proxy.example`,
    key: `rush-${index}-${conference.slug}`,
  }));
  const statuses: number[] = new Array<number>(total).fill(0);
  let next = 0;
  let answered = 0;
  let answeredAfterCrash = 0;
  let crashed = false;
  const worker = async () => {
    while (next < total) {
      const index = next++;
      // 0: the connection closed without a whole answer (the instance died after nginx had passed on the
      // answer's head): to the client the same as a 502, it does not know whether it was stored. The reset can
      // come while the request is sent or while its body is read (CI once saw the latter), so both count.
      statuses[index] = await signUp(proxy, people[index]!)
        .then(async (response) => (await response.arrayBuffer(), response.status))
        .catch(() => 0);
      answered++;
      if (crashed) answeredAfterCrash++;
      // A quarter of the way in, instance 2 dies with requests in flight.
      if (!crashed && answered >= total / 4) {
        crashed = true;
        instances[1]!.crash();
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  expect(crashed).toBe(true);
  expect(answeredAfterCrash).toBeGreaterThan(total / 2);

  // Accepted, or no answer for a sign-up that was sent to the instance as it died: a 502, or the connection
  // closed (0). nginx does not send a POST to the other instance once it was sent: it may have been stored.
  const counts = new Map<number, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  console.log(`sign-ups through nginx while instance 2 was killed (0: connection closed): ${JSON.stringify(Object.fromEntries(counts))}`);
  expect([...counts.keys()].filter((status) => status !== 202 && status !== 502 && status !== 0)).toEqual([]);

  // Every accepted sign-up is in PostgreSQL.
  const stored = new Set(await storedEmails());
  const accepted = people.filter((_, index) => statuses[index] === 202);
  expect(accepted.filter((person) => !stored.has(person.email))).toEqual([]);

  // Each of those is sent again with the same Idempotency-Key, as a client does: accepted by the instance that lives,
  // and afterwards everyone is stored exactly once.
  for (const [index, person] of people.entries()) {
    if (statuses[index] !== 202) expect((await signUp(proxy, person)).status).toBe(202);
  }
  const after = await storedEmails();
  const rush = after.filter((email) => email.startsWith("rush-"));
  expect(rush.length).toBe(total);
  expect(new Set(rush).size).toBe(total);
});
