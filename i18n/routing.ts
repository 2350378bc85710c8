import { defineRouting } from "next-intl/routing";

// Dutch lives at the root, English under /en. No detection from the browser's language: Dutch is the
// default for everyone and the language switch is visible on every page.
// No Link header with the other language's address: next-intl builds it from the request's Host and
// X-Forwarded-Host, so whoever sent a request chose the host in a header that shared caches store with the page.
// The pages carry the same hreflang alternates in their HTML, built from APP_URL (lib/site/urls.ts).
// No NEXT_LOCALE cookie: without detection nothing reads it (the address carries the language), and a
// Set-Cookie on a public page keeps shared caches from storing it.
export const routing = defineRouting({
  locales: ["nl", "en"],
  defaultLocale: "nl",
  localePrefix: "as-needed",
  localeDetection: false,
  alternateLinks: false,
  localeCookie: false,
});

export type Locale = (typeof routing.locales)[number];

export function isLocale(value: string): value is Locale {
  return (routing.locales as readonly string[]).includes(value);
}
