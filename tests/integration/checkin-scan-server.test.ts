// The production server answers door scans itself (server/door-scans.ts), before Next. Here that handler
// runs on a real HTTP server on loopback, and every answer is compared with what Next's route handler gives
// for the same request: status, body, and the headers a phone and a browser rely on.
import { randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { registerForConference } from "../support/sign-up";
import { POST as scansRoute } from "@/app/api/checkin/[conferenceSlug]/scans/route";
import { answerScans, scanBatchSlug } from "../../server/door-scans";
import { createConference, discardTestEmails, registrationInput, type TestConference, uniqueEmail } from "../support/factories";
import { startOwnHandler } from "../support/own-handler";
import { addMember, createOrganisation, createSession, createUser } from "../support/organisation-factories";

let server: Awaited<ReturnType<typeof startOwnHandler>>;
let base: string;
let conference: TestConference;
let ticketCode: string;
let hostCookie: string;
let strangerCookie: string;

beforeAll(async () => {
  server = await startOwnHandler(scanBatchSlug, answerScans);
  base = server.base;

  conference = await createConference();
  const host = await createUser("deur-server");
  await addMember(conference.organisationId, host, "HOST");
  hostCookie = `authjs.session-token=${await createSession(host)}`;
  strangerCookie = `authjs.session-token=${await createSession((await createOrganisation()).host)}`;
  const outcome = await registerForConference(conference.slug, registrationInput({ name: "Serverpad Gast", email: uniqueEmail("serverpad") }));
  if (!outcome.ok || !outcome.registrationId) throw new Error("registration failed");
  ({ ticketCode } = await db.registration.findUniqueOrThrow({ where: { id: outcome.registrationId }, select: { ticketCode: true } }));
});

afterAll(async () => {
  await server.close();
  await discardTestEmails();
  await db.$disconnect();
});

type Sent = { body: string; headers: Record<string, string> };

const scanBody = (code: string, nonce = randomUUID()) =>
  JSON.stringify({ scans: [{ nonce, code, method: "QR", scannedAt: new Date().toISOString(), deviceId: "device-server-1" }] });

async function viaServer(sent: Sent, slug = conference.slug) {
  const response = await fetch(`${base}/api/checkin/${slug}/scans`, { method: "POST", body: sent.body, headers: sent.headers });
  return { status: response.status, body: (await response.json()) as unknown, headers: response.headers };
}

async function viaNext(sent: Sent, slug = conference.slug) {
  const request = new Request(`http://podium.test/api/checkin/${slug}/scans`, { method: "POST", body: sent.body, headers: sent.headers });
  const response = await scansRoute(request, { params: Promise.resolve({ conferenceSlug: slug }) });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe("door scans answered by the production server itself", () => {
  it("answers every refusal and bad request exactly as Next's route handler does", async () => {
    const json = { "content-type": "application/json" };
    const cases: Array<[string, Sent, number]> = [
      ["no session", { body: scanBody(ticketCode), headers: json }, 401],
      ["a made-up session", { body: scanBody(ticketCode), headers: { ...json, cookie: `authjs.session-token=${"e".repeat(64)}` } }, 401],
      ["another organisation's host", { body: scanBody(ticketCode), headers: { ...json, cookie: strangerCookie } }, 404],
      ["not JSON", { body: "code=ABC", headers: { "content-type": "application/x-www-form-urlencoded", cookie: hostCookie } }, 415],
      ["broken JSON", { body: "{", headers: { ...json, cookie: hostCookie } }, 400],
      ["an unknown field", { body: JSON.stringify({ scans: [], extra: 1 }), headers: { ...json, cookie: hostCookie } }, 422],
      ["too large", { body: JSON.stringify({ scans: [], pad: "x".repeat(100_000) }), headers: { ...json, cookie: hostCookie } }, 413],
    ];
    for (const [what, sent, status] of cases) {
      const server = await viaServer(sent);
      expect(server.status, what).toBe(status);
      expect(server.body, what).toEqual((await viaNext(sent)).body);
      expect(server.headers.get("x-content-type-options"), what).toBe("nosniff");
      expect(server.headers.get("cache-control"), what).toContain("no-store");
    }
    expect(await db.checkIn.count({ where: { conferenceId: conference.id } })).toBe(0);
  });

  it("records a host's scan once, and both servers answer its resend with the same verdict", async () => {
    const nonce = randomUUID();
    const sent = { body: scanBody(ticketCode, nonce), headers: { "content-type": "application/json", cookie: hostCookie } };
    const first = await viaServer(sent);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/json");
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.body).toMatchObject({ verdicts: [{ kind: "welcome", nonce, attendee: { name: "Serverpad Gast" } }] });
    expect(await viaNext(sent)).toEqual({ status: 200, body: first.body });
    expect(await viaServer(sent)).toMatchObject({ status: 200, body: first.body });
    expect(await db.checkIn.count({ where: { clientNonce: nonce } })).toBe(1);
  });

  it("checks in a registration made online by its id, as a name search sends it, on both servers", async () => {
    // Registrations made through the form and the JSON API have UUIDs; the door once accepted only ids without
    // hyphens and answered every such search pick with 422.
    const made = await registerForConference(conference.slug, registrationInput({ name: "Online Aangemeld", email: uniqueEmail("zoek") }));
    if (!made.ok || !made.registrationId) throw new Error("registration failed");
    expect(made.registrationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    const pick = (nonce: string) => ({
      body: JSON.stringify({ scans: [{ nonce, registrationId: made.registrationId, method: "SEARCH", scannedAt: new Date().toISOString(), deviceId: "device-server-1" }] }),
      headers: { "content-type": "application/json", cookie: hostCookie },
    });
    const viaOwn = await viaServer(pick(randomUUID()));
    expect(viaOwn).toMatchObject({ status: 200, body: { verdicts: [{ kind: "welcome", attendee: { name: "Online Aangemeld" } }] } });
    expect(await viaNext(pick(randomUUID()))).toMatchObject({ status: 200, body: { verdicts: [{ kind: "already", attendee: { name: "Online Aangemeld" } }] } });
    expect(await db.checkIn.count({ where: { registrationId: made.registrationId } })).toBe(2);
  });

  it("answers a body that grows past the limit as it streams in with 413, and closes that connection", async () => {
    const { status, connection } = await new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      const request = httpRequest(`${base}/api/checkin/${conference.slug}/scans`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: hostCookie, "transfer-encoding": "chunked" },
      });
      request.on("response", (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, connection: response.headers.connection });
      });
      // Writing may fail once the server has answered and closed: the answer is what counts.
      request.on("error", (error) => (request.writableEnded ? undefined : reject(error)));
      const chunk = "x".repeat(8_192);
      request.write(`{"scans":[],"pad":"`);
      for (let i = 0; i < 16; i++) request.write(chunk);
      request.end(`"}`);
    });
    expect(status).toBe(413);
    expect(connection).toBe("close");
  });

  it("leaves every other request to Next", () => {
    const request = (method: string, url: string) => ({ method, url }) as Parameters<typeof scanBatchSlug>[0];
    expect(scanBatchSlug(request("POST", "/api/checkin/deur-2026/scans?x=1"))).toBe("deur-2026");
    expect(scanBatchSlug(request("GET", "/api/checkin/deur-2026/scans"))).toBeNull();
    expect(scanBatchSlug(request("POST", "/api/checkin/deur-2026/undo"))).toBeNull();
    expect(scanBatchSlug(request("POST", "/api/checkin/%E0%A4%A/scans"))).toBeNull();
  });
});
