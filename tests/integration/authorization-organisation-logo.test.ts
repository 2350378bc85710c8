// The organisation's logo on its badges (issue 14, item 12): set and taken away by its owner or organisers, with
// an alt text and an audit entry; refused, changing nothing, to anyone signed out, a host, or another
// organisation's members.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import sharp from "sharp";
import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { setOrganisationLogoDefinition } from "@/lib/organisations/logo-definitions";
import { badgeBranding } from "@/lib/registrations/admin-queries";
import { createConference, type TestConference } from "../support/factories";
import { createOrganisation, type TestOrganisation } from "../support/organisation-factories";

// Who is signed in is passed to runAuthorized by the test; nothing reads a session.
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null }));

type AnyDefinition = ActionDefinition<never, unknown, string>;
const definition = setOrganisationLogoDefinition as unknown as AnyDefinition;

let ours: TestOrganisation;
let theirs: TestOrganisation;
let conference: TestConference;
let png: Buffer;

beforeAll(async () => {
  ours = await createOrganisation();
  theirs = await createOrganisation();
  conference = await createConference();
  await db.conference.update({ where: { id: conference.id }, data: { organisationId: ours.id } });
  png = await sharp({ create: { width: 240, height: 80, channels: 4, background: { r: 11, g: 70, b: 82, alpha: 1 } } }).png().toBuffer();
});

afterAll(async () => {
  await db.$disconnect();
});

const logo = () => new File([new Uint8Array(png)], "logo.png", { type: "image/png" });
const input = (extra: Record<string, unknown> = {}) => ({ organisationId: ours.id, logo: logo(), logoAlt: "Logo van de Werkplaats", ...extra });

async function snapshot() {
  const [organisation, photos, audit] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: ours.id }, select: { logoPhotoId: true } }),
    db.photo.count({ where: { organisationId: ours.id } }),
    db.auditLogEntry.count({ where: { organisationId: { in: [ours.id, theirs.id] } } }),
  ]);
  return { organisation, photos, audit };
}

describe("the organisation's logo", () => {
  const outsiders: Array<[string, () => CurrentUser | null, string]> = [
    ["anonymous", () => null, "unauthenticated"],
    ["a host of the organisation", () => ours.host, "forbidden"],
    ["an organiser of another organisation", () => theirs.organiser, "notFound"],
  ];
  for (const [who, actor, reason] of outsiders) {
    it(`is refused to ${who}, and nothing changes`, async () => {
      const before = await snapshot();
      expect(await runAuthorized(definition, actor(), input())).toMatchObject({ ok: false, reason });
      expect(await snapshot()).toEqual(before);
    });
  }

  it("needs an alt text with a new logo, and a logo or the box to take it away", async () => {
    expect(await runAuthorized(definition, ours.organiser, input({ logoAlt: "" }))).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { logoAlt: "altRequired" } });
    expect(await runAuthorized(definition, ours.organiser, { organisationId: ours.id, logoAlt: "" })).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { logo: "uploadMissing" },
    });
  });

  it("is set by an organiser, printed on the badges with its alt text, and taken away again", async () => {
    const set = await runAuthorized(definition, ours.organiser, input());
    expect(set).toMatchObject({ ok: true });
    const branding = await badgeBranding(conference.id);
    expect(branding.logo).toMatchObject({ altText: "Logo van de Werkplaats", width: 240, height: 80 });
    expect(branding.logo?.file).toMatch(/^photos\/.+\.webp$/);

    expect(await runAuthorized(definition, ours.owner, { organisationId: ours.id, logoAlt: "", removeLogo: "on" })).toMatchObject({ ok: true, data: { logoPhotoId: null } });
    expect((await badgeBranding(conference.id)).logo).toBeNull();
    const actions = await db.auditLogEntry.findMany({ where: { organisationId: ours.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["organisation.logo_changed", "organisation.logo_removed"]);
  });
});
