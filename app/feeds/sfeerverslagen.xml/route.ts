// RSS 2.0 feed of published reports, newest first. Drafts and scheduled reports before their moment are
// not in it: the query is the same one the public pages use.
import { rssFeed } from "@/lib/feeds/rss";
import { listFeedReports } from "@/lib/reports/queries";
import { absoluteUrl, FEEDS, localizedUrl, mediaPath } from "@/lib/site/urls";

export async function GET() {
  const reports = await listFeedReports();
  const xml = rssFeed({
    title: "Podium: sfeerverslagen",
    link: localizedUrl("nl", "/sfeerverslagen"),
    selfUrl: absoluteUrl(FEEDS.reports),
    description: "Sfeerverslagen van conferenties in het sociaal domein.",
    language: "nl",
    items: reports.map((report) => ({
      title: report.title,
      link: localizedUrl("nl", `/sfeerverslagen/${report.slug}`),
      description: report.lead,
      publishedAt: report.publishedAt ?? report.updatedAt,
      creator: report.authorName,
      category: report.conference?.title ?? null,
      enclosure: report.coverPhoto
        ? { url: absoluteUrl(mediaPath(report.coverPhoto.file)), length: report.coverPhoto.bytes, type: report.coverPhoto.mimeType }
        : null,
    })),
  });
  return new Response(xml, {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
