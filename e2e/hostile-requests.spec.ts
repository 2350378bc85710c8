// What a hostile client sends straight at the production server (`npm start`, as the e2e stack runs it):
// NUL bytes in addresses, queries and fields, and bodies too large for where they go. Every answer is a 4xx
// that says what is wrong, never a 500.
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { signInByEmail } from "./support/email-sign-in";
import { expect, test } from "./support/fixtures";

const CONFERENCE = "samen-sterker-in-de-wijk-2027";

test("a NUL in a path segment is refused with 4xx on every kind of route", async ({ request }) => {
  for (const path of [
    "/conferenties/ab%00cd",
    "/en/conferenties/ab%00cd",
    `/conferenties/ab%00cd/aanmelden`,
    "/dossiers/ab%00cd",
    "/sfeerverslagen/ab%00cd",
    "/sprekers/ab%00cd",
    "/aanmelding/ab%00cd",
    "/nieuwsbrief/afmelden/ab%00cd",
    "/beheer/ab%00cd",
    "/checkin/ab%00cd",
    "/api/conferences/ab%00cd/calendar",
    "/api/checkin/ab%00cd/search?q=vries",
    "/api/manage/ab%00cd/calendar",
    "/media/ab%00cd.webp",
  ]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeGreaterThanOrEqual(400);
    expect(response.status(), path).toBeLessThan(500);
  }
  const posted = await request.post("/api/conferences/ab%00cd/registrations", {
    data: { name: "Fatima El Idrissi", email: "fatima@example.org", privacyConsent: true },
  });
  expect(posted.status()).toBeGreaterThanOrEqual(400);
  expect(posted.status()).toBeLessThan(500);
});

test("a NUL in a query is ignored by pages and feeds that cannot use it", async ({ request }) => {
  for (const path of [
    `/conferenties/${CONFERENCE}?x=%00`,
    "/sfeerverslagen?pagina=%00",
    "/inloggen?callbackUrl=%2Fbeheer%00",
    `/api/conferences/${CONFERENCE}/calendar?taal=%00`,
    "/feeds/conferenties.ics?taal=%00",
    "/feeds/sfeerverslagen.xml?x=%00",
  ]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(500);
  }
});

test("a NUL in a field of the registration API gets a field error in both languages", async ({ request }) => {
  const response = await request.post(`/api/conferences/${CONFERENCE}/registrations`, {
    data: { name: "Fatima\u0000El Idrissi", email: `nul-${Date.now()}@example.org`, privacyConsent: true },
  });
  expect(response.status()).toBe(422);
  const body = (await response.json()) as { fields: Record<string, { nl: string; en: string }> };
  expect(body.fields.name?.nl).toContain("nul-teken");
  expect(body.fields.name?.en).toContain("null character");
});

test("a NUL in the door's search gets a field error", async ({ page }) => {
  // An owner works the door of their own organisation's conferences; the Werkplaats's host already signs in as
  // often as the per-address limit allows (5 an hour) in a full run.
  await signInByEmail(page, "eigenaar@drechtsteden.test");
  const response = await page.request.get("/api/checkin/netwerkmiddag-zorg-drechtsteden-2027/search?q=de%00vries");
  expect(response.status()).toBe(422);
  const body = (await response.json()) as { fields: Record<string, { nl: string; en: string }> };
  expect(body.fields.q?.en).toContain("null character");
});

// Bodies larger than their destination takes (issue 12, item 4): answered 413 from the headers, before any of
// the body is read, so a flood of them costs the server nothing. Sent with node:http to control the framing.
type Sent = { status: number; ms: number };

/** `body`: its size in bytes of filler, or the bytes themselves. */
function send(baseURL: string, path: string, body: number | Buffer, headers: Record<string, string>, chunked = false): Promise<Sent> {
  const url = new URL(path, baseURL);
  const bytes = typeof body === "number" ? body : body.length;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: "POST",
        headers: { ...headers, ...(chunked ? {} : { "Content-Length": String(bytes) }) },
      },
      (response) => {
        // The status is what counts: the server may close the connection before the whole body is sent.
        resolve({ status: response.statusCode ?? 0, ms: performance.now() - started });
        response.resume();
      },
    );
    request.on("error", (error) => (request.writableEnded ? undefined : reject(error)));
    const chunk = typeof body === "number" ? Buffer.alloc(Math.min(bytes, 64 * 1024), "a") : body;
    let left = bytes;
    const write = () => {
      while (left > 0) {
        const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= part.length;
        if (!request.write(part)) return void request.once("drain", write);
      }
      request.end();
    };
    request.on("response", () => (left = 0));
    write();
  });
}

/** The id Next gave the sign-in form's action in this build: what the browser sends as Next-Action. */
function signInActionId(): string {
  const manifest = JSON.parse(
    readFileSync(path.join(process.env.PODIUM_DIST_DIR || ".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, a]) => a.filename === "lib/auth/actions.ts" && a.exportedName === "requestSignInLinkAction");
  if (!found) throw new Error("no sign-in action in the build");
  return found[0];
}

test("oversized bodies get 413 (411 without a length), from the headers, on every kind of route", async ({ baseURL }) => {
  const origin = new URL(baseURL ?? "").origin;
  const action = { "Next-Action": signInActionId(), Origin: origin, Accept: "text/x-component", "Content-Type": "multipart/form-data; boundary=x" };
  const form = { Origin: origin, "Content-Type": "multipart/form-data; boundary=x" };

  const flood = await send(origin, "/inloggen", 20 * 1024 * 1024, action);
  expect(flood.status).toBe(413);
  expect(flood.ms).toBeLessThan(5_000);
  expect((await send(origin, "/inloggen", 64 * 1024, action)).status).toBe(413);
  expect((await send(origin, "/inloggen", 64 * 1024, action, true)).status).toBe(411);
  expect((await send(origin, `/conferenties/${CONFERENCE}/aanmelden`, 64 * 1024, form)).status).toBe(413);
  expect((await send(origin, "/nieuwsbrief", 64 * 1024, form)).status).toBe(413);
  // The dashboard's forms take a long report, not a photo.
  expect((await send(origin, "/beheer/werkplaats-sociaal-domein-zhz/sfeerverslagen/nieuw", 1024 * 1024, form)).status).toBe(413);
  // Photos only at /api/uploads, and never more than one photo's worth.
  expect((await send(origin, "/api/uploads", 11 * 1024 * 1024, { Origin: origin, "Content-Type": "application/octet-stream" })).status).toBe(413);
  expect((await send(origin, "/api/uploads", 1024, { Origin: origin, "Content-Type": "application/octet-stream" })).status).toBe(401);
  expect((await send(origin, `/api/conferences/${CONFERENCE}/registrations`, 1024 * 1024, { "Content-Type": "application/json" })).status).toBe(413);
  // What a real form sends still arrives: a sign-in request of a few hundred bytes is answered by its action.
  const field = (name: string, value: string) => `--x\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const signIn = Buffer.from(`${field("0", JSON.stringify([{ status: "idle" }, "$K1"]))}${field("1_email", "geen-adres")}${field("1_locale", "nl")}--x--\r\n`);
  expect((await send(origin, "/inloggen", signIn, action)).status).toBe(200);
});
