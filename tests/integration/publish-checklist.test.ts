// Issue 14, items 6 and 9: what a draft needs before the public sees it. The organiser's contact address is
// required (every conference page and email names it); the rest is listed so nothing goes out half-finished by
// accident.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import { publish } from "@/lib/conferences/definitions";
import { publishChecklist } from "@/lib/conferences/publish-checklist";
import { db } from "@/lib/db";
import { createEditorConference } from "../support/editor-factories";
import { createOrganisation, type TestOrganisation } from "../support/organisation-factories";

vi.mock("@/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined }));

type AnyDefinition = ActionDefinition<never, unknown, string>;
let organisation: TestOrganisation;

beforeAll(async () => {
  organisation = await createOrganisation();
});
afterAll(() => db.$disconnect());

const done = (checklist: Awaited<ReturnType<typeof publishChecklist>>) => Object.fromEntries((checklist ?? []).map((e) => [e.item, e.done]));

describe("publishing a draft", () => {
  it("lists what is missing (here: a programme and a closing moment), for the conference's own organisation only", async () => {
    const conference = await createEditorConference(organisation.id, { status: "DRAFT" });
    await db.conference.update({ where: { id: conference.id }, data: { registrationClosesAt: null } });
    expect(done(await publishChecklist(organisation.id, conference.id))).toEqual({
      venue: true,
      programme: false,
      capacity: true,
      signUpWindow: false,
      contact: true,
    });
    // Another organisation's conference is not on this organisation's list.
    const stranger = await createOrganisation();
    expect(await publishChecklist(stranger.id, conference.id)).toBeNull();
  });

  it("is refused while the organisation has no contact address, and then leaves the draft a draft", async () => {
    const conference = await createEditorConference(organisation.id, { status: "DRAFT" });
    await db.organisation.update({ where: { id: organisation.id }, data: { contactEmail: null } });
    const refused = await runAuthorized(publish as unknown as AnyDefinition, organisation.organiser, { conferenceId: conference.id });
    expect(refused).toMatchObject({ ok: false, reason: "noContact" });
    expect((await db.conference.findUniqueOrThrow({ where: { id: conference.id } })).status).toBe("DRAFT");
    expect(done(await publishChecklist(organisation.id, conference.id)).contact).toBe(false);

    await db.organisation.update({ where: { id: organisation.id }, data: { contactEmail: "vragen@organisatie.example" } });
    const published = await runAuthorized(publish as unknown as AnyDefinition, organisation.organiser, { conferenceId: conference.id });
    expect(published).toMatchObject({ ok: true });
    expect((await db.conference.findUniqueOrThrow({ where: { id: conference.id } })).status).toBe("PUBLISHED");
  });
});
