// Auth strings outside a request: the sign-in email is written inside Auth.js's handler and in tests,
// where getTranslations has no request to read the locale from.
import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/routing";
import { nl, en } from "@/messages";

const messages = { nl, en } as const;

export function authTranslator(locale: Locale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "auth", timeZone: "Europe/Amsterdam" });
}
