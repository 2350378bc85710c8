// Every organiser action and route handler on registrations, newsletter subscribers and the audit log, run as
// each kind of outsider: anonymous, a HOST of the organisation, an ORGANISER of another organisation. Each
// must be refused (401/403/404, or the matching reason) and leave everything exactly as it was.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { addRegistration, cancelByOrganiser, moveWorkshops } from "@/lib/registrations/admin-definitions";
import { findAdminConference, findRegistrationDetail } from "@/lib/registrations/admin-queries";
import { registerForConference } from "../support/sign-up";
import { POST as exportRegistrationsRoute } from "@/app/[locale]/(dashboard)/beheer/[organisation]/conferenties/[conference]/aanmeldingen/export/route";
import { POST as exportSubscribersRoute } from "@/app/[locale]/(dashboard)/beheer/[organisation]/nieuwsbrief/export/route";
import { createConference, discardTestEmails, registrationInput, session, type TestConference, uniqueEmail } from "../support/factories";
import { addMember, createOrganisation, createUser, type TestOrganisation } from "../support/organisation-factories";

// The route handlers ask the session who is signed in; here the test decides.
const signedIn = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn.user }));

type AnyDefinition = ActionDefinition<never, unknown, string>;

let conference: TestConference;
let slug: string;
let people: { owner: CurrentUser; organiser: CurrentUser; host: CurrentUser };
let other: TestOrganisation;
let confirmedId: string;
let waitingId: string;

beforeAll(async () => {
  conference = await createConference({ capacity: 1, rounds: [[5, 5]] });
  ({ slug } = await db.organisation.findUniqueOrThrow({ where: { id: conference.organisationId }, select: { slug: true } }));
  const [owner, organiser, host] = await Promise.all([createUser("eigenaar"), createUser("organisator"), createUser("host")]);
  await addMember(conference.organisationId, owner, "OWNER");
  await addMember(conference.organisationId, organiser, "ORGANISER");
  await addMember(conference.organisationId, host, "HOST");
  people = { owner, organiser, host };
  other = await createOrganisation();
  const round = conference.rounds[0]?.id ?? "";
  const register = async (name: string) => {
    const outcome = await registerForConference(conference.slug, registrationInput({ name, email: uniqueEmail("lid"), workshops: { [round]: session(conference, 0, 0).id } }));
    if (!outcome.ok || !outcome.registrationId) throw new Error("registration failed");
    return outcome.registrationId;
  };
  confirmedId = await register("Bevestigd Persoon");
  waitingId = await register("Wachtend Persoon");
  await db.newsletterSubscriber.create({
    data: { organisationId: conference.organisationId, email: "lezer@aanmelding.example", emailKey: "lezer@aanmelding.example", unsubscribeTokenHash: randomUUID(), confirmedAt: new Date() },
  });
});

afterAll(async () => {
  await discardTestEmails();
  await db.$disconnect();
});

/** Everything these actions and exports could change. */
async function snapshot() {
  const [registrations, choices, audit, outbox] = await Promise.all([
    db.registration.findMany({ where: { conferenceId: conference.id }, orderBy: { id: "asc" } }),
    db.workshopChoice.findMany({ where: { registration: { conferenceId: conference.id } }, orderBy: { id: "asc" } }),
    db.auditLogEntry.findMany({ where: { organisationId: { in: [conference.organisationId, other.id] } }, orderBy: { id: "asc" } }),
    db.emailOutbox.count(),
  ]);
  return { registrations, choices, audit, outbox };
}

function actions(): Array<{ name: string; definition: AnyDefinition; input: Record<string, unknown> }> {
  const round = conference.rounds[0]?.id ?? "";
  return [
    {
      name: "add",
      definition: addRegistration as unknown as AnyDefinition,
      input: { conferenceId: conference.id, idempotencyKey: randomUUID(), name: "Indringer", email: uniqueEmail("indringer"), privacyConsent: "on", locale: "nl" },
    },
    { name: "cancel", definition: cancelByOrganiser as unknown as AnyDefinition, input: { registrationId: confirmedId } },
    { name: "move", definition: moveWorkshops as unknown as AnyDefinition, input: { registrationId: confirmedId, [`workshops.${round}`]: session(conference, 0, 1).id } },
  ];
}

