import "server-only";
import type { ActionDefinition } from "@/lib/auth/authorized-action";
import { MANAGE_MEMBERS, ORGANISE } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { hit } from "@/lib/rate-limit/rate-limit";
import { changeMemberRole, inviteMember, removeMember, revokeInvitation, updateOrganisationSettings } from "./mutations";
import { INVITATIONS_PER_USER } from "./rate-limits";
import { changeRoleSchema, inviteMemberSchema, organisationSettingsSchema, removeMemberSchema, revokeInvitationSchema } from "./schema";

// The members actions as plain definitions: actions.ts turns them into server actions, and the
// authorization tests run each one as anonymous, as a host and as an organiser of another organisation.

async function organisationOfMembership({ membershipId }: { membershipId: string }): Promise<string | null> {
  const membership = await db.membership.findUnique({ where: { id: membershipId }, select: { organisationId: true } });
  return membership?.organisationId ?? null;
}

export const invite = {
  name: "members.invite",
  roles: MANAGE_MEMBERS,
  schema: inviteMemberSchema,
  // The organisation is named in the input; authorizeMembership then finds no membership for a stranger.
  organisationOf: async (input) => input.organisationId,
  handler: async (input, access) => {
    const limited = await hit(INVITATIONS_PER_USER, access.user.id);
    if (!limited.ok) return { ok: false, reason: "rateLimited", retryAfterSeconds: limited.retryAfterSeconds };
    return inviteMember(access, input);
  },
} satisfies ActionDefinition<typeof inviteMemberSchema, { invitationId: string }, "alreadyMember">;

export const changeRole = {
  name: "members.changeRole",
  roles: MANAGE_MEMBERS,
  schema: changeRoleSchema,
  organisationOf: organisationOfMembership,
  handler: (input, access) => changeMemberRole(access, input),
} satisfies ActionDefinition<typeof changeRoleSchema, { role: Role; self: boolean }, "notFound" | "lastOwner">;

export const remove = {
  name: "members.remove",
  roles: MANAGE_MEMBERS,
  schema: removeMemberSchema,
  organisationOf: organisationOfMembership,
  handler: (input, access) => removeMember(access, input),
} satisfies ActionDefinition<typeof removeMemberSchema, { self: boolean }, "notFound" | "lastOwner">;

export const revoke = {
  name: "members.revokeInvitation",
  roles: MANAGE_MEMBERS,
  schema: revokeInvitationSchema,
  organisationOf: async ({ invitationId }) => {
    const invitation = await db.memberInvitation.findUnique({ where: { id: invitationId }, select: { organisationId: true } });
    return invitation?.organisationId ?? null;
  },
  handler: (input, access) => revokeInvitation(access, input),
} satisfies ActionDefinition<typeof revokeInvitationSchema, null, "notFound">;

// Organisers may keep the public details right: they publish the conferences that name them.
export const updateSettings = {
  name: "organisations.updateSettings",
  roles: ORGANISE,
  schema: organisationSettingsSchema,
  organisationOf: async (input) => input.organisationId,
  handler: (input, access) => updateOrganisationSettings(access, input),
} satisfies ActionDefinition<typeof organisationSettingsSchema, { organisationSlug: string; conferenceSlugs: string[] }, never>;
