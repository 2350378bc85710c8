import "server-only";
import type { ActionDefinition } from "@/lib/auth/authorized-action";
import { ORGANISE } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { saveReport, unpublishReport, type ReportRevalidation, type SaveReportRefusal, type SaveReportResult } from "./mutations";
import { reportSchema, unpublishReportSchema } from "./schema";

// The report editor's actions as plain definitions: actions.ts turns them into server actions, and the
// authorization tests run each as anonymous, as a host and as an organiser of another organisation.

async function organisationOfReport(reportId: string): Promise<string | null> {
  const report = await db.report.findUnique({ where: { id: reportId }, select: { organisationId: true } });
  return report?.organisationId ?? null;
}

export const save = {
  name: "reports.save",
  roles: ORGANISE,
  schema: reportSchema,
  // An existing report belongs to its own organisation, whatever the form says; a new one to the organisation
  // named in the form, where authorizeMembership then finds no membership for a stranger.
  organisationOf: async (input) => (await organisationOfReport(input.reportId)) ?? input.organisationId,
  handler: (input, access) => saveReport(access, input),
} satisfies ActionDefinition<typeof reportSchema, SaveReportResult, SaveReportRefusal>;

export const unpublish = {
  name: "reports.unpublish",
  roles: ORGANISE,
  schema: unpublishReportSchema,
  organisationOf: (input) => organisationOfReport(input.reportId),
  handler: (input, access) => unpublishReport(access, input),
} satisfies ActionDefinition<typeof unpublishReportSchema, { slug: string; revalidate: ReportRevalidation | null }, "notFound">;
