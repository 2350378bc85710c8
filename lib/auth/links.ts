// Absolute links in emails. Always built from APP_URL, never from the request's Host header: a sign-in or
// invitation link built from a forged Host would hand the secret in it to whoever controls that host.
import type { Locale } from "@/i18n/routing";
import { env } from "@/lib/env";

export function localePath(locale: Locale, path: string): string {
  return `${locale === "nl" ? "" : "/en"}${path}`;
}

export function absoluteUrl(locale: Locale, path: string, query?: Record<string, string>): string {
  const url = new URL(localePath(locale, path), env.APP_URL);
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  return url.href;
}

/** The locale a local path belongs to: "/en" and "/en/..." are English, everything else Dutch. */
export function localeOfPath(path: string): Locale {
  return path === "/en" || path.startsWith("/en/") || path.startsWith("/en?") ? "en" : "nl";
}
