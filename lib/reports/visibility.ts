// Which reports the public may see: never a draft, and a scheduled report only from its moment on. Every
// public read of reports (pages, feeds, sitemap, dossiers, speakers) uses this one condition.
import type { Prisma } from "@/lib/generated/prisma/client";

export function publicReportWhere(now: Date = new Date()): Prisma.ReportWhereInput {
  return { status: { in: ["PUBLISHED", "SCHEDULED"] }, publishedAt: { lte: now } };
}

// Cancelled conferences stay visible, marked as cancelled, so that people who planned to come find out.
export const PUBLIC_CONFERENCE_STATUSES = ["PUBLISHED", "CANCELLED"] as const;
