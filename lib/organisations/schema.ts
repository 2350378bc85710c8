// Schemas for the members page's forms, shared by the client forms and the server actions. Messages are keys
// under "validation".
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { recordId, requiredText } from "@/lib/editor/fields";
import { optionalWebUrl } from "@/lib/site/link-targets";
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

// The organisation's public details (dashboard, "Instellingen"): its name, website and the contact address
// that every conference page and email names. Messages are keys under "editor.validation".
export const organisationSettingsSchema = z.object({
  organisationId: recordId,
  name: requiredText(160),
  website: optionalWebUrl,
  contactEmail: z.string().trim().min(1, "required").max(254, "tooLong").pipe(z.email("emailInvalid")),
});
export type OrganisationSettings = z.output<typeof organisationSettingsSchema>;
export type OrganisationSettingsValues = { name: string; website: string; contactEmail: string };
