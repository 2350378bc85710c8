// Registration strings outside a request (emails are written inside transactions, workers and tests).
import { createTranslator } from "next-intl";
import nl from "@/messages/nl.json";
import en from "@/messages/en.json";

const messages = { nl, en } as const;

export function registrationTranslator(locale: "nl" | "en") {
  return createTranslator({ locale, messages: messages[locale], namespace: "registration", timeZone: "Europe/Amsterdam" });
}
