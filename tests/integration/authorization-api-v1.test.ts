// Issue 17, items 1 and 5: who may use the REST API. Every /api/v1 route handler is called without a token, with
// an unknown, a revoked and an expired one (401, and the same body each time: nothing is revealed), with a
// read-only token on the writes (403), and with another organisation's token on this organisation's ids (404, as
// an unknown id). The owner's token actions are run as every kind of outsider.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listConferences } from "@/app/api/v1/conferences/route";
import { GET as getConference } from "@/app/api/v1/conferences/[id]/route";
import { GET as listRegistrations, POST as createRegistration } from "@/app/api/v1/conferences/[id]/registrations/route";
import { GET as listCheckIns } from "@/app/api/v1/conferences/[id]/check-ins/route";
import { GET as getRegistration } from "@/app/api/v1/registrations/[id]/route";
import { POST as cancelRegistration } from "@/app/api/v1/registrations/[id]/cancel/route";
import { PUT as moveWorkshops } from "@/app/api/v1/registrations/[id]/workshops/route";
import { GET as listSpeakers } from "@/app/api/v1/speakers/route";
import { GET as listVenues } from "@/app/api/v1/venues/route";
import { GET as listReports } from "@/app/api/v1/reports/route";
import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import type { CurrentUser } from "@/lib/auth/session";
import { createToken, revokeToken } from "@/lib/api-tokens/definitions";
import { db } from "@/lib/db";
import { makeToken } from "../support/api-v1";
import { createConference, discardTestEmails, registrationInput, uniqueEmail, type TestConference } from "../support/factories";
import { registerForConference } from "../support/sign-up";
import { addMember, createUser } from "../support/organisation-factories";

vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null }));
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), revalidateTag: vi.fn(), refresh: vi.fn() }));

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
type AnyDefinition = ActionDefinition<never, unknown, string>;
const run = (definition: unknown, user: CurrentUser | null, input: Record<string, unknown>) => runAuthorized(definition as AnyDefinition, user, input);

let conference: TestConference;
let owner: CurrentUser;
let registrationId: string;
let stranger: { owner: CurrentUser; conference: TestConference };

