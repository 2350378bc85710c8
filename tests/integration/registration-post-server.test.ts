// The production server answers registrations itself (server/registration-posts.ts), before Next. Here that
// handler runs on a real HTTP server on loopback, and its answers are compared with what Next's route handler
// gives for the same request: status, body and headers, and what a sign-up leaves in the database.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as registrationsRoute } from "@/app/api/conferences/[slug]/registrations/route";
import { conferenceTag } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { provideSignUpEffects } from "@/lib/registrations/after-sign-up";
import { signUpEffectsInNext } from "@/lib/registrations/after-sign-up-next";
import { emailKey } from "@/lib/text";
import { answerRegistration, registrationPostSlug } from "../../server/registration-posts";
import { createConference, discardTestEmails, emailsTo, type TestConference, uniqueEmail, uniqueSuffix } from "../support/factories";
import { startOwnHandler } from "../support/own-handler";

// Next's cache only exists inside a Next server; the fast path revalidates through the cache handler's own
// table instead, which is checked below.
vi.mock("@/lib/conferences/revalidate", () => ({ revalidateConference: () => {}, revalidateConferenceList: () => {} }));

type Body = { error?: string; status?: string; message?: { nl: string; en: string }; fields?: Record<string, { nl: string; en: string }>; [key: string]: unknown };
type Sent = { body: string; headers: Record<string, string> };
type Answer = { status: number; body: Body; headers: Headers };

const AFTER_SIGN_UP = Symbol.for("podium.afterSignUp");
const CACHE_STORE = Symbol.for("podium.cacheTagRevalidations");

let server: Awaited<ReturnType<typeof startOwnHandler>>;
let base: string;
let conference: TestConference;
let beforeProvided: { slug: string | null; status: number; registrations: number };

/** Each test its own client address, so the rate limit of one test never answers another. */
function clientAddress(): string {
  const n = Number.parseInt(uniqueSuffix().slice(0, 6), 16);
  return `203.0.113.${n % 250}, 10.${(n >> 8) & 255}.${n & 255}.1`;
}

const path = (slug: string) => `/api/conferences/${slug}/registrations`;

function sent(body: unknown, address: string, headers: Record<string, string> = {}): Sent {
  return {
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", "x-forwarded-for": address, ...headers },
  };
}

async function viaServer({ body, headers }: Sent, slug = conference.slug): Promise<Answer> {
  const response = await fetch(`${base}${path(slug)}`, { method: "POST", body, headers });
  return { status: response.status, body: (await response.json()) as Body, headers: response.headers };
}

async function viaNext({ body, headers }: Sent, slug = conference.slug): Promise<Answer> {
  // As it arrives over HTTP: with the length the client declared.
  const request = new Request(`http://podium.test${path(slug)}`, {
    method: "POST",
    body,
    headers: { "content-length": String(Buffer.byteLength(body)), ...headers },
  });
  const response = await registrationsRoute(request, { params: Promise.resolve({ slug }) });
  return { status: response.status, body: (await response.json()) as Body, headers: response.headers };
}

const valid = (overrides: Record<string, unknown> = {}) => ({ name: "Fatima El Idrissi", email: uniqueEmail("snelpad"), privacyConsent: true, ...overrides });

beforeAll(async () => {
  server = await startOwnHandler(registrationPostSlug, answerRegistration);
  base = server.base;
  conference = await createConference();

  // Before instrumentation.ts has provided the follow-up of a sign-up, a registration goes to Next.
  const request = { method: "POST", url: path(conference.slug) } as Parameters<typeof registrationPostSlug>[0];
  const early = await fetch(`${base}${path(conference.slug)}`, { method: "POST", ...sent(valid(), clientAddress()) });
  beforeProvided = {
    slug: registrationPostSlug(request),
    status: early.status,
    registrations: await db.registration.count({ where: { conferenceId: conference.id } }),
  };

  // What instrumentation.ts provides in a real server.
  provideSignUpEffects({ optInToNewsletter: signUpEffectsInNext.optInToNewsletter, kickMailWorker: signUpEffectsInNext.kickMailWorker });
});

afterAll(async () => {
  await server.close();
  // Nothing else in this worker should find the hooks or the cache handler's store this test made.
  const slots = globalThis as unknown as Record<symbol, { stop?: () => Promise<void> } | null | undefined>;
  delete slots[AFTER_SIGN_UP];
  await slots[CACHE_STORE]?.stop?.();
  delete slots[CACHE_STORE];
  await discardTestEmails();
  await db.$disconnect();
});

