// Local paths of the site: Dutch at the root, English under /en. Pure and client-safe (no APP_URL);
// absolute addresses are built from these in ./urls.
import type { Locale } from "@/i18n/routing";

/** "/sfeerverslagen/x" in Dutch, "/en/sfeerverslagen/x" in English; "/" stays "/" or becomes "/en". */
export function localizedPath(locale: Locale, path: string): string {
  if (locale === "nl") return path;
  return path === "/" ? "/en" : `/en${path}`;
}

/** The locale a local path belongs to: "/en" and "/en/..." are English, everything else Dutch. */
export function localeOfPath(path: string): Locale {
  return path === "/en" || path.startsWith("/en/") || path.startsWith("/en?") ? "en" : "nl";
}

/** One conference as an .ics file (the "add to your calendar" link), in the page's language. */
export function conferenceCalendarPath(slug: string, locale: Locale): string {
  return `/api/conferences/${slug}/calendar${locale === "en" ? "?taal=en" : ""}`;
}

/** The attendee's own .ics (the conference and their workshops with rooms), opened by their manage token. */
export function manageCalendarPath(token: string, locale: Locale): string {
  return `/api/manage/${token}/calendar${locale === "en" ? "?taal=en" : ""}`;
}

/**
 * The organisers' preview of a conference or a report, draft or not (never cached, never indexed: see
 * PREVIEW_PATH_PATTERNS in next.config.js's headers and the pages' robots metadata). Locale-free: pass it to
 * the locale-aware Link.
 */
export function conferencePreviewPath(slug: string): string {
  return `/voorbeeld/conferenties/${slug}`;
}

export function reportPreviewPath(slug: string): string {
  return `/voorbeeld/sfeerverslagen/${slug}`;
}
