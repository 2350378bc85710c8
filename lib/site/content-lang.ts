import type { Locale } from "@/i18n/routing";

// Organisers write conferences, reports and bios in Dutch only. On an English page those parts are still
// Dutch, and saying so (lang="nl") lets screen readers pronounce them and translators recognise them.
export function contentLang(locale: Locale): "nl" | undefined {
  return locale === "nl" ? undefined : "nl";
}
