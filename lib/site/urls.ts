// Every address of the site: Dutch at the root, English under /en. Canonical links, hreflang alternates,
// sitemaps, feeds, JSON-LD, redirects and every link in an email are built here, so they agree with each other.
// Absolute links always come from APP_URL, never from the request's Host header: a sign-in or manage link built
// from a forged Host would hand the secret in it to whoever controls that host.
import type { Metadata } from "next";
import { env } from "@/lib/env";
import type { Locale } from "@/i18n/routing";
import { localizedPath } from "./paths";

// Paths alone are client-safe and live in ./paths; passed on here so that server code has one import.
export { conferenceCalendarPath, localeOfPath, localizedPath, manageCalendarPath } from "./paths";

export const LOCALES: readonly Locale[] = ["nl", "en"];

export const FEEDS = {
  reports: "/feeds/sfeerverslagen.xml",
  conferences: "/feeds/conferenties.ics",
} as const;

/** Absolute URL from APP_URL, for feeds, sitemaps, emails and structured data. */
export function absoluteUrl(path: string): string {
  return new URL(path, env.APP_URL).href;
}

/**
 * A feed's address for subscribing (webcal://), which calendar apps open as a subscription that stays up to
 * date instead of a one-time import. Same host and path as the https address.
 */
export function webcalUrl(path: string): string {
  return absoluteUrl(path).replace(/^https?:/, "webcal:");
}

/** The absolute address of a page in a language, with an optional query: the links in emails. */
export function localizedUrl(locale: Locale, path: string, query?: Record<string, string>): string {
  const url = new URL(localizedPath(locale, path), env.APP_URL);
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  return url.href;
}


/** The same page in every language, for hreflang; Dutch is the default for other languages. */
export function languageAlternates(path: string): Record<string, string> {
  return {
    nl: localizedPath("nl", path),
    en: localizedPath("en", path),
    "x-default": localizedPath("nl", path),
  };
}

// A page's `alternates` replaces the layout's as a whole (metadata merges shallowly), so every page repeats
// the feed links here instead of relying on the layout's.
export function feedAlternates(locale: Locale): NonNullable<Metadata["alternates"]>["types"] {
  const reports = locale === "nl" ? "Sfeerverslagen (RSS)" : "Event reports (RSS)";
  const conferences = locale === "nl" ? "Conferenties (iCalendar)" : "Conferences (iCalendar)";
  return {
    "application/rss+xml": [{ url: FEEDS.reports, title: reports }],
    "text/calendar": [{ url: FEEDS.conferences, title: conferences }],
  };
}

/** canonical + hreflang + feeds for a page that exists in both languages under the same path. */
export function pageAlternates(locale: Locale, path: string): Metadata["alternates"] {
  return { canonical: localizedPath(locale, path), languages: languageAlternates(path), types: feedAlternates(locale) };
}

/** Where an uploaded photo is served. */
export function mediaPath(file: string): string {
  return `/media/${file}`;
}
