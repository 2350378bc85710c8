import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cachedQuery } from "@/lib/cached-query";
import { REPORTS_TAG, reportTag } from "@/lib/cache-tags";
import { publicReportWhere } from "@/lib/reports/visibility";
import { isLinkTarget } from "@/lib/site/link-targets";

// Short, so that a scheduled report appears on time even when nothing else invalidates it.
const REPORT_REVALIDATE_SECONDS = 60;

export const REPORTS_PAGE_SIZE = 10;

const reportInclude = {
  coverPhoto: true,
  organisation: { select: { name: true, website: true } },
  conference: {
    select: {
      slug: true,
      title: true,
      startsAt: true,
      endsAt: true,
      status: true,
      venue: { select: { name: true, city: true } },
    },
  },
  speakers: { include: { speaker: { include: { photo: true } } }, orderBy: { speaker: { name: "asc" } } },
  quotes: { orderBy: { position: "asc" } },
  links: { orderBy: { position: "asc" } },
  photos: { orderBy: { position: "asc" }, include: { photo: true } },
  dossiers: { include: { dossier: { select: { slug: true, title: true } } } },
} satisfies Prisma.ReportInclude;

async function loadPublishedReport(slug: string) {
  const report = await db.report.findFirst({ where: { slug, ...publicReportWhere() }, include: reportInclude });
  // Links saved before the editor refused addresses that lead off-site while looking like a path here.
  return report && { ...report, links: report.links.filter((link) => isLinkTarget(link.url)) };
}

export type PublishedReport = NonNullable<Awaited<ReturnType<typeof loadPublishedReport>>>;

/**
 * Any report of any status as its public page would show it: for the organisers' preview, which checks
 * membership of `organisationId` before it shows anything. Never cached.
 */
export async function loadReportPreview(slug: string) {
  const report = await db.report.findUnique({ where: { slug }, include: reportInclude });
  if (!report) return null;
  const shown: PublishedReport = { ...report, links: report.links.filter((link) => isLinkTarget(link.url)) };
  const isPublic = (await db.report.count({ where: { id: report.id, ...publicReportWhere() } })) > 0;
  return { organisationId: report.organisationId, isPublic, report: shown };
}

export const getPublishedReport = cache(
  cachedQuery(loadPublishedReport, "public-report", {
    tags: (slug) => [REPORTS_TAG, reportTag(slug)],
    revalidate: REPORT_REVALIDATE_SECONDS,
  }),
);

const reportSummarySelect = {
  slug: true,
  title: true,
  lead: true,
  publishedAt: true,
  coverPhoto: true,
} as const;

async function loadLatestReports(take: string) {
  return db.report.findMany({
    where: publicReportWhere(),
    orderBy: { publishedAt: "desc" },
    take: Number(take),
    select: reportSummarySelect,
  });
}

export const listLatestReports = cache(
  cachedQuery(loadLatestReports, "latest-reports", { tags: () => [REPORTS_TAG], revalidate: REPORT_REVALIDATE_SECONDS }),
);

export type ReportSummary = Awaited<ReturnType<typeof loadLatestReports>>[number];

// One page of the reports list, newest first, with the total so the page knows how many pages there are.
async function loadReportsPage(page: string) {
  const where = publicReportWhere();
  const [reports, total] = await Promise.all([
    db.report.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { slug: "asc" }],
      skip: (Number(page) - 1) * REPORTS_PAGE_SIZE,
      take: REPORTS_PAGE_SIZE,
      select: reportSummarySelect,
    }),
    db.report.count({ where }),
  ]);
  return { reports, total, pageCount: Math.max(1, Math.ceil(total / REPORTS_PAGE_SIZE)) };
}

export const listReportsPage = cache(
  cachedQuery(loadReportsPage, "reports-page", { tags: () => [REPORTS_TAG], revalidate: REPORT_REVALIDATE_SECONDS }),
);

// The newest reports for the RSS feed.
async function loadFeedReports() {
  return db.report.findMany({
    where: publicReportWhere(),
    orderBy: { publishedAt: "desc" },
    take: 30,
    select: {
      slug: true,
      title: true,
      lead: true,
      publishedAt: true,
      updatedAt: true,
      authorName: true,
      coverPhoto: { select: { file: true, mimeType: true, bytes: true } },
      conference: { select: { title: true } },
    },
  });
}

export const listFeedReports = cache(
  cachedQuery(loadFeedReports, "feed-reports", { tags: () => [REPORTS_TAG], revalidate: REPORT_REVALIDATE_SECONDS }),
);

// Every public report, for the sitemap.
async function loadReportSlugs() {
  return db.report.findMany({
    where: publicReportWhere(),
    orderBy: { publishedAt: "desc" },
    select: { slug: true, updatedAt: true },
  });
}

export const listReportSlugs = cache(
  cachedQuery(loadReportSlugs, "report-slugs", { tags: () => [REPORTS_TAG], revalidate: REPORT_REVALIDATE_SECONDS }),
);
