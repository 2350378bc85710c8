// The organiser's attendance correction (issue 15, item 2) run as each kind of outsider: anonymous, a HOST of
// the organisation, an ORGANISER of another organisation, and an organiser of this one pointing at another
// conference's session or person. Each is refused and leaves corrections and the audit log as they were; the
// page's reads are scoped the same way.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { conferenceSession } from "@/lib/attendance/admin-queries";
import { correctAttendanceDefinition } from "@/lib/attendance/definitions";
import { runAuthorized } from "@/lib/auth/authorized-action";
import type { CurrentUser } from "@/lib/auth/session";
import { getEditableConference } from "@/lib/conferences/admin-queries";
import { db } from "@/lib/db";
import { registerForConference } from "../support/sign-up";
import { createConference, discardTestEmails, registrationInput, session, type TestConference } from "../support/factories";
import { addMember, createOrganisation, createUser, type TestOrganisation } from "../support/organisation-factories";

// Actions are run with a chosen user (runAuthorized); nothing here reads the session through Auth.js.
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null }));

let conference: TestConference;
let elsewhere: TestConference;
let people: { organiser: CurrentUser; host: CurrentUser; stranger: CurrentUser };
let other: TestOrganisation;
let registrationId: string;
let strangerRegistrationId: string;

async function register(target: TestConference, name: string): Promise<string> {
  const outcome = await registerForConference(target.slug, registrationInput({ name, workshops: { [target.rounds[0]!.id]: session(target, 0, 0).id } }));
  if (!outcome.ok || !outcome.registrationId) throw new Error("registration failed");
  return outcome.registrationId;
}

beforeAll(async () => {
  conference = await createConference({ rounds: [[5]] });
  elsewhere = await createConference({ rounds: [[5]] });
  other = await createOrganisation();
  const [organiser, host] = await Promise.all([createUser("aanwezig-organisator"), createUser("aanwezig-host")]);
  await addMember(conference.organisationId, organiser, "ORGANISER");
  await addMember(conference.organisationId, host, "HOST");
  people = { organiser, host, stranger: other.organiser };
  registrationId = await register(conference, "Eigen Deelnemer");
  strangerRegistrationId = await register(elsewhere, "Andere Deelnemer");
});

afterAll(async () => {
  await discardTestEmails();
  await db.$disconnect();
});

async function snapshot() {
  const [corrections, audit] = await Promise.all([
    db.attendanceCorrection.findMany({ where: { conferenceId: { in: [conference.id, elsewhere.id] } }, orderBy: { id: "asc" } }),
    db.auditLogEntry.findMany({ where: { organisationId: { in: [conference.organisationId, elsewhere.organisationId, other.id] } }, orderBy: { id: "asc" } }),
  ]);
  return { corrections, audit };
}

describe("correcting attendance, as an outsider", () => {
  it("is refused for anonymous, a host, another organisation's organiser, and ids of another conference", async () => {
    const own = { conferenceId: conference.id, sessionId: session(conference, 0, 0).id, registrationId, present: "present" };
    const before = await snapshot();
    const cases: Array<[string, CurrentUser | null, Record<string, string>, string]> = [
      ["anonymous", null, own, "unauthenticated"],
      ["a host of the organisation", people.host, own, "forbidden"],
      ["an organiser of another organisation", people.stranger, own, "notFound"],
      ["another organisation's session", people.organiser, { ...own, sessionId: session(elsewhere, 0, 0).id }, "notFound"],
      ["another conference's person", people.organiser, { ...own, registrationId: strangerRegistrationId }, "notFound"],
      ["another conference, as its stranger", people.stranger, { conferenceId: elsewhere.id, sessionId: session(elsewhere, 0, 0).id, registrationId: strangerRegistrationId, present: "absent" }, "notFound"],
    ];
    for (const [who, user, input, reason] of cases) {
      const outcome = await runAuthorized(correctAttendanceDefinition, user, input);
      expect(outcome.ok, who).toBe(false);
      expect(!outcome.ok && outcome.reason, who).toBe(reason);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("finds neither the conference nor its sessions for another organisation", async () => {
    expect(await getEditableConference(other.id, conference.id)).toBeNull();
    expect(await conferenceSession(elsewhere.id, session(conference, 0, 0).id)).toBeNull();
    expect(await conferenceSession(conference.id, session(conference, 0, 0).id)).not.toBeNull();
  });
});
