import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { cachedQuery } from "@/lib/cached-query";
import { REPORTS_TAG, reportTag } from "@/lib/cache-tags";

// Drafts never show, and neither do scheduled reports before their moment.
function publishedNow() {
  return { status: { in: ["PUBLISHED" as const, "SCHEDULED" as const] }, publishedAt: { lte: new Date() } };
}

async function loadPublishedReport(slug: string) {
  return db.report.findFirst({
    where: { slug, ...publishedNow() },
    include: {
      coverPhoto: true,
      conference: {
        select: { slug: true, title: true, startsAt: true, endsAt: true, venue: { select: { name: true, city: true } } },
      },
      speakers: { include: { speaker: { include: { photo: true } } } },
      quotes: { orderBy: { position: "asc" } },
      links: { orderBy: { position: "asc" } },
      photos: { orderBy: { position: "asc" }, include: { photo: true } },
      dossiers: { include: { dossier: { select: { slug: true, title: true } } } },
    },
  });
}

export type PublishedReport = NonNullable<Awaited<ReturnType<typeof loadPublishedReport>>>;

export const getPublishedReport = cache(
  cachedQuery(loadPublishedReport, "public-report", {
    tags: (slug) => [REPORTS_TAG, reportTag(slug)],
    // Short, so that a scheduled report appears on time even when nothing else invalidates it.
    revalidate: 60,
  }),
);

async function loadLatestReports(take: string) {
  return db.report.findMany({
    where: publishedNow(),
    orderBy: { publishedAt: "desc" },
    take: Number(take),
    select: { slug: true, title: true, lead: true, publishedAt: true, coverPhoto: true },
  });
}

export const listLatestReports = cache(
  cachedQuery(loadLatestReports, "latest-reports", { tags: () => [REPORTS_TAG], revalidate: 60 }),
);
