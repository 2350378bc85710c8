// The certificate actions and the register export (issue 15), run as each kind of outsider: anonymous, a HOST of
// the organisation, an organiser or owner of another organisation. Each is refused and changes nothing (no
// settings, no revocation, no audit entry, no file); an organiser of the organisation can do each.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import type { CurrentUser } from "@/lib/auth/session";
import { revokeCertificateDefinition, saveCertificateSettingsDefinition } from "@/lib/certificates/definitions";
import { db } from "@/lib/db";
import { newTicketCode } from "@/lib/tokens";
import { POST as exportRegisterRoute } from "@/app/[locale]/(dashboard)/beheer/[organisation]/conferenties/[conference]/certificaten/export/[register]/route";
import { createConference, session, type TestConference } from "../support/factories";
import { addMember, createOrganisation, createUser, type TestOrganisation } from "../support/organisation-factories";

const signedIn = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn.user }));

type AnyDefinition = ActionDefinition<never, unknown, string>;

let conference: TestConference;
let slug: string;
let organiser: CurrentUser;
let host: CurrentUser;
let other: TestOrganisation;
let certificateId: string;

beforeAll(async () => {
  conference = await createConference({ rounds: [[5]] });
  ({ slug } = await db.organisation.findUniqueOrThrow({ where: { id: conference.organisationId }, select: { slug: true } }));
  [organiser, host] = await Promise.all([createUser("organisator"), createUser("host")]);
  await addMember(conference.organisationId, organiser, "ORGANISER");
  await addMember(conference.organisationId, host, "HOST");
  other = await createOrganisation();
  const certificate = await db.certificate.create({
    data: { conferenceId: conference.id, verificationCode: newTicketCode(), holderName: "Geverifieerd Persoon", conferenceTitle: "Test", conferenceStartsAt: new Date(), minutes: 90 },
  });
  certificateId = certificate.id;
});

afterAll(() => db.$disconnect());

async function snapshot() {
  const [conferenceRow, credits, accreditations, certificates, audit] = await Promise.all([
    db.conference.findUniqueOrThrow({ where: { id: conference.id }, select: { certificatesEnabled: true } }),
    db.sessionCredit.findMany({ where: { session: { conferenceId: conference.id } } }),
    db.conferenceAccreditation.findMany({ where: { conferenceId: conference.id } }),
    db.certificate.findMany({ where: { conferenceId: conference.id }, orderBy: { id: "asc" } }),
    db.auditLogEntry.findMany({ where: { organisationId: conference.organisationId }, orderBy: { id: "asc" } }),
  ]);
  return { conferenceRow, credits, accreditations, certificates, audit };
}

const actions = () => [
  {
    name: "certificate settings",
    definition: saveCertificateSettingsDefinition,
    input: { conferenceId: conference.id, enabled: "on", "code.SKJ": "SKJ-1", [`hours.${session(conference, 0, 0).id}`]: "2" },
  },
  { name: "revoke a certificate", definition: revokeCertificateDefinition, input: { certificateId } },
];

const exportRoute = () =>
  exportRegisterRoute(new Request("http://podium.test/x", { method: "POST", body: new FormData(), headers: { origin: "http://podium.test", host: "podium.test" } }), {
    params: Promise.resolve({ locale: "nl", organisation: slug, conference: conference.id, register: "skj" }),
  });

const outsiders: Array<[string, () => CurrentUser | null, string, number]> = [
  ["anonymous", () => null, "unauthenticated", 401],
  ["a host of the organisation", () => host, "forbidden", 403],
  ["an organiser of another organisation", () => other.organiser, "notFound", 404],
  ["the owner of another organisation", () => other.owner, "notFound", 404],
];

describe("certificate actions and export", () => {
  for (const [who, actor, reason, status] of outsiders) {
    it(`refuses ${who} every action and the export, and changes nothing`, async () => {
      for (const action of actions()) {
        const before = await snapshot();
        const outcome = await runAuthorized(action.definition as unknown as AnyDefinition, actor(), action.input);
        expect(outcome.ok ? "allowed" : outcome.reason, `${action.name} as ${who}`).toBe(reason);
        expect(await snapshot(), `${action.name} as ${who}`).toEqual(before);
      }
      signedIn.user = actor();
      const before = await snapshot();
      const response = await exportRoute();
      expect(response.status, `export as ${who}`).toBe(status);
      expect(response.headers.get("content-type")).not.toContain("text/csv");
      expect(await snapshot()).toEqual(before);
    });
  }

  it("lets an organiser of the organisation do each, with an audit entry for every change", async () => {
    for (const action of actions()) {
      expect(await runAuthorized(action.definition as unknown as AnyDefinition, organiser, action.input), action.name).toMatchObject({ ok: true });
    }
    signedIn.user = organiser;
    expect((await exportRoute()).status).toBe(200);
    const audit = await db.auditLogEntry.findMany({ where: { organisationId: conference.organisationId }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(["certificate.revoked", "certificates.register_exported", "certificates.settings_changed"]);
  });
});
