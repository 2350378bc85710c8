// Newsletter strings outside a request: emails are written inside transactions and by senders without one.
import { createTranslator } from "next-intl";
import { nl, en } from "@/messages";
import type { Locale } from "@/i18n/routing";

const messages = { nl, en } as const;

export function newsletterTranslator(locale: Locale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "newsletter", timeZone: "Europe/Amsterdam" });
}