describe("registrations answered by the production server itself", () => {
  it("leaves registrations to Next until the follow-up of a sign-up has been provided", () => {
    expect(beforeProvided).toEqual({ slug: null, status: 418, registrations: 0 });
  });

  it("registers, renders the confirmation, revalidates the conference's pages, and answers as Next does", async () => {
    const address = clientAddress();
    const body = valid();
    const tag = conferenceTag(conference.slug);
    const startedAt = Date.now();
    const first = await viaServer(sent(body, address));

    expect(first.status).toBe(202);
    expect(first.body.status).toBe("received");
    expect(first.body.message?.nl).toContain(body.email);
    expect(first.body.message?.en).toContain(body.email);
    expect(first.headers.get("content-type")).toBe("application/json");
    expect(first.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("x-frame-options")).toBe("DENY");

    const registrations = await db.registration.findMany({ where: { email: body.email } });
    expect(registrations).toHaveLength(1);
    expect(registrations[0]?.conferenceId).toBe(conference.id);
    const emails = await emailsTo(body.email);
    expect(emails.map((e) => [e.kind, e.status])).toEqual([["registration.confirmed", "PENDING"]]);
    expect(emails[0]?.textBody).toContain(registrations[0]?.ticketCode);

    // Places left are right on the next view, on every instance: revalidated at once (expire: 0).
    const revalidated = await db.cacheTagRevalidation.findUnique({ where: { tag } });
    expect(revalidated?.staleAt.getTime()).toBeGreaterThanOrEqual(startedAt);
    expect(revalidated?.expiredAt.getTime()).toBe(revalidated?.staleAt.getTime());

    // Next answers a new registration (the same address, another conference) with the same body and headers.
    const other = await createConference();
    const next = await viaNext(sent(body, clientAddress()), other.slug);
    expect([next.status, next.body]).toEqual([202, first.body]);
    expect(next.headers.get("content-type")).toBe("application/json");
    expect(next.headers.get("cache-control")).toBe("no-store, no-transform");
  });

  it("makes one registration of a request retried with the same Idempotency-Key", async () => {
    const address = clientAddress();
    const body = valid();
    const request = sent(body, address, { "idempotency-key": `retry-${uniqueSuffix()}` });
    const first = await viaServer(request);
    const again = await viaServer(request);

    expect(first.status).toBe(202);
    expect([again.status, again.body]).toEqual([202, first.body]);
    expect(await db.registration.count({ where: { email: body.email } })).toBe(1);
    // A replay, not an address registered again: its owner gets no second email.
    expect((await emailsTo(body.email)).map((e) => e.kind)).toEqual(["registration.confirmed"]);
  });

  it("answers an address that is already registered as Next does, without anything of that registration, and keeps one", async () => {
    const address = clientAddress();
    const body = valid();
    const first = await viaServer(sent(body, address));
    const again = await viaServer(sent({ ...body, email: body.email.toUpperCase(), name: "Iemand Anders" }, address));
    const same = await viaServer(sent(body, address));

    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ status: "received", registration: { status: "confirmed" } });
    expect(again.status).toBe(202);
    expect({ ...again.body, message: undefined }).toEqual({ status: "alreadyRegistered", message: undefined });
    expect([same.status, { ...same.body, message: undefined }]).toEqual([202, { ...again.body, message: undefined }]);
    expect(await viaNext(sent(body, address))).toMatchObject({ status: 202, body: same.body });
    expect(await db.registration.count({ where: { conferenceId: conference.id, activeEmailKey: emailKey(body.email) } })).toBe(1);
    // The owner of the address learns of the attempt, by email only.
    expect((await emailsTo(body.email)).map((e) => e.kind)).toEqual(["registration.confirmed", "registration.alreadyRegistered"]);
  });

  it("refuses every bad request exactly as Next's route handler does", async () => {
    const address = clientAddress();
    const open = await createConference();
    const closed = await createConference({ registrationClosesAt: new Date(Date.now() - 60_000) });
    const big = JSON.stringify(valid({ dietaryNeeds: "x".repeat(17 * 1024) }));
    const withoutConsent = { name: "Fatima El Idrissi", email: uniqueEmail("snelpad") };
    const cases: Array<[string, Sent, number, string, string?]> = [
      ["not JSON", sent(valid(), address, { "content-type": "text/plain" }), 415, "unsupported_media_type"],
      ["broken JSON", sent('{"name": "Fatima", ', address), 400, "invalid_json"],
      ["an unknown field", sent(valid({ isAdmin: true }), address), 422, "validation_failed"],
      ["no privacy consent", sent(withoutConsent, address), 422, "validation_failed"],
      ["too large", sent(big, address), 413, "payload_too_large"],
      ["a bad Idempotency-Key", sent(valid(), address, { "idempotency-key": "kort" }), 400, "invalid_idempotency_key"],
      ["an unknown conference", sent(valid(), address), 404, "not_found", `onbekend-${uniqueSuffix()}`],
      ["a closed registration", sent(valid(), address), 409, "registration_not_open", closed.slug],
    ];
    for (const [what, request, status, error, slug = open.slug] of cases) {
      const fast = await viaServer(request, slug);
      const next = await viaNext(request, slug);
      expect([fast.status, fast.body.error], what).toEqual([status, error]);
      expect(fast.body.message?.nl, what).toBeTruthy();
      expect(fast.body.message?.en, what).not.toBe(fast.body.message?.nl);
      expect([next.status, next.body], what).toEqual([fast.status, fast.body]);
      expect(fast.headers.get("content-type"), what).toBe("application/json");
      expect(fast.headers.get("cache-control"), what).toBe(next.headers.get("cache-control"));
      expect(fast.headers.get("x-content-type-options"), what).toBe("nosniff");
    }
    const [unknown, consent] = [(await viaServer(cases[2]![1], open.slug)).body, (await viaServer(cases[3]![1], open.slug)).body];
    expect(unknown.fields?.isAdmin).toEqual({ nl: "Onbekend veld.", en: "Unknown field." });
    expect(Object.keys(consent.fields ?? {})).toEqual(["privacyConsent"]);
    expect((await viaServer(cases[7]![1], closed.slug)).body.state).toBe("closed");
    expect(await db.registration.count({ where: { conferenceId: { in: [open.id, closed.id] } } })).toBe(0);
  });

  it("answers a body that grows past 16 KiB as it streams in with 413, and closes that connection", async () => {
    const { status, connection, body } = await new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
      const request = httpRequest(`${base}${path(conference.slug)}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": clientAddress(), "transfer-encoding": "chunked" },
      });
      request.on("response", (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body: text }));
      });
      // Writing may fail once the server has answered and closed: the answer is what counts.
      request.on("error", (error) => (request.writableEnded ? undefined : reject(error)));
      const chunk = "x".repeat(4_096);
      request.write(`{"name":"Fatima","email":"${uniqueEmail("stroom")}","privacyConsent":true,"pad":"`);
      for (let i = 0; i < 5; i++) request.write(chunk);
      request.end(`"}`);
    });
    expect(status).toBe(413);
    expect(connection).toBe("close");
    expect((JSON.parse(body) as Body).error).toBe("payload_too_large");
  });

  it("asks the organiser's newsletter for a double opt-in when the box was ticked", async () => {
    const address = clientAddress();
    const body = valid({ newsletterOptIn: true });
    expect((await viaServer(sent(body, address))).status).toBe(202);

    const subscriber = await db.newsletterSubscriber.findUnique({
      where: { organisationId_emailKey: { organisationId: conference.organisationId, emailKey: emailKey(body.email) } },
    });
    // Not subscribed until the person confirms through the link in its own email.
    expect(subscriber).not.toBeNull();
    expect(subscriber?.confirmedAt).toBeNull();
    const kinds = (await emailsTo(body.email)).map((e) => e.kind);
    expect(kinds).toContain("registration.confirmed");
    expect(kinds.some((k) => k.startsWith("newsletter"))).toBe(true);
  });

  it("leaves every other request to Next", () => {
    const request = (method: string, url: string) => ({ method, url }) as Parameters<typeof registrationPostSlug>[0];
    expect(registrationPostSlug(request("POST", "/api/conferences/rush-2026/registrations?x=1"))).toBe("rush-2026");
    expect(registrationPostSlug(request("GET", "/api/conferences/rush-2026/registrations"))).toBeNull();
    expect(registrationPostSlug(request("POST", "/api/conferences/rush-2026/registrations/extra"))).toBeNull();
    expect(registrationPostSlug(request("POST", "/api/conferences/%E0%A4%A/registrations"))).toBeNull();
  });
});
