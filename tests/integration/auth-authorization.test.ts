import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import { AuthorizationError, authorizeMembership, authorizeMembershipBySlug } from "@/lib/auth/authorize";
import { CHECK_IN, ORGANISE } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { acceptInvitationAction } from "@/lib/organisations/actions";
import { changeRole, invite, remove, revoke, updateSettings } from "@/lib/organisations/definitions";
import { uniqueEmail } from "../support/factories";
import {
  addMember,
  createOrganisation,
  createUser,
  membershipId,
  organisationSnapshot,
  type TestOrganisation,
} from "../support/organisation-factories";

// next-auth's ESM build imports "next/server" in a way only Next's bundler resolves; these tests pass the user
// in explicitly and never need a session.
vi.mock("@/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined }));
// acceptInvitationAction asks the session who is signed in; here the test decides.
const signedIn = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn.user }));
// next-intl's navigation needs Next's bundler too; only an accepted invitation redirects, and none is here.
vi.mock("@/i18n/navigation", () => ({
  redirect: () => {
    throw new Error("unexpected redirect: the invitation was accepted");
  },
}));

// Every members action, run as each kind of outsider: each must be refused (the reason maps to 401/403/404)
// and leave the organisation exactly as it was: members, invitations, audit log, and no email queued.

let home: TestOrganisation;
let other: TestOrganisation;

beforeAll(async () => {
  [home, other] = await Promise.all([createOrganisation(), createOrganisation()]);
});
afterAll(() => db.$disconnect());

async function refusal(reason: Promise<unknown>) {
  return reason.then(
    () => "allowed",
    (error: unknown) => (error instanceof AuthorizationError ? error.reason : "other error"),
  );
}

describe("authorizeMembership", () => {
  it("refuses the anonymous, strangers and too-small roles, each with its own reason", async () => {
    expect(await refusal(authorizeMembership(null, home.id, CHECK_IN))).toBe("unauthenticated");
    expect(await refusal(authorizeMembership(other.owner, home.id, CHECK_IN))).toBe("notFound");
    expect(await refusal(authorizeMembership(home.host, home.id, ORGANISE))).toBe("forbidden");
    expect(await refusal(authorizeMembershipBySlug(other.organiser, home.slug, CHECK_IN))).toBe("notFound");
  });

  it("does not tell a stranger's organisation from one that does not exist", async () => {
    expect(await refusal(authorizeMembership(other.owner, "does-not-exist", CHECK_IN))).toBe("notFound");
    expect(await refusal(authorizeMembershipBySlug(other.owner, "bestaat-niet", CHECK_IN))).toBe("notFound");
  });

  it("reads the role from the database at the moment of asking", async () => {
    const user = await createUser("wisselaar");
    const id = await addMember(home.id, user, "ORGANISER");
    expect((await authorizeMembership(user, home.id, ORGANISE)).role).toBe("ORGANISER");
    await db.membership.update({ where: { id }, data: { role: "HOST" } });
    expect(await refusal(authorizeMembership(user, home.id, ORGANISE))).toBe("forbidden");
    await db.membership.delete({ where: { id } });
    expect(await refusal(authorizeMembership(user, home.id, CHECK_IN))).toBe("notFound");
  });
});

type AnyDefinition = ActionDefinition<never, unknown, string>;

/** One input per members action, each aimed at the home organisation. */
async function actions(): Promise<Array<{ name: string; definition: AnyDefinition; input: Record<string, unknown> }>> {
  const invitation = await db.memberInvitation.create({
    data: { organisationId: home.id, email: uniqueEmail("genodigde"), role: "HOST", tokenHash: uniqueEmail("hash"), expiresAt: new Date(Date.now() + 86_400_000) },
    select: { id: true },
  });
  const organiserMembership = await membershipId(home.id, home.organiser);
  return [
    { name: "invite", definition: invite as unknown as AnyDefinition, input: { organisationId: home.id, email: uniqueEmail("nieuw"), role: "OWNER", locale: "nl" } },
    { name: "change role", definition: changeRole as unknown as AnyDefinition, input: { membershipId: organiserMembership, role: "OWNER" } },
    { name: "remove", definition: remove as unknown as AnyDefinition, input: { membershipId: organiserMembership } },
    { name: "revoke invitation", definition: revoke as unknown as AnyDefinition, input: { invitationId: invitation.id } },
  ];
}

