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
