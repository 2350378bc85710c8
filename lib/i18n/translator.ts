// Translations outside a request. getTranslations needs a request to read the locale from; emails are written
// in transactions, in the mail worker, in scripts and in tests, and JSON answers by the production server's
// own handlers, none of which has one. createTranslator with the message files imported directly works in all.
// No "server-only" marker: server/serve.ts answers with these too.
import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import type { Locale } from "@/i18n/routing";
import { en, nl } from "@/messages";
import { TIME_ZONE } from "@/lib/time/amsterdam";

// Typed as the Dutch files: a key missing from the English ones fails the type check (messages/index.ts).
type Messages = typeof nl;
const messages: Record<Locale, Messages> = { nl, en };

export type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/**
 * The translators of one namespace, one per language, made once: a new translator builds its formatters anew,
 * which showed in the CPU profile of a registration rush (every sign-up writes an email inside the lock).
 * `const t = translatorsFor("mail"); t("en")("layout.footer")`.
 */
export function translatorsFor<const N extends Namespace>(namespace: N) {
  const make = (locale: Locale) => createTranslator({ locale, messages: messages[locale], namespace, timeZone: TIME_ZONE });
  const made = { nl: make("nl"), en: make("en") };
  return (locale: Locale) => made[locale];
}

const whole = { nl: createTranslator({ locale: "nl", messages: nl, timeZone: TIME_ZONE }), en: createTranslator({ locale: "en", messages: en, timeZone: TIME_ZONE }) };

/** A message in both languages, for JSON answers that a client of either language reads. */
export function bilingual(key: string, values?: Record<string, string | number>): { nl: string; en: string } {
  return { nl: whole.nl(key as never, values as never), en: whole.en(key as never, values as never) };
}
