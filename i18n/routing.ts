import { defineRouting } from "next-intl/routing";

// Dutch lives at the root, English under /en. No detection from the browser's language: Dutch is the
// default for everyone and the language switch is visible on every page.
export const routing = defineRouting({
  locales: ["nl", "en"],
  defaultLocale: "nl",
  localePrefix: "as-needed",
  localeDetection: false,
});

export type Locale = (typeof routing.locales)[number];

export function isLocale(value: string): value is Locale {
  return (routing.locales as readonly string[]).includes(value);
}
