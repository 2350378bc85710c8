import "server-only";
import { db } from "@/lib/db";

// What the dashboard reads about reports: every status, always scoped to the organisation whose page it is,
// never cached (an organiser must see their own change at once).

export async function listOrganisationReports(organisationId: string) {
  return db.report.findMany({
    where: { organisationId },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      publishedAt: true,
      updatedAt: true,
      conference: { select: { title: true } },
    },
  });
}

export type ReportListItem = Awaited<ReturnType<typeof listOrganisationReports>>[number];

/** The report with everything the editor shows; null for an unknown id or another organisation's report. */
export async function getReportForEditing(organisationId: string, reportId: string) {
  return db.report.findFirst({
    where: { id: reportId, organisationId },
    include: {
      coverPhoto: true,
      speakers: { select: { speakerId: true } },
      dossiers: { select: { dossierId: true } },
      quotes: { orderBy: { position: "asc" } },
      links: { orderBy: { position: "asc" } },
      photos: { orderBy: { position: "asc" }, include: { photo: true } },
    },
  });
}

export type EditableReport = NonNullable<Awaited<ReturnType<typeof getReportForEditing>>>;

/** The organisation's conferences, speakers and dossiers a report can be linked to. */
export async function getReportEditorOptions(organisationId: string) {
  const [conferences, speakers, dossiers] = await Promise.all([
    db.conference.findMany({
      where: { organisationId },
      orderBy: { startsAt: "desc" },
      select: { id: true, title: true, startsAt: true },
    }),
    db.speaker.findMany({
      where: { organisationId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, slug: true, role: true, affiliation: true },
    }),
    db.dossier.findMany({ where: { organisationId }, orderBy: { title: "asc" }, select: { id: true, title: true } }),
  ]);
  return { conferences, speakers, dossiers };
}

export type ReportEditorOptions = Awaited<ReturnType<typeof getReportEditorOptions>>;
