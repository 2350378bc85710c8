// Schemas for the members page's forms, shared by the client forms and the server actions. Messages are keys
// under "validation".
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { lineText } from "@/lib/text";

const id = lineText().min(1, "required").max(40, "invalid");
const role = z.enum(ROLES, "required");

export const inviteMemberSchema = z.object({
  organisationId: id,
  email: z.string().trim().max(254, "tooLong").pipe(z.email("emailInvalid")),
  role,
  // The language of the invitation email: the inviter knows the person, we do not.
  locale: z.enum(["nl", "en"]).catch("nl"),
});

export const changeRoleSchema = z.object({ membershipId: id, role });
export const removeMemberSchema = z.object({ membershipId: id });
export const revokeInvitationSchema = z.object({ invitationId: id });
export const acceptInvitationSchema = z.object({ invitationId: id });

export type InviteMemberInput = z.input<typeof inviteMemberSchema>;
export type InviteMember = z.output<typeof inviteMemberSchema>;
