// Email strings in the recipient's language. createTranslator with the message files imported directly
// works everywhere an email is written: in a server action, in the worker, in a script, in a test, none of
// which may have a request (and so no getTranslations) at hand.
import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/routing";
import { nl, en } from "@/messages";

// Typed as the Dutch file: a key missing from the English one fails the type check.
const messages: Record<Locale, typeof nl> = { nl, en };

/** Translator for the "mail" namespace: `mailTranslator("en")("layout.footer")`. */
export function mailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "mail", timeZone: "Europe/Amsterdam" });
}

export type MailTranslator = ReturnType<typeof mailTranslator>;
