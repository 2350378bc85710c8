// Issue 17, items 2 and 5: the REST API over real HTTP (the route handlers on a loopback server), against the
// real database. Each answer is checked against the OpenAPI document the API serves, which is itself checked by
// an OpenAPI 3.1 validator, so the document and the answers cannot drift apart unseen.
import { randomUUID } from "node:crypto";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { recordScan } from "@/lib/checkin/scan";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { placesOf } from "@/lib/places/queries";
import { rateLimitKey } from "@/lib/rate-limit/rate-limit";
import { makeToken, startApi } from "../support/api-v1";
import { createConference, discardTestEmails, registrationInput, round, session, uniqueEmail, type TestConference } from "../support/factories";
import { addMember, createUser } from "../support/organisation-factories";
import { registerForConference } from "../support/sign-up";

vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null }));
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), revalidateTag: vi.fn(), refresh: vi.fn() }));

type Json = Record<string, unknown>;
type Document = { paths: Record<string, Record<string, { responses: Record<string, { content?: { "application/json": { schema: unknown } } }> }>>; components: { schemas: Record<string, unknown> } };

let api: { base: string; close: () => Promise<void> };
let document: Document;
let ajv: Ajv2020;
let owner: CurrentUser;
let conference: TestConference;
let write: { id: string; secret: string };

async function request(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  const token = options.token ?? write.secret;
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${api.base}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as Json };
}

/** The answer fits what the document says this operation answers with this status. */
function expectDocumented(method: string, template: string, answer: { status: number; body: Json }) {
  const operation = document.paths[template]?.[method.toLowerCase()];
  expect(operation, `${method} ${template} is documented`).toBeDefined();
  const documented = operation?.responses[String(answer.status)];
  expect(documented, `${method} ${template} documents ${answer.status}`).toBeDefined();
  const schema = documented?.content?.["application/json"].schema;
  if (!schema) return;
  const validate = ajv.compile({ ...(schema as object), $defs: undefined });
  const ok = validate(answer.body);
  expect(validate.errors ?? [], `${method} ${template} ${answer.status} fits its schema`).toEqual([]);
  expect(ok).toBe(true);
}

async function signUp(target: TestConference, extra: Parameters<typeof registrationInput>[0] = {}) {
  const outcome = await registerForConference(target.slug, registrationInput({ email: uniqueEmail("api"), ...extra }));
  if (!outcome.ok || !outcome.registrationId) throw new Error("sign-up refused");
  return outcome.registrationId;
}

beforeAll(async () => {
  api = await startApi();
  conference = await createConference({ capacity: 3, rounds: [[1, 5]] });
  owner = await createUser("eigenaar");
  await addMember(conference.organisationId, owner, "OWNER");
  write = await makeToken(owner, conference.organisationId, "READ_WRITE");
  const served = await fetch(`${api.base}/api/v1/openapi.json`);
  document = (await served.json()) as Document;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  for (const [name, schema] of Object.entries(document.components.schemas)) ajv.addSchema(schema as object, `#/components/schemas/${name}`);
});

afterAll(async () => {
  await api.close();
  await discardTestEmails();
  await db.$disconnect();
});

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 and describes every route with its errors", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(Object.keys(document.paths).sort()).toEqual([
      "/conferences",
      "/conferences/{id}",
      "/conferences/{id}/check-ins",
      "/conferences/{id}/registrations",
      "/registrations/{id}",
      "/registrations/{id}/cancel",
      "/registrations/{id}/workshops",
      "/reports",
      "/speakers",
      "/venues",
    ]);
    // The request body is the dashboard's own schema: the fields a person gives, and the privacy consent.
    const create = document.paths["/conferences/{id}/registrations"]?.post as unknown as { requestBody: { content: { "application/json": { schema: { required: string[] } } } } };
    expect(create.requestBody.content["application/json"].schema.required).toEqual(expect.arrayContaining(["name", "email", "privacyConsent"]));
  });
});

