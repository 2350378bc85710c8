// The retention periods of an organisation (issue 15, point 9), shared by the settings form and its action.
// Messages are keys under "editor.validation"; the bounds are the database's check constraints too.
import { z } from "zod";
import { recordId, wholeNumber } from "@/lib/editor/fields";

export const RETENTION_MONTHS = { min: 1, max: 120, default: 12 } as const;
export const NEEDS_DAYS = { min: 1, max: 365, default: 30 } as const;

export const retentionSettingsSchema = z.object({
  organisationId: recordId,
  retentionMonths: wholeNumber(RETENTION_MONTHS.min, RETENTION_MONTHS.max),
  needsRetentionDays: wholeNumber(NEEDS_DAYS.min, NEEDS_DAYS.max),
});
export type RetentionSettings = z.output<typeof retentionSettingsSchema>;
export type RetentionSettingsValues = { retentionMonths: string; needsRetentionDays: string };