const outsiders: Array<[string, () => CurrentUser | null, number, string]> = [
  ["anonymous", () => null, 401, "unauthenticated"],
  ["a host of the organisation", () => people.host, 403, "forbidden"],
  ["an organiser of another organisation", () => other.organiser, 404, "notFound"],
  ["the owner of another organisation", () => other.owner, 404, "notFound"],
];

function post(url: string, form: FormData = new FormData(), headers: Record<string, string> = {}) {
  return new Request(url, { method: "POST", body: form, headers: { origin: "http://podium.test", host: "podium.test", ...headers } });
}

function routes(): Array<{ name: string; call: () => Promise<Response> }> {
  const form = new FormData();
  form.set("dietary", "on");
  form.set("accessibility", "on");
  return [
    {
      name: "registrations export",
      call: () => exportRegistrationsRoute(post("http://podium.test/beheer/x/conferenties/y/aanmeldingen/export", form), {
        params: Promise.resolve({ locale: "nl", organisation: slug, conference: conference.id }),
      }),
    },
    {
      name: "newsletter export",
      call: () => exportSubscribersRoute(post("http://podium.test/beheer/x/nieuwsbrief/export"), { params: Promise.resolve({ locale: "nl", organisation: slug }) }),
    },
  ];
}

describe("registrations admin actions", () => {
  for (const [who, actor, , reason] of outsiders) {
    it(`refuses ${who} every action and changes nothing`, async () => {
      for (const action of actions()) {
        const before = await snapshot();
        const outcome = await runAuthorized(action.definition, actor(), action.input);
        expect(outcome, `${action.name} as ${who}`).toMatchObject({ ok: false, reason });
        expect(await snapshot(), `${action.name} as ${who}`).toEqual(before);
      }
    });
  }

  it("lets the owner and the organiser act", async () => {
    const [add, move] = [actions()[0], actions()[2]];
    if (!add || !move) throw new Error("actions missing");
    expect(await runAuthorized(add.definition, people.owner, add.input)).toMatchObject({ ok: true });
    expect(await runAuthorized(move.definition, people.organiser, move.input)).toMatchObject({ ok: true });
  });
});

describe("registrations admin route handlers", () => {
  for (const [who, actor, status] of outsiders) {
    it(`answer ${status} to ${who}, with no file and no audit entry`, async () => {
      signedIn.user = actor();
      for (const route of routes()) {
        const before = await snapshot();
        const response = await route.call();
        expect(response.status, `${route.name} as ${who}`).toBe(status);
        expect(response.headers.get("content-type"), `${route.name} as ${who}`).not.toContain("text/csv");
        expect(await response.text()).not.toContain("Persoon");
        expect(await snapshot(), `${route.name} as ${who}`).toEqual(before);
      }
    });
  }

  it("refuse a post from another site, even by the organiser (CSRF)", async () => {
    signedIn.user = people.organiser;
    const before = await snapshot();
    const response = await exportRegistrationsRoute(post("http://podium.test/x", new FormData(), { origin: "https://evil.example" }), {
      params: Promise.resolve({ locale: "nl", organisation: slug, conference: conference.id }),
    });
    expect(response.status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it("answer 404 for another organisation's conference under the organiser's own organisation", async () => {
    const strangerConference = await createConference();
    signedIn.user = people.organiser;
    const before = await snapshot();
    const response = await exportRegistrationsRoute(post("http://podium.test/x"), {
      params: Promise.resolve({ locale: "nl", organisation: slug, conference: strangerConference.id }),
    });
    expect(response.status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it("give the organiser the files", async () => {
    signedIn.user = people.organiser;
    for (const route of routes()) {
      const response = await route.call();
      expect(response.status, route.name).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    }
  });
});

describe("the pages' reads", () => {
  it("find nothing of another organisation's conference or registration (the pages answer 404)", async () => {
    const stranger = await createConference();
    const outcome = await registerForConference(stranger.slug, registrationInput());
    const strangerRegistration = outcome.ok ? outcome.registrationId : null;
    expect(await findAdminConference(conference.organisationId, stranger.id)).toBeNull();
    expect(await findRegistrationDetail(conference.organisationId, stranger.id, strangerRegistration ?? "")).toBeNull();
    // A registration id of another conference under this organisation's conference.
    expect(await findRegistrationDetail(conference.organisationId, conference.id, strangerRegistration ?? "")).toBeNull();
    expect(await findRegistrationDetail(conference.organisationId, conference.id, waitingId)).not.toBeNull();
  });
});
