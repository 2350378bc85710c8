import "server-only";
import { recordAudit } from "@/lib/audit/log";
import type { OrganisationAccess } from "@/lib/auth/authorize";
import type { HandlerResult } from "@/lib/auth/outcome";
import type { CurrentUser } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { enqueueEmail } from "@/lib/mail/outbox";
import { kickMailWorker } from "@/lib/mail/worker";
import { emailKey } from "@/lib/text";
import { hashToken, randomToken } from "@/lib/tokens";
import { INVITATION_DAYS, invitationEmail } from "./emails";
import { lockMembers } from "./lock";
import type { InviteMember, OrganisationSettings } from "./schema";

const DAY = 24 * 60 * 60 * 1000;

// These functions trust `access` (the caller authorized it against the database) and enforce everything
// else themselves, inside one transaction under the organisation's members lock.

export async function inviteMember(
  access: OrganisationAccess,
  input: InviteMember,
): Promise<HandlerResult<{ invitationId: string }, "alreadyMember">> {
  const organisationId = access.organisation.id;
  const email = emailKey(input.email);
  const token = randomToken();
  const result = await db.$transaction(async (tx) => {
    await lockMembers(tx, organisationId);
    const member = await tx.membership.findFirst({ where: { organisationId, user: { email } }, select: { id: true } });
    if (member) return { ok: false, reason: "alreadyMember" } as const;
    // Inviting again replaces the open invitation: only the newest link works, with the newest role.
    await tx.memberInvitation.deleteMany({ where: { organisationId, email, acceptedAt: null } });
    const invitation = await tx.memberInvitation.create({
      data: {
        organisationId,
        email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedById: access.user.id,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * DAY),
      },
      select: { id: true },
    });
    await enqueueEmail(
      tx,
      invitationEmail({
        to: email,
        locale: input.locale,
        token,
        organisation: {
          name: access.organisation.name,
          contactEmail: (await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { contactEmail: true } })).contactEmail,
        },
        inviterName: access.user.name ?? access.user.email,
        role: input.role,
      }),
    );
    await recordAudit(tx, {
      organisationId,
      actorUserId: access.user.id,
      action: "member.invited",
      entityType: "invitation",
      entityId: invitation.id,
      details: { email, role: input.role },
    });
    return { ok: true, data: { invitationId: invitation.id } } as const;
  });
  if (result.ok) kickMailWorker();
  return result;
}

async function ownerCount(tx: Tx, organisationId: string): Promise<number> {
  return tx.membership.count({ where: { organisationId, role: "OWNER" } });
}

async function lockedMember(tx: Tx, access: OrganisationAccess, membershipId: string) {
  await lockMembers(tx, access.organisation.id);
  // Re-read under the lock, and only within the caller's organisation.
  return tx.membership.findFirst({
    where: { id: membershipId, organisationId: access.organisation.id },
    select: { id: true, role: true, user: { select: { id: true, email: true } } },
  });
}

export async function changeMemberRole(
  access: OrganisationAccess,
  input: { membershipId: string; role: Role },
): Promise<HandlerResult<{ role: Role; self: boolean }, "notFound" | "lastOwner">> {
  return db.$transaction(async (tx) => {
    const member = await lockedMember(tx, access, input.membershipId);
    if (!member) return { ok: false, reason: "notFound" } as const;
    const self = member.user.id === access.user.id;
    if (member.role === input.role) return { ok: true, data: { role: input.role, self } } as const;
    if (member.role === "OWNER" && (await ownerCount(tx, access.organisation.id)) <= 1) {
      return { ok: false, reason: "lastOwner" } as const;
    }
    await tx.membership.update({ where: { id: member.id }, data: { role: input.role } });
    await recordAudit(tx, {
      organisationId: access.organisation.id,
      actorUserId: access.user.id,
      action: "member.role_changed",
      entityType: "membership",
      entityId: member.id,
      details: { member: member.user.email, from: member.role, to: input.role },
    });
    return { ok: true, data: { role: input.role, self } } as const;
  });
}

export async function removeMember(
  access: OrganisationAccess,
  input: { membershipId: string },
): Promise<HandlerResult<{ self: boolean }, "notFound" | "lastOwner">> {
  return db.$transaction(async (tx) => {
    const member = await lockedMember(tx, access, input.membershipId);
    if (!member) return { ok: false, reason: "notFound" } as const;
    if (member.role === "OWNER" && (await ownerCount(tx, access.organisation.id)) <= 1) {
      return { ok: false, reason: "lastOwner" } as const;
    }
    // Their sessions stay (they may belong to other organisations); every page and action re-checks the
    // membership, so access to this organisation ends with this delete.
    await tx.membership.delete({ where: { id: member.id } });
    await recordAudit(tx, {
      organisationId: access.organisation.id,
      actorUserId: access.user.id,
      action: "member.removed",
      entityType: "membership",
      entityId: member.id,
      details: { member: member.user.email, role: member.role },
    });
    return { ok: true, data: { self: member.user.id === access.user.id } } as const;
  });
}

