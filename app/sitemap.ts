// Every public page in both languages, each with its hreflang alternates. Rendered per request (next build
// has no database), from the same tagged cache the pages use, so it is cheap and never lists a draft.
import type { MetadataRoute } from "next";
import { listPublicConferences } from "@/lib/conferences/queries";
import { listDossiers } from "@/lib/dossiers/queries";
import { listReportSlugs } from "@/lib/reports/queries";
import { listSpeakerSlugs } from "@/lib/speakers/queries";
import { LOCALES, localizedUrl } from "@/lib/site/urls";

export const dynamic = "force-dynamic";

type Page = { path: string; lastModified?: Date; priority?: number };

function entries(page: Page): MetadataRoute.Sitemap {
  const languages = Object.fromEntries(LOCALES.map((locale) => [locale, localizedUrl(locale, page.path)]));
  return LOCALES.map((locale) => ({
    url: localizedUrl(locale, page.path),
    ...(page.lastModified ? { lastModified: page.lastModified } : {}),
    ...(page.priority !== undefined ? { priority: page.priority } : {}),
    alternates: { languages },
  }));
}

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [conferences, reports, dossiers, speakers] = await Promise.all([
    listPublicConferences(),
    listReportSlugs(),
    listDossiers(),
    listSpeakerSlugs(),
  ]);
  const pages: Page[] = [
    { path: "/", priority: 1 },
    { path: "/sfeerverslagen", priority: 0.8 },
    { path: "/dossiers", priority: 0.6 },
    { path: "/nieuwsbrief", priority: 0.3 },
    { path: "/privacy", priority: 0.2 },
    ...conferences.map((c) => ({ path: `/conferenties/${c.slug}`, lastModified: c.updatedAt, priority: 0.9 })),
    ...reports.map((r) => ({ path: `/sfeerverslagen/${r.slug}`, lastModified: r.updatedAt, priority: 0.8 })),
    ...dossiers.map((d) => ({ path: `/dossiers/${d.slug}`, lastModified: d.updatedAt, priority: 0.6 })),
    ...speakers.map((s) => ({ path: `/sprekers/${s.slug}`, lastModified: s.updatedAt, priority: 0.5 })),
  ];
  return pages.flatMap(entries);
}
