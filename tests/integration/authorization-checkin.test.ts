// Every check-in route handler (the host's phone talks only to these), called as each kind of outsider:
// anonymous gets 401, a HOST, ORGANISER or OWNER of another organisation gets 404 (as if the conference did
// not exist), and nothing changes: no check-in, no walk-in registration, no email, no audit entry. The door
// roles of the conference's own organisation (HOST and up) are let in; checkin-access.test.ts covers the rule.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { registerForConference } from "../support/sign-up";
import { GET as countsRoute } from "@/app/api/checkin/[conferenceSlug]/counts/route";
import { POST as scansRoute } from "@/app/api/checkin/[conferenceSlug]/scans/route";
import { GET as searchRoute } from "@/app/api/checkin/[conferenceSlug]/search/route";
import { GET as ticketsRoute } from "@/app/api/checkin/[conferenceSlug]/tickets/route";
import { POST as undoRoute } from "@/app/api/checkin/[conferenceSlug]/undo/route";
import { GET as walkInRoundsRoute, POST as walkInsRoute } from "@/app/api/checkin/[conferenceSlug]/walk-ins/route";
import { createConference, discardTestEmails, registrationInput, type TestConference, uniqueEmail } from "../support/factories";
import { addMember, createOrganisation, createSession, createUser, type TestOrganisation } from "../support/organisation-factories";

// Who is signed in is the session cookie each request carries, as from a host's phone: a real session row.
let cookie: string | null = null;
// Outside a Next request there is no cache store to tag; a walk-in only has to ask for the public page to refresh.
const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), revalidateTag }));

const ATTENDEE = "Deurgast Vandenberg";

let conference: TestConference;
let host: CurrentUser;
let other: TestOrganisation;
let ticketCode: string;

beforeAll(async () => {
  conference = await createConference();
  host = await createUser("deurhost");
  await addMember(conference.organisationId, host, "HOST");
  other = await createOrganisation();
  const outcome = await registerForConference(conference.slug, registrationInput({ name: ATTENDEE, email: uniqueEmail("deurgast") }));
  if (!outcome.ok || !outcome.registrationId) throw new Error("registration failed");
  ({ ticketCode } = await db.registration.findUniqueOrThrow({ where: { id: outcome.registrationId }, select: { ticketCode: true } }));
});

afterAll(async () => {
  await discardTestEmails();
  await db.$disconnect();
});

/** Everything these routes could change. */
async function snapshot() {
  const [registrations, checkIns, audit, outbox] = await Promise.all([
    db.registration.findMany({ where: { conferenceId: conference.id }, orderBy: { id: "asc" } }),
    db.checkIn.findMany({ where: { conferenceId: conference.id }, orderBy: { id: "asc" } }),
    db.auditLogEntry.findMany({ where: { organisationId: { in: [conference.organisationId, other.id] } }, orderBy: { id: "asc" } }),
    db.emailOutbox.count(),
  ]);
  return { registrations, checkIns, audit, outbox };
}

const device = "device-authz-1";

function routes(): Array<{ name: string; call: () => Promise<Response> }> {
  const params = Promise.resolve({ conferenceSlug: conference.slug });
  const url = (path: string) => `http://podium.test/api/checkin/${conference.slug}/${path}`;
  const headers = (extra: Record<string, string> = {}) => ({ ...extra, ...(cookie ? { cookie } : {}) });
  const get = (path: string) => new Request(url(path), { headers: headers() });
  const post = (path: string, body: unknown) =>
    new Request(url(path), { method: "POST", body: JSON.stringify(body), headers: headers({ "content-type": "application/json" }) });
  const now = new Date().toISOString();
  return [
    { name: "counts", call: () => countsRoute(get("counts"), { params }) },
    { name: "search", call: () => searchRoute(get(`search?q=${encodeURIComponent("Vandenberg")}`), { params }) },
    { name: "tickets", call: () => ticketsRoute(get("tickets"), { params }) },
    { name: "walk-in workshops", call: () => walkInRoundsRoute(get("walk-ins"), { params }) },
    {
      name: "scans",
      call: () => scansRoute(post("scans", { scans: [{ nonce: randomUUID(), code: ticketCode, method: "QR", scannedAt: now, deviceId: device }] }), { params }),
    },
    { name: "undo", call: () => undoRoute(post("undo", { nonce: randomUUID(), checkInNonce: randomUUID(), undoneAt: now, deviceId: device }), { params }) },
    {
      name: "walk-ins",
      call: () =>
        walkInsRoute(post("walk-ins", { nonce: randomUUID(), deviceId: device, scannedAt: now, name: "Binnenloper", email: uniqueEmail("binnenloper"), privacyConsent: true }), {
          params,
        }),
    },
  ];
}

describe("check-in route handlers", () => {
  const sessionOf = async (user: CurrentUser, expires?: Date) => `authjs.session-token=${await createSession(user, expires)}`;
  const outsiders: Array<[string, () => Promise<string | null>, number]> = [
    ["anonymous", async () => null, 401],
    ["a made-up session token", async () => `authjs.session-token=${"f".repeat(64)}`, 401],
    ["the host's expired session", async () => sessionOf(host, new Date(Date.now() - 1000)), 401],
    ["a host of another organisation", () => sessionOf(other.host), 404],
    ["an organiser of another organisation", () => sessionOf(other.organiser), 404],
    ["the owner of another organisation", () => sessionOf(other.owner), 404],
  ];

  for (const [who, actor, status] of outsiders) {
    it(`answer ${status} to ${who}, show no attendee and change nothing`, async () => {
      cookie = await actor();
      revalidateTag.mockClear();
      for (const route of routes()) {
        const before = await snapshot();
        const response = await route.call();
        expect(response.status, `${route.name} as ${who}`).toBe(status);
        expect(await response.text(), `${route.name} as ${who}`).not.toContain(ATTENDEE);
        expect(await snapshot(), `${route.name} as ${who}`).toEqual(before);
      }
      expect(revalidateTag).not.toHaveBeenCalled();
    });
  }

  it("let the host of the conference's organisation work the door", async () => {
    cookie = await sessionOf(host);
    const answers: Record<string, number> = {};
    for (const route of routes()) answers[route.name] = (await route.call()).status;
    // The undo names a check-in that does not exist: found the door, refused the unknown nonce.
    expect(answers).toEqual({ counts: 200, search: 200, tickets: 200, "walk-in workshops": 200, scans: 200, undo: 404, "walk-ins": 201 });
    expect(await db.checkIn.count({ where: { conferenceId: conference.id } })).toBeGreaterThanOrEqual(1);
    expect(revalidateTag).toHaveBeenCalledWith(`conference:${conference.slug}`, { expire: 0 });
  });
});