export async function revokeInvitation(
  access: OrganisationAccess,
  input: { invitationId: string },
): Promise<HandlerResult<null, "notFound">> {
  return db.$transaction(async (tx) => {
    await lockMembers(tx, access.organisation.id);
    const invitation = await tx.memberInvitation.findFirst({
      where: { id: input.invitationId, organisationId: access.organisation.id, acceptedAt: null },
      select: { id: true, email: true, role: true },
    });
    if (!invitation) return { ok: false, reason: "notFound" } as const;
    await tx.memberInvitation.delete({ where: { id: invitation.id } });
    await recordAudit(tx, {
      organisationId: access.organisation.id,
      actorUserId: access.user.id,
      action: "member.invitation_revoked",
      entityType: "invitation",
      entityId: invitation.id,
      details: { email: invitation.email, role: invitation.role },
    });
    return { ok: true, data: null } as const;
  });
}

/**
 * Joins the organisation of an invitation addressed to the user's own (verified, they signed in with it)
 * email address. Someone else's invitation is "notFound", never a hint that it exists.
 */
export async function acceptInvitation(
  user: CurrentUser,
  invitationId: string,
): Promise<HandlerResult<{ organisationSlug: string }, "notFound" | "expired">> {
  return db.$transaction(async (tx) => {
    const invitation = await tx.memberInvitation.findUnique({
      where: { id: invitationId },
      select: { id: true, email: true, role: true, expiresAt: true, organisationId: true, organisation: { select: { slug: true } } },
    });
    if (!invitation || invitation.email !== emailKey(user.email)) return { ok: false, reason: "notFound" } as const;
    await lockMembers(tx, invitation.organisationId);
    // Claimed with a condition, so a double click (or two tabs) accepts once.
    const claimed = await tx.memberInvitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count === 0) return { ok: false, reason: "expired" } as const;
    const existing = await tx.membership.findUnique({
      where: { organisationId_userId: { organisationId: invitation.organisationId, userId: user.id } },
      select: { id: true },
    });
    // Already a member (joined through another invitation): the role they have stays.
    if (!existing) {
      const membership = await tx.membership.create({
        data: { organisationId: invitation.organisationId, userId: user.id, role: invitation.role },
        select: { id: true },
      });
      await recordAudit(tx, {
        organisationId: invitation.organisationId,
        actorUserId: user.id,
        action: "member.joined",
        entityType: "membership",
        entityId: membership.id,
        details: { member: invitation.email, role: invitation.role, invitationId: invitation.id },
      });
    }
    return { ok: true, data: { organisationSlug: invitation.organisation.slug } } as const;
  });
}

/**
 * The organisation's public details. The contact address is what conference pages and emails name; conferences
 * cannot be published without one (lib/conferences/publish-checklist.ts).
 */
export async function updateOrganisationSettings(
  access: OrganisationAccess,
  input: OrganisationSettings,
): Promise<HandlerResult<{ organisationSlug: string; conferenceSlugs: string[] }, never>> {
  return db.$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({ where: { id: access.organisation.id }, select: { name: true, website: true, contactEmail: true } });
    await tx.organisation.update({
      where: { id: access.organisation.id },
      data: { name: input.name, website: input.website, contactEmail: input.contactEmail },
    });
    const changed = Object.fromEntries(
      (["name", "website", "contactEmail"] as const)
        .filter((field) => before[field] !== input[field])
        .map((field) => [field, { from: before[field], to: input[field] }]),
    );
    if (Object.keys(changed).length > 0) {
      await recordAudit(tx, {
        organisationId: access.organisation.id,
        actorUserId: access.user.id,
        action: "organisation.updated",
        entityType: "organisation",
        entityId: access.organisation.id,
        details: { name: input.name, changed: Object.keys(changed) },
      });
    }
    // Every public page of the organisation's conferences names it.
    const conferences = await tx.conference.findMany({ where: { organisationId: access.organisation.id, status: { not: "DRAFT" } }, select: { slug: true } });
    return { ok: true, data: { organisationSlug: access.organisation.slug, conferenceSlugs: conferences.map((c) => c.slug) } } as const;
  });
}