describe("conferences", () => {
  it("lists the organisation's conferences and shows one whole, with the places lib/places counts", async () => {
    await signUp(conference, { workshops: { [round(conference, 0).id]: session(conference, 0, 0).id } });
    const list = await request("GET", "/api/v1/conferences");
    expect(list.status).toBe(200);
    expectDocumented("GET", "/conferences", list);
    expect((list.body.data as Json[]).map((c) => c.id)).toEqual([conference.id]);

    const one = await request("GET", `/api/v1/conferences/${conference.id}`);
    expect(one.status).toBe(200);
    expectDocumented("GET", "/conferences/{id}", one);
    const places = await placesOf(conference.id);
    expect(one.body.places).toEqual({ capacity: 3, confirmed: places?.confirmed, waitlisted: 0, left: places?.left, state: "open" });
    expect(places?.left).toBe(2);
    expect((one.body.venue as Json).name).toBe("Theater De Test");
    const [firstRound] = one.body.rounds as Array<{ workshops: Json[] }>;
    expect(firstRound?.workshops.map((w) => [w.capacity, w.confirmed, w.left])).toEqual([
      [1, 1, 0],
      [5, 0, 5],
    ]);
    expect((one.body.programme as Json[]).length).toBe(2);
  });

  it("answers 304 to a client that has the current version, and 200 once something changed", async () => {
    const first = await request("GET", `/api/v1/conferences/${conference.id}`);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await request("GET", `/api/v1/conferences/${conference.id}`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    await signUp(conference);
    const changed = await request("GET", `/api/v1/conferences/${conference.id}`, { headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });
});

describe("registrations", () => {
  it("adds someone as the dashboard does: a place, then the waiting list once full, audited under the token's name", async () => {
    const target = await createConference({ capacity: 1, rounds: [[10]] });
    await addMember(target.organisationId, owner, "OWNER");
    const token = await makeToken(owner, target.organisationId, "READ_WRITE");
    const body = { name: "Sanne Verbeek", email: uniqueEmail("api"), privacyConsent: true, workshops: { [round(target, 0).id]: session(target, 0, 0).id } };
    const created = await request("POST", `/api/v1/conferences/${target.id}/registrations`, { token: token.secret, body });
    expect(created.status).toBe(201);
    expectDocumented("POST", "/conferences/{id}/registrations", created);
    expect(created.body).toMatchObject({ name: "Sanne Verbeek", status: "confirmed", workshops: [{ sessionId: session(target, 0, 0).id, status: "confirmed" }] });
    const second = await request("POST", `/api/v1/conferences/${target.id}/registrations`, {
      token: token.secret,
      body: { name: "Joost Bakker", email: uniqueEmail("api"), privacyConsent: true, waitForFullWorkshops: true },
    });
    expect(second.status).toBe(201);
    expect(second.body.status).toBe("waitlisted");
    const again = await request("POST", `/api/v1/conferences/${target.id}/registrations`, { token: token.secret, body });
    expect(again.status).toBe(409);
    expectDocumented("POST", "/conferences/{id}/registrations", again);
    expect(again.body.error).toBe("already_registered");

    const audit = await db.auditLogEntry.findFirstOrThrow({ where: { organisationId: target.organisationId, action: "registration.added", entityId: created.body.id as string } });
    expect(audit.actorUserId).toBeNull();
    expect(audit.details).toMatchObject({ apiToken: "Koppeling READ_WRITE", apiTokenId: token.id });
    // Every use is recorded, with the token's last use.
    expect(await db.auditLogEntry.count({ where: { organisationId: target.organisationId, action: "api_token.used", entityId: token.id } })).toBe(3);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).not.toBeNull();
  });

  it("answers 422 naming each wrong field by its path, and changes nothing", async () => {
    const before = await db.registration.count({ where: { conferenceId: conference.id } });
    const bad = await request("POST", `/api/v1/conferences/${conference.id}/registrations`, {
      body: { name: "A", email: "geen-adres", privacyConsent: false, workshops: { [round(conference, 0).id]: 12 } },
    });
    expect(bad.status).toBe(422);
    expectDocumented("POST", "/conferences/{id}/registrations", bad);
    expect(Object.keys(bad.body.fields as Json).sort()).toEqual(["email", "name", "privacyConsent", `workshops.${round(conference, 0).id}`].sort());
    expect((bad.body.fields as Record<string, Json>).email).toEqual({ nl: expect.stringContaining("e-mailadres"), en: expect.stringContaining("email") });
    expect(await db.registration.count({ where: { conferenceId: conference.id } })).toBe(before);

    const registrationId = await signUp(conference);
    const move = await request("PUT", `/api/v1/registrations/${registrationId}/workshops`, { body: { workshops: "r1" } });
    expect(move.status).toBe(422);
    expectDocumented("PUT", "/registrations/{id}/workshops", move);
    expect(Object.keys(move.body.fields as Json)).toEqual(["workshops"]);

    for (const query of ["limit=0", "limit=abc", "cursor=nonsense", "modified_since=gisteren", "status=pending"]) {
      const list = await request("GET", `/api/v1/conferences/${conference.id}/registrations?${query}`);
      expect(list.status, query).toBe(422);
      expectDocumented("GET", "/conferences/{id}/registrations", list);
      expect(Object.keys(list.body.fields as Json), query).toEqual([query.split("=")[0]]);
    }
  });

  it("shows one, filters by status and modified_since, cancels (promoting who waited) and moves workshops within capacity", async () => {
    const target = await createConference({ capacity: 1, rounds: [[1, 1]] });
    await addMember(target.organisationId, owner, "OWNER");
    const token = await makeToken(owner, target.organisationId, "READ_WRITE");
    const first = await signUp(target, { workshops: { [round(target, 0).id]: session(target, 0, 0).id } });
    const waiting = await signUp(target);
    const one = await request("GET", `/api/v1/registrations/${first}`, { token: token.secret });
    expect(one.status).toBe(200);
    expectDocumented("GET", "/registrations/{id}", one);
    expect(one.body).toMatchObject({ id: first, status: "confirmed", checkedIn: false });

    const waitlisted = await request("GET", `/api/v1/conferences/${target.id}/registrations?status=waitlisted`, { token: token.secret });
    expectDocumented("GET", "/conferences/{id}/registrations", waitlisted);
    expect((waitlisted.body.data as Json[]).map((r) => r.id)).toEqual([waiting]);

    const since = new Date();
    const moved = await request("PUT", `/api/v1/registrations/${first}/workshops`, { token: token.secret, body: { workshops: { [round(target, 0).id]: session(target, 0, 1).id } } });
    expect(moved.status).toBe(200);
    expectDocumented("PUT", "/registrations/{id}/workshops", moved);
    expect(moved.body.workshops).toEqual([{ roundId: round(target, 0).id, sessionId: session(target, 0, 1).id, status: "confirmed" }]);
    const recent = await request("GET", `/api/v1/conferences/${target.id}/registrations?modified_since=${encodeURIComponent(since.toISOString())}`, { token: token.secret });
    expect((recent.body.data as Json[]).map((r) => r.id)).toEqual([first]);

    const cancelled = await request("POST", `/api/v1/registrations/${first}/cancel`, { token: token.secret });
    expect(cancelled.status).toBe(200);
    expectDocumented("POST", "/registrations/{id}/cancel", cancelled);
    expect(cancelled.body).toMatchObject({ registration: { id: first, status: "cancelled" }, promoted: 1 });
    expect((await db.registration.findUniqueOrThrow({ where: { id: waiting } })).status).toBe("CONFIRMED");
    const twice = await request("POST", `/api/v1/registrations/${first}/cancel`, { token: token.secret });
    expect(twice.status).toBe(409);
    expectDocumented("POST", "/registrations/{id}/cancel", twice);
    const missing = await request("GET", `/api/v1/registrations/${randomUUID()}`, { token: token.secret });
    expect(missing.status).toBe(404);
    expectDocumented("GET", "/registrations/{id}", missing);
  });

  it("makes one registration for one Idempotency-Key, answers the same again, and refuses the key for another body", async () => {
    const body = { name: "Mehmet Yilmaz", email: uniqueEmail("api"), privacyConsent: true };
    const key = `sleutel-${randomUUID()}`;
    const first = await request("POST", `/api/v1/conferences/${conference.id}/registrations`, { body, headers: { "idempotency-key": key } });
    const second = await request("POST", `/api/v1/conferences/${conference.id}/registrations`, { body, headers: { "idempotency-key": key } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.registration.count({ where: { conferenceId: conference.id, email: body.email } })).toBe(1);
    expect(await db.auditLogEntry.count({ where: { action: "registration.added", entityId: first.body.id as string } })).toBe(1);
    const other = await request("POST", `/api/v1/conferences/${conference.id}/registrations`, { body: { ...body, name: "Iemand Anders" }, headers: { "idempotency-key": key } });
    expect(other.status).toBe(422);
    expect(other.body.error).toBe("idempotency_key_reused");
    const invalid = await request("POST", `/api/v1/conferences/${conference.id}/registrations`, { body, headers: { "idempotency-key": "kort" } });
    expect(invalid.status).toBe(400);
  });

  it("answers two requests with one Idempotency-Key at the same moment with one registration", async () => {
    const body = { name: "Noor Jansen", email: uniqueEmail("api"), privacyConsent: true };
    const key = `tegelijk-${randomUUID()}`;
    const answers = await Promise.all([0, 1, 2].map(() => request("POST", `/api/v1/conferences/${conference.id}/registrations`, { body, headers: { "idempotency-key": key } })));
    // One does the work; the others get its answer, or are told it is still being worked on (409, try again).
    expect(answers.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(1);
    expect(answers.every((a) => a.status === 201 || (a.status === 409 && a.body.error === "idempotency_key_in_progress"))).toBe(true);
    expect(new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id)).size).toBe(1);
    expect(await db.registration.count({ where: { conferenceId: conference.id, email: body.email } })).toBe(1);
  });

  it("pages through registrations in a stable order: each once, and one added meanwhile at the end", async () => {
    const target = await createConference({ capacity: 50 });
    await addMember(target.organisationId, owner, "OWNER");
    const token = await makeToken(owner, target.organisationId, "READ");
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push(await signUp(target));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await request("GET", `/api/v1/conferences/${target.id}/registrations?limit=2${cursor ? `&cursor=${cursor}` : ""}`, { token: token.secret });
      expect(page.status).toBe(200);
      expectDocumented("GET", "/conferences/{id}/registrations", page);
      seen.push(...(page.body.data as Json[]).map((r) => r.id as string));
      cursor = page.body.next_cursor as string | null;
      if (pages++ === 0) made.push(await signUp(target));
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(made);
  });
});

describe("check-ins, speakers, venues and reports", () => {
  it("lists check-ins in the order received, and only what is new since a moment", async () => {
    const target = await createConference();
    await addMember(target.organisationId, owner, "OWNER");
    const token = await makeToken(owner, target.organisationId, "READ");
    const ids = [await signUp(target), await signUp(target)];
    const tickets = await db.registration.findMany({ where: { id: { in: ids } }, select: { id: true, ticketCode: true } });
    const scan = (code: string, receivedAt: Date) => recordScan({ conferenceId: target.id, code, method: "QR", scannedAt: receivedAt, receivedAt, clientNonce: randomUUID(), deviceId: "device-api", hostUserId: null });
    const t0 = new Date(Date.now() - 60_000);
    await scan(tickets[0]?.ticketCode ?? "", t0);
    await scan(tickets[1]?.ticketCode ?? "", new Date(t0.getTime() + 30_000));
    const all = await request("GET", `/api/v1/conferences/${target.id}/check-ins`, { token: token.secret });
    expect(all.status).toBe(200);
    expectDocumented("GET", "/conferences/{id}/check-ins", all);
    expect((all.body.data as Json[]).map((c) => c.registrationId)).toEqual([tickets[0]?.id, tickets[1]?.id]);
    const recent = await request("GET", `/api/v1/conferences/${target.id}/check-ins?since=${encodeURIComponent(new Date(t0.getTime() + 1000).toISOString())}`, { token: token.secret });
    expect((recent.body.data as Json[]).map((c) => c.registrationId)).toEqual([tickets[1]?.id]);
    const person = await request("GET", `/api/v1/registrations/${tickets[0]?.id}`, { token: token.secret });
    expect(person.body.checkedIn).toBe(true);
  });

  it("lists speakers, venues with rooms and reports, each in its documented shape", async () => {
    await db.speaker.create({ data: { organisationId: conference.organisationId, slug: `spreker-${randomUUID().slice(0, 6)}`, name: "Dr. Fenna Mulder", role: "lector" } });
    await db.report.create({ data: { organisationId: conference.organisationId, slug: `verslag-${randomUUID().slice(0, 6)}`, title: "Sfeerverslag", conferenceId: conference.id } });
    for (const [path, template, expected] of [
      ["/api/v1/speakers", "/speakers", "Dr. Fenna Mulder"],
      ["/api/v1/venues", "/venues", "Theater De Test"],
      ["/api/v1/reports", "/reports", "Sfeerverslag"],
    ] as const) {
      const answer = await request("GET", path);
      expect(answer.status).toBe(200);
      expectDocumented("GET", template, answer);
      expect(JSON.stringify(answer.body.data)).toContain(expected);
    }
  });
});

describe("refusals", () => {
  it("answer 401 and 403 in the documented error shape, revealing nothing", async () => {
    const none = await request("GET", "/api/v1/venues", { token: "pdm_bestaat-niet" });
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="podium"');
    expectDocumented("GET", "/venues", none);
    const read = await makeToken(owner, conference.organisationId, "READ");
    const refused = await request("POST", `/api/v1/conferences/${conference.id}/registrations`, { token: read.secret, body: {} });
    expect(refused.status).toBe(403);
    expectDocumented("POST", "/conferences/{id}/registrations", refused);
    const missing = await request("GET", "/api/v1/conferences/bestaat-niet");
    expect(missing.status).toBe(404);
    expectDocumented("GET", "/conferences/{id}", missing);
  });
});

describe("rate limits", () => {
  it("count per token with RateLimit headers, and answer 429 with Retry-After once the minute's requests are used", async () => {
    const token = await makeToken(owner, conference.organisationId, "READ");
    const first = await request("GET", "/api/v1/venues", { token: token.secret });
    const second = await request("GET", "/api/v1/venues", { token: token.secret });
    expect(first.headers.get("ratelimit-limit")).toBe(String(env.RATE_LIMIT_API));
    expect(Number(first.headers.get("ratelimit-remaining")) - Number(second.headers.get("ratelimit-remaining"))).toBe(1);
    // The rest of the minute's requests, spent at once in the shared counter.
    await db.$executeRaw`UPDATE rate_limit_buckets SET count = ${env.RATE_LIMIT_API} WHERE key = ${rateLimitKey({ bucket: "api-v1", limit: env.RATE_LIMIT_API, windowSeconds: 60 }, token.id)}`;
    const limited = await request("GET", "/api/v1/venues", { token: token.secret });
    expect(limited.status).toBe(429);
    expectDocumented("GET", "/venues", limited);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another token of the same organisation has its own count.
    expect((await request("GET", "/api/v1/venues")).status).toBe(200);
  });
});
