// The survey's organiser actions and its CSV export (lib/feedback), run as each kind of outsider: anonymous, a
// HOST of the organisation, an ORGANISER or OWNER of another organisation. Each must be refused and change nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runAuthorized } from "@/lib/auth/authorized-action";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { quoteRemarkDefinition, saveSurveyDefinition } from "@/lib/feedback/definitions";
import { remarkHandle } from "@/lib/feedback/remarks";
import { toAmsterdamInput } from "@/lib/time/amsterdam";
import { POST as exportSurveyRoute } from "@/app/[locale]/(dashboard)/beheer/[organisation]/conferenties/[conference]/feedback/export/route";
import { registerForConference } from "../support/sign-up";
import { createConference, discardTestEmails, registrationInput, type TestConference } from "../support/factories";
import { addMember, createOrganisation, createUser, type TestOrganisation } from "../support/organisation-factories";

// The route handler asks the session who is signed in; here the test decides.
const signedIn = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn.user }));
vi.mock("@/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined }));

const DAY = 24 * 60 * 60 * 1000;

let conference: TestConference;
let slug: string;
let people: { organiser: CurrentUser; host: CurrentUser };
let other: TestOrganisation;
let responseId: string;
let reportId: string;

beforeAll(async () => {
  conference = await createConference();
  ({ slug } = await db.organisation.findUniqueOrThrow({ where: { id: conference.organisationId }, select: { slug: true } }));
  const [organiser, host] = await Promise.all([createUser("organisator"), createUser("host")]);
  await addMember(conference.organisationId, organiser, "ORGANISER");
  await addMember(conference.organisationId, host, "HOST");
  people = { organiser, host };
  other = await createOrganisation();
  const { endsAt } = await db.conference.findUniqueOrThrow({ where: { id: conference.id }, select: { endsAt: true } });
  await db.conferenceSurvey.create({ data: { conferenceId: conference.id, enabled: true, sendAt: new Date(endsAt.getTime() + DAY), closesAt: new Date(endsAt.getTime() + 20 * DAY) } });
  // A named answer: shown to the organiser whatever the group's size (lib/feedback/queries.ts, MIN_GROUP).
  const signedUp = await registerForConference(conference.slug, registrationInput({ name: "Nina Genoemd" }));
  if (!signedUp.ok || !signedUp.registrationId) throw new Error("sign-up failed");
  ({ id: responseId } = await db.surveyResponse.create({ data: { conferenceId: conference.id, registrationId: signedUp.registrationId, rating: 4, remark: "Geheim en anoniem." } }));
  ({ id: reportId } = await db.report.create({ data: { organisationId: conference.organisationId, slug: `verslag-${responseId}`, title: "Verslag", conferenceId: conference.id } }));
});

afterAll(async () => {
  await discardTestEmails();
  await db.$disconnect();
});

async function snapshot() {
  return {
    survey: await db.conferenceSurvey.findUnique({ where: { conferenceId: conference.id } }),
    quotes: await db.reportQuote.findMany({ where: { reportId } }),
  };
}

function actions() {
  return [
    {
      name: "save survey",
      definition: saveSurveyDefinition,
      input: { conferenceId: conference.id, enabled: "", askSessions: "", sendAt: toAmsterdamInput(new Date(Date.now() + 40 * DAY)), closesAt: toAmsterdamInput(new Date(Date.now() + 50 * DAY)) },
    },
    { name: "quote remark", definition: quoteRemarkDefinition, input: { conferenceId: conference.id, remark: remarkHandle(responseId, "open"), reportId } },
  ] as const;
}

const outsiders: Array<[string, () => CurrentUser | null, number, string]> = [
  ["anonymous", () => null, 401, "unauthenticated"],
  ["a host of the organisation", () => people.host, 403, "forbidden"],
  ["an organiser of another organisation", () => other.organiser, 404, "notFound"],
  ["the owner of another organisation", () => other.owner, 404, "notFound"],
];

describe("survey actions", () => {
  for (const [who, actor, , reason] of outsiders) {
    it(`refuses ${who} every action and changes nothing`, async () => {
      for (const action of actions()) {
        const before = await snapshot();
        const outcome = await runAuthorized(action.definition as never, actor(), action.input);
        expect(outcome, `${action.name} as ${who}`).toMatchObject({ ok: false, reason });
        expect(await snapshot(), `${action.name} as ${who}`).toEqual(before);
      }
    });
  }

  it("lets the organiser act", async () => {
    for (const action of actions()) expect(await runAuthorized(action.definition as never, people.organiser, action.input), action.name).toMatchObject({ ok: true });
  });
});

describe("survey export", () => {
  const post = () =>
    exportSurveyRoute(new Request("http://podium.test/beheer/x/conferenties/y/feedback/export", { method: "POST", headers: { origin: "http://podium.test", host: "podium.test" } }), {
      params: Promise.resolve({ locale: "nl", organisation: slug, conference: conference.id }),
    });

  for (const [who, actor, status] of outsiders) {
    it(`answers ${who} with ${status} and no answers`, async () => {
      signedIn.user = actor();
      const response = await post();
      expect(response.status).toBe(status);
      expect(await response.text()).not.toContain("Geheim");
    });
  }

  it("gives the organiser the file", async () => {
    signedIn.user = people.organiser;
    const response = await post();
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Geheim en anoniem.");
  });

  it("refuses a cross-site post", async () => {
    signedIn.user = people.organiser;
    const response = await exportSurveyRoute(
      new Request("http://podium.test/x", { method: "POST", headers: { origin: "https://evil.example", host: "podium.test" } }),
      { params: Promise.resolve({ locale: "nl", organisation: slug, conference: conference.id }) },
    );
    expect(response.status).toBe(403);
  });
});
