// Registration strings outside a request (emails are written inside transactions, workers and tests).
import { createTranslator } from "next-intl";
import { nl, en } from "@/messages";

const messages = { nl, en } as const;

export function registrationTranslator(locale: "nl" | "en") {
  return createTranslator({ locale, messages: messages[locale], namespace: "registration", timeZone: "Europe/Amsterdam" });
}
