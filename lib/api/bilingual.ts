// A message in both languages, for JSON answers. No "server-only" marker: the production server's own
// handlers (server/serve.ts) answer with it too.
import { createTranslator } from "next-intl";
import { nl, en } from "@/messages";
import type { Bilingual } from "./json-body";

const translators = {
  nl: createTranslator({ locale: "nl", messages: nl }),
  en: createTranslator({ locale: "en", messages: en }),
};

export function bilingual(key: string, values?: Record<string, string | number>): Bilingual {
  return {
    nl: translators.nl(key as never, values as never),
    en: translators.en(key as never, values as never),
  };
}
