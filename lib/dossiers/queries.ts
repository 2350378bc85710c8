import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { cachedQuery } from "@/lib/cached-query";
import { DOSSIERS_TAG, dossierTag, REPORTS_TAG } from "@/lib/cache-tags";
import { publicReportWhere } from "@/lib/reports/visibility";

// Dossiers with how many public reports each holds, for the index.
async function loadDossiers() {
  const dossiers = await db.dossier.findMany({
    orderBy: { title: "asc" },
    select: {
      slug: true,
      title: true,
      description: true,
      updatedAt: true,
      _count: { select: { reports: { where: { report: publicReportWhere() } } } },
    },
  });
  return dossiers.map(({ _count, ...dossier }) => ({ ...dossier, reportCount: _count.reports }));
}

export const listDossiers = cache(
  cachedQuery(loadDossiers, "dossiers", { tags: () => [DOSSIERS_TAG, REPORTS_TAG], revalidate: 60 }),
);

// A dossier with its public reports in the organiser's order. A scheduled report is left out until its
// moment; the short revalidation makes it appear on time.
async function loadDossier(slug: string) {
  return db.dossier.findUnique({
    where: { slug },
    select: {
      slug: true,
      title: true,
      description: true,
      updatedAt: true,
      reports: {
        where: { report: publicReportWhere() },
        orderBy: { position: "asc" },
        select: {
          report: { select: { slug: true, title: true, lead: true, publishedAt: true, coverPhoto: true } },
        },
      },
    },
  });
}

export type PublicDossier = NonNullable<Awaited<ReturnType<typeof loadDossier>>>;

export const getDossier = cache(
  cachedQuery(loadDossier, "dossier", { tags: (slug) => [DOSSIERS_TAG, dossierTag(slug), REPORTS_TAG], revalidate: 60 }),
);