describe("members actions", () => {
  const outsiders: Array<[string, () => CurrentUser | null, string[]]> = [
    ["anonymous", () => null, ["unauthenticated"]],
    ["a host of the organisation", () => home.host, ["forbidden"]],
    ["an organiser of the organisation (owners only)", () => home.organiser, ["forbidden"]],
    ["an organiser of another organisation", () => other.organiser, ["notFound"]],
    ["the owner of another organisation", () => other.owner, ["notFound"]],
  ];

  for (const [who, actor, reasons] of outsiders) {
    it(`refuses ${who} every action and changes nothing`, async () => {
      for (const action of await actions()) {
        const before = await organisationSnapshot(home.id);
        const outcome = await runAuthorized(action.definition, actor(), action.input);
        expect(outcome.ok, `${action.name} as ${who}`).toBe(false);
        expect(reasons, `${action.name} as ${who}`).toContain(outcome.ok ? "allowed" : outcome.reason);
        expect(await organisationSnapshot(home.id), `${action.name} as ${who}`).toEqual(before);
      }
    });
  }

  it("refuses ids of another organisation's records to that organisation's strangers, even as an owner", async () => {
    // The home owner aims at the other organisation's members: the record leads to the other organisation.
    const before = await organisationSnapshot(other.id);
    const target = await membershipId(other.id, other.organiser);
    for (const definition of [changeRole, remove] as unknown as AnyDefinition[]) {
      const outcome = await runAuthorized(definition, home.owner, { membershipId: target, role: "HOST" });
      expect(outcome).toMatchObject({ ok: false, reason: "notFound" });
    }
    expect(await organisationSnapshot(other.id)).toEqual(before);
  });

  it("lets the owner do each, with an audit entry for every change", async () => {
    const organisation = await createOrganisation();
    const run = (definition: unknown, input: Record<string, unknown>) =>
      runAuthorized(definition as AnyDefinition, organisation.owner, input);
    const email = uniqueEmail("collega");
    const invited = await run(invite, { organisationId: organisation.id, email, role: "ORGANISER", locale: "en" });
    expect(invited.ok).toBe(true);
    const invitation = await db.memberInvitation.findFirstOrThrow({ where: { organisationId: organisation.id, email } });
    expect(await run(revoke, { invitationId: invitation.id })).toMatchObject({ ok: true });
    const hostMembership = await membershipId(organisation.id, organisation.host);
    expect(await run(changeRole, { membershipId: hostMembership, role: "ORGANISER" })).toMatchObject({ ok: true });
    expect(await run(remove, { membershipId: hostMembership })).toMatchObject({ ok: true });

    const audit = await db.auditLogEntry.findMany({ where: { organisationId: organisation.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual([
      "member.invited",
      "member.invitation_revoked",
      "member.role_changed",
      "member.removed",
    ]);
    expect(audit.every((entry) => entry.actorUserId === organisation.owner.id)).toBe(true);
    expect(audit[2]?.details).toMatchObject({ from: "HOST", to: "ORGANISER" });
  });

  it("answers invalid input with field errors before touching anything", async () => {
    const outcome = await runAuthorized(invite as unknown as AnyDefinition, home.owner, {
      organisationId: home.id,
      email: "geen-adres",
      role: "KONING",
    });
    expect(outcome).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { email: "emailInvalid", role: "required" } });
  });
});

describe("the last owner", () => {
  it("can be neither demoted nor removed", async () => {
    const organisation = await createOrganisation();
    const ownerMembership = await membershipId(organisation.id, organisation.owner);
    const before = await organisationSnapshot(organisation.id);
    const demote = await runAuthorized(changeRole as unknown as AnyDefinition, organisation.owner, { membershipId: ownerMembership, role: "HOST" });
    const leave = await runAuthorized(remove as unknown as AnyDefinition, organisation.owner, { membershipId: ownerMembership });
    expect(demote).toMatchObject({ ok: false, reason: "lastOwner" });
    expect(leave).toMatchObject({ ok: false, reason: "lastOwner" });
    expect(await organisationSnapshot(organisation.id)).toEqual(before);
  });

  it("survives two owners demoting each other at the same moment: one of them stays owner", async () => {
    const organisation = await createOrganisation();
    const second = await createUser("tweede-eigenaar");
    await addMember(organisation.id, second, "OWNER");
    const [firstId, secondId] = await Promise.all([membershipId(organisation.id, organisation.owner), membershipId(organisation.id, second)]);
    const outcomes = await Promise.all([
      runAuthorized(changeRole as unknown as AnyDefinition, organisation.owner, { membershipId: secondId, role: "HOST" }),
      runAuthorized(changeRole as unknown as AnyDefinition, second, { membershipId: firstId, role: "HOST" }),
    ]);
    const owners = await db.membership.count({ where: { organisationId: organisation.id, role: "OWNER" } });
    expect(owners).toBe(1);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
  });
});

describe("accepting an invitation (by the invited address, not by a role)", () => {
  const outsiders: Array<[string, () => CurrentUser | null, string]> = [
    ["anonymous", () => null, "unauthenticated"],
    ["a host of the organisation", () => home.host, "notFound"],
    ["an organiser of another organisation", () => other.organiser, "notFound"],
    ["the owner of another organisation", () => other.owner, "notFound"],
  ];

  for (const [who, actor, reason] of outsiders) {
    it(`refuses ${who} someone else's invitation and changes nothing`, async () => {
      const invitation = await db.memberInvitation.create({
        data: { organisationId: home.id, email: uniqueEmail("genodigde"), role: "OWNER", tokenHash: uniqueEmail("hash"), expiresAt: new Date(Date.now() + 86_400_000) },
        select: { id: true },
      });
      const form = new FormData();
      form.set("invitationId", invitation.id);
      form.set("locale", "nl");
      signedIn.user = actor();
      const before = await organisationSnapshot(home.id);
      expect(await acceptInvitationAction(null, form)).toMatchObject({ ok: false, reason });
      expect(await organisationSnapshot(home.id)).toEqual(before);
    });
  }
});

// The organisation's public details: its name and the contact address every conference page and email names.
describe("the organisation's settings", () => {
  const input = () => ({ organisationId: home.id, name: "Werkplaats Zuid", website: "", contactEmail: "vragen@werkplaats.example" });

  for (const [who, actor, reason] of [
    ["anonymous", () => null, "unauthenticated"],
    ["a host of the organisation", () => home.host, "forbidden"],
    ["the owner of another organisation", () => other.owner, "notFound"],
  ] as Array<[string, () => CurrentUser | null, string]>) {
    it(`are refused to ${who}, changing nothing`, async () => {
      const before = await db.organisation.findUniqueOrThrow({ where: { id: home.id } });
      const outcome = await runAuthorized(updateSettings as unknown as AnyDefinition, actor(), input());
      expect(outcome).toMatchObject({ ok: false, reason });
      expect(await db.organisation.findUniqueOrThrow({ where: { id: home.id } })).toEqual(before);
    });
  }

  it("are saved by an organiser, with an audit entry, and a contact address is required and must be one", async () => {
    const empty = await runAuthorized(updateSettings as unknown as AnyDefinition, home.organiser, { ...input(), contactEmail: " " });
    expect(empty).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { contactEmail: "required" } });
    const wrong = await runAuthorized(updateSettings as unknown as AnyDefinition, home.organiser, { ...input(), contactEmail: "vragen-at-werkplaats" });
    expect(wrong).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { contactEmail: "emailInvalid" } });

    const saved = await runAuthorized(updateSettings as unknown as AnyDefinition, home.organiser, input());
    expect(saved.ok).toBe(true);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: home.id }, select: { name: true, contactEmail: true } })).toEqual({
      name: "Werkplaats Zuid",
      contactEmail: "vragen@werkplaats.example",
    });
    const entry = await db.auditLogEntry.findFirst({ where: { organisationId: home.id, action: "organisation.updated" } });
    expect(entry?.details).toMatchObject({ changed: expect.arrayContaining(["name", "contactEmail"]) });
  });
});