async function call(handler: unknown, method: string, path: string, id: string, token: string | null, body?: unknown) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const response = await (handler as Handler)(request, { params: Promise.resolve({ id }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Every route, with the ids of `target`'s conference and registration. */
function routes(target: { conferenceId: string; registrationId: string }) {
  const addition = { name: "Ilse de Boer", email: uniqueEmail("api-auth"), privacyConsent: true };
  return [
    { handler: listConferences, method: "GET", path: "/api/v1/conferences", id: "", write: false },
    { handler: getConference, method: "GET", path: `/api/v1/conferences/${target.conferenceId}`, id: target.conferenceId, write: false },
    { handler: listRegistrations, method: "GET", path: `/api/v1/conferences/${target.conferenceId}/registrations`, id: target.conferenceId, write: false },
    { handler: createRegistration, method: "POST", path: `/api/v1/conferences/${target.conferenceId}/registrations`, id: target.conferenceId, write: true, body: addition },
    { handler: listCheckIns, method: "GET", path: `/api/v1/conferences/${target.conferenceId}/check-ins`, id: target.conferenceId, write: false },
    { handler: getRegistration, method: "GET", path: `/api/v1/registrations/${target.registrationId}`, id: target.registrationId, write: false },
    { handler: cancelRegistration, method: "POST", path: `/api/v1/registrations/${target.registrationId}/cancel`, id: target.registrationId, write: true },
    { handler: moveWorkshops, method: "PUT", path: `/api/v1/registrations/${target.registrationId}/workshops`, id: target.registrationId, write: true, body: { workshops: {} } },
    { handler: listSpeakers, method: "GET", path: "/api/v1/speakers", id: "", write: false },
    { handler: listVenues, method: "GET", path: "/api/v1/venues", id: "", write: false },
    { handler: listReports, method: "GET", path: "/api/v1/reports", id: "", write: false },
  ];
}

beforeAll(async () => {
  conference = await createConference({ rounds: [[10, 10]] });
  owner = await createUser("eigenaar");
  await addMember(conference.organisationId, owner, "OWNER");
  const signedUp = await registerForConference(conference.slug, registrationInput({ email: uniqueEmail("api-auth") }));
  if (!signedUp.ok || !signedUp.registrationId) throw new Error("sign-up refused");
  registrationId = signedUp.registrationId;
  const other = await createConference();
  const otherOwner = await createUser("eigenaar");
  await addMember(other.organisationId, otherOwner, "OWNER");
  stranger = { owner: otherOwner, conference: other };
});

afterAll(async () => {
  await discardTestEmails();
  await db.$disconnect();
});

describe("/api/v1 without a valid token", () => {
  it("answers 401 with one and the same body for no token, an unknown, a revoked and an expired token", async () => {
    const revoked = await makeToken(owner, conference.organisationId, "READ_WRITE");
    expect((await run(revokeToken, owner, { tokenId: revoked.id })).ok).toBe(true);
    const expired = await makeToken(owner, conference.organisationId, "READ_WRITE", "30");
    await db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const bodies = new Set<string>();
    for (const r of routes({ conferenceId: conference.id, registrationId })) {
      for (const token of [null, "pdm_unknownunknownunknownunknownunknown12", revoked.secret, expired.secret, "Basic abc"]) {
        const answer = await call(r.handler, r.method, r.path, r.id, token, r.body);
        expect(answer.status, `${r.method} ${r.path} with ${token ? token.slice(0, 8) : "no token"}`).toBe(401);
        bodies.add(JSON.stringify(answer.body));
      }
    }
    expect(bodies.size).toBe(1);
    expect(await db.registration.count({ where: { conferenceId: conference.id } })).toBe(1);
    expect((await db.registration.findUniqueOrThrow({ where: { id: registrationId } })).status).toBe("CONFIRMED");
  });
});

describe("/api/v1 with a read-only token", () => {
  it("refuses every write with 403 and changes nothing; reads work", async () => {
    const read = await makeToken(owner, conference.organisationId, "READ");
    for (const r of routes({ conferenceId: conference.id, registrationId })) {
      const answer = await call(r.handler, r.method, r.path, r.id, read.secret, r.body);
      expect(answer.status, `${r.method} ${r.path}`).toBe(r.write ? 403 : 200);
    }
    expect(await db.registration.count({ where: { conferenceId: conference.id } })).toBe(1);
    expect((await db.registration.findUniqueOrThrow({ where: { id: registrationId } })).status).toBe("CONFIRMED");
  });
});

describe("/api/v1 with another organisation's token", () => {
  it("finds none of this organisation's records (404, as an unknown id) and lists only its own", async () => {
    const foreign = await makeToken(stranger.owner, stranger.conference.organisationId, "READ_WRITE");
    for (const r of routes({ conferenceId: conference.id, registrationId })) {
      const answer = await call(r.handler, r.method, r.path, r.id, foreign.secret, r.body);
      if (r.id) {
        expect(answer.status, `${r.method} ${r.path}`).toBe(404);
        const unknown = await call(r.handler, r.method, r.path.replace(r.id, "onbekend-id"), "onbekend-id", foreign.secret, r.body);
        expect(answer.body).toEqual(unknown.body);
      } else {
        expect(answer.status).toBe(200);
        expect(JSON.stringify(answer.body)).not.toContain(conference.id);
      }
    }
    const conferences = await call(listConferences, "GET", "/api/v1/conferences", "", foreign.secret);
    expect((conferences.body.data as Array<{ id: string }>).map((c) => c.id)).toEqual([stranger.conference.id]);
    expect(await db.registration.count({ where: { conferenceId: conference.id } })).toBe(1);
    expect((await db.registration.findUniqueOrThrow({ where: { id: registrationId } })).status).toBe("CONFIRMED");
  });
});

describe("the owner's token actions", () => {
  it("let only an owner of the organisation make and revoke tokens", async () => {
    const organiser = await createUser("organisator");
    await addMember(conference.organisationId, organiser, "ORGANISER");
    const host = await createUser("host");
    await addMember(conference.organisationId, host, "HOST");
    const input = { organisationId: conference.organisationId, name: "CRM", scope: "READ_WRITE", expiresInDays: "" };
    expect(await run(createToken, null, input)).toMatchObject({ ok: false, reason: "unauthenticated" });
    expect(await run(createToken, organiser, input)).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await run(createToken, host, input)).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await run(createToken, stranger.owner, input)).toMatchObject({ ok: false, reason: "notFound" });
    expect(await db.apiToken.count({ where: { organisationId: conference.organisationId, name: "CRM" } })).toBe(0);

    const token = await makeToken(owner, conference.organisationId, "READ");
    for (const user of [null, organiser, host, stranger.owner]) {
      const outcome = await run(revokeToken, user, { tokenId: token.id });
      expect(outcome.ok).toBe(false);
    }
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).toBeNull();
    expect((await call(listVenues, "GET", "/api/v1/venues", "", token.secret)).status).toBe(200);
  });
});
