import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { invite } from "@/lib/organisations/definitions";
import { acceptInvitation } from "@/lib/organisations/mutations";
import { findInvitationByToken } from "@/lib/organisations/queries";
import { hashToken } from "@/lib/tokens";
import { uniqueEmail } from "../support/factories";
import { addMember, createOrganisation, createUser, type TestOrganisation } from "../support/organisation-factories";

// See auth-authorization.test.ts: the tests pass the user in; next-auth itself is not loaded.
vi.mock("@/auth", () => ({ auth: async () => null }));

type AnyDefinition = ActionDefinition<never, unknown, string>;
let organisation: TestOrganisation;

beforeAll(async () => {
  organisation = await createOrganisation();
});
afterAll(() => db.$disconnect());

async function inviteAs(actor: CurrentUser, email: string, role = "ORGANISER", locale = "nl") {
  return runAuthorized(invite as unknown as AnyDefinition, actor, { organisationId: organisation.id, email, role, locale });
}

/** The token from the newest invitation email to this address. */
async function invitationToken(email: string): Promise<string> {
  const mail = await db.emailOutbox.findFirstOrThrow({
    where: { toAddress: email, kind: "organisation.invitation" },
    orderBy: { createdAt: "desc" },
  });
  const match = /\/uitnodiging\/([A-Za-z0-9_-]{20,100})/.exec(mail.textBody);
  if (!match?.[1]) throw new Error(`no invitation link in:\n${mail.textBody}`);
  return match[1];
}

async function signUp(email: string): Promise<CurrentUser> {
  return db.user.create({ data: { email }, select: { id: true, email: true, name: true } });
}

describe("inviting", () => {
  it("stores only the token's hash and sends the link through the outbox, in the chosen language", async () => {
    const email = uniqueEmail("nieuwe-collega");
    expect(await inviteAs(organisation.owner, email, "HOST", "en")).toMatchObject({ ok: true });
    const token = await invitationToken(email);
    const stored = await db.memberInvitation.findFirstOrThrow({ where: { organisationId: organisation.id, email } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.role).toBe("HOST");
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: email } });
    expect(mail.subject).toBe(`Invitation to ${organisation.name} on Podium`);
    expect(mail.textBody).toContain("/en/uitnodiging/");
  });

  it("stores the address in lower case, so the person's sign-in finds it", async () => {
    const email = uniqueEmail("HoofdLetters");
    await inviteAs(organisation.owner, email);
    expect(await db.memberInvitation.count({ where: { organisationId: organisation.id, email: email.toLowerCase() } })).toBe(1);
  });

  it("replaces an open invitation when the same address is invited again: only the newest link works", async () => {
    const email = uniqueEmail("opnieuw");
    await inviteAs(organisation.owner, email, "HOST");
    const first = await invitationToken(email);
    await inviteAs(organisation.owner, email, "ORGANISER");
    const second = await invitationToken(email);
    expect(await findInvitationByToken(first)).toBeNull();
    expect(await findInvitationByToken(second)).toMatchObject({ role: "ORGANISER" });
  });

  it("refuses to invite someone who is already a member", async () => {
    expect(await inviteAs(organisation.owner, organisation.host.email.toUpperCase())).toMatchObject({
      ok: false,
      reason: "alreadyMember",
    });
  });
});

describe("accepting", () => {
  it("makes the person whose address it was a member with the invited role, once, with an audit entry", async () => {
    const email = uniqueEmail("aanvaarder");
    await inviteAs(organisation.owner, email, "HOST");
    const invitation = await findInvitationByToken(await invitationToken(email));
    const user = await signUp(email);

    const [first, second] = await Promise.all([acceptInvitation(user, invitation?.id ?? ""), acceptInvitation(user, invitation?.id ?? "")]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    const memberships = await db.membership.findMany({ where: { organisationId: organisation.id, userId: user.id } });
    expect(memberships.map((m) => m.role)).toEqual(["HOST"]);
    const joined = await db.auditLogEntry.findMany({ where: { organisationId: organisation.id, action: "member.joined", actorUserId: user.id } });
    expect(joined).toHaveLength(1);
  });

  it("refuses someone signed in with another address, as if the invitation did not exist", async () => {
    const email = uniqueEmail("bedoeld");
    await inviteAs(organisation.owner, email);
    const invitation = await findInvitationByToken(await invitationToken(email));
    const intruder = await createUser("indringer");
    expect(await acceptInvitation(intruder, invitation?.id ?? "")).toEqual({ ok: false, reason: "notFound" });
    expect(await db.membership.count({ where: { organisationId: organisation.id, userId: intruder.id } })).toBe(0);
    expect((await findInvitationByToken(await invitationToken(email)))?.acceptedAt).toBeNull();
  });

  it("refuses an expired invitation", async () => {
    const email = uniqueEmail("verlopen");
    await inviteAs(organisation.owner, email);
    const invitation = await findInvitationByToken(await invitationToken(email));
    await db.memberInvitation.update({ where: { id: invitation?.id ?? "" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const user = await signUp(email);
    expect(await acceptInvitation(user, invitation?.id ?? "")).toEqual({ ok: false, reason: "expired" });
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
  });

  it("keeps the role of someone who already joined", async () => {
    const user = await createUser("al-lid");
    await addMember(organisation.id, user, "ORGANISER");
    // Invited before they joined by another way: the invitation row exists, the member check at invite time passed.
    const invitation = await db.memberInvitation.create({
      data: { organisationId: organisation.id, email: user.email, role: "HOST", tokenHash: hashToken(uniqueEmail("t")), expiresAt: new Date(Date.now() + 86_400_000) },
    });
    expect(await acceptInvitation(user, invitation.id)).toMatchObject({ ok: true });
    expect((await db.membership.findFirstOrThrow({ where: { organisationId: organisation.id, userId: user.id } })).role).toBe("ORGANISER");
  });

  it("finds nothing for a guessed or malformed token", async () => {
    expect(await findInvitationByToken("x".repeat(43))).toBeNull();
    expect(await findInvitationByToken("kort")).toBeNull();
  });
});
