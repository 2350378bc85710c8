// Reports and what they link to, for the report editor's tests: each test makes its own, uniquely named.
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { db } from "@/lib/db";
import { uniqueSuffix } from "./factories";

const DAY = 24 * 60 * 60 * 1000;

/** A conference, a speaker and a dossier of the organisation, to link a report to. */
export async function createReportLinks(organisationId: string) {
  const suffix = uniqueSuffix();
  const startsAt = new Date(Date.now() - 60 * DAY);
  const [conference, speaker, dossier] = await Promise.all([
    db.conference.create({
      data: {
        organisationId,
        slug: `conferentie-${suffix}`,
        title: `Conferentie ${suffix}`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 8 * 60 * 60 * 1000),
        capacity: 100,
        status: "PUBLISHED",
        publishedAt: new Date(startsAt.getTime() - 30 * DAY),
      },
      select: { id: true, slug: true },
    }),
    db.speaker.create({ data: { organisationId, slug: `spreker-${suffix}`, name: `Spreker ${suffix}` }, select: { id: true, slug: true } }),
    db.dossier.create({ data: { organisationId, slug: `dossier-${suffix}`, title: `Dossier ${suffix}` }, select: { id: true, slug: true } }),
  ]);
  return { conference, speaker, dossier };
}

/** The form's fields as the browser posts them (flat names), for a new report unless reportId is given. */
export function reportForm(organisationId: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    reportId: randomUUID(),
    organisationId,
    intent: "save",
    title: `Sfeerverslag ${uniqueSuffix()}`,
    lead: "Een middag vol ontmoetingen.",
    body: "## Wat er gebeurde\n\nVeel **goede** gesprekken.",
    ...fields,
  };
}

/** A small real PNG, as a File the way a form posts it. */
export async function pngFile(name = "foto.png", width = 64, height = 48): Promise<File> {
  const bytes = await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .png()
    .toBuffer();
  return new File([new Uint8Array(bytes)], name, { type: "image/png" });
}

/** Everything a report action could change in an organisation, to prove a refused one changed nothing. */
export async function reportSnapshot(organisationId: string) {
  const reports = await db.report.findMany({
    where: { organisationId },
    orderBy: { id: "asc" },
    include: { speakers: true, quotes: true, links: true, photos: true, dossiers: true },
  });
  const [photos, audit, dossierReports] = await Promise.all([
    db.photo.findMany({ where: { organisationId }, orderBy: { id: "asc" } }),
    db.auditLogEntry.findMany({ where: { organisationId }, orderBy: { id: "asc" } }),
    db.dossierReport.findMany({ where: { dossier: { organisationId } }, orderBy: [{ dossierId: "asc" }, { position: "asc" }] }),
  ]);
  return { reports, photos, audit, dossierReports };
}
