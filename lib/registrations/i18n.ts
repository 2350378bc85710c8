// Registration strings outside a request (emails are written inside transactions, workers and tests).
import { createTranslator } from "next-intl";
import { nl, en } from "@/messages";

const messages = { nl, en } as const;

function create(locale: "nl" | "en") {
  return createTranslator({ locale, messages: messages[locale], namespace: "registration", timeZone: "Europe/Amsterdam" });
}

// One per language: emails are written inside the registration lock, where making a translator per email
// was measurable.
const translators = { nl: create("nl"), en: create("en") };

export function registrationTranslator(locale: "nl" | "en") {
  return translators[locale];
}
