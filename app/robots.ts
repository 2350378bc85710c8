// Crawlers are welcome on the public pages; personal links (registrations, newsletter confirmations), the
// API, development tools and the organisers' and hosts' areas are none of their business.
import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/site/urls";

// Pages inside the locale routing exist under /en too.
const LOCALIZED = ["/aanmelding/", "/feedback/", "/voorbeeld/", "/nieuwsbrief/bevestigen/", "/nieuwsbrief/afmelden/", "/dev/", "/beheer", "/checkin"];

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/api/", ...LOCALIZED, ...LOCALIZED.map((path) => `/en${path}`)] }],
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
