// Email strings in the recipient's language. createTranslator with the message files imported directly
// works everywhere an email is written: in a server action, in the worker, in a script, in a test, none of
// which may have a request (and so no getTranslations) at hand.
import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/routing";
import { nl, en } from "@/messages";

// Typed as the Dutch file: a key missing from the English one fails the type check.
const messages: Record<Locale, typeof nl> = { nl, en };

function create(locale: Locale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "mail", timeZone: "Europe/Amsterdam" });
}

// One per language, made once: a new translator builds its formatters anew, which showed in the CPU profile
// of a registration rush (every sign-up renders an email).
const translators: Record<Locale, ReturnType<typeof create>> = { nl: create("nl"), en: create("en") };

/** Translator for the "mail" namespace: `mailTranslator("en")("layout.footer")`. */
export function mailTranslator(locale: Locale) {
  return translators[locale];
}

export type MailTranslator = ReturnType<typeof mailTranslator>;
