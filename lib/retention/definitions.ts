import "server-only";
import type { ActionDefinition } from "@/lib/auth/authorized-action";
import { MANAGE_MEMBERS } from "@/lib/auth/roles";
import { updateRetentionSettings } from "./mutations";
import { retentionSettingsSchema } from "./schema";

// How long personal data are kept is the owner's decision (the controller's), as the members are: organisers
// see the schedule but do not change it.
export const updateRetention = {
  name: "retention.updateSettings",
  roles: MANAGE_MEMBERS,
  schema: retentionSettingsSchema,
  organisationOf: async (input) => input.organisationId,
  handler: (input, access) => updateRetentionSettings(access, input),
} satisfies ActionDefinition<typeof retentionSettingsSchema, { retentionMonths: number; needsRetentionDays: number }, never>;
