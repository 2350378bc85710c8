import "server-only";
import { createTranslator } from "next-intl";
import { nl, en } from "@/messages";

// JSON route handlers answer errors in one shape, with the message in both languages:
// { "error": "code", "message": { "nl": "...", "en": "..." }, "fields"?: { "email": { "nl", "en" } } }
type Bilingual = { nl: string; en: string };

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

// For answers of a few hundred bytes: never stored, and no-transform keeps Next's gzip off them. Compressing
// each one cost the server more CPU than it saves on the wire (measured in the door and rush benchmarks).
export const SMALL_JSON_HEADERS = { "Cache-Control": "no-store, no-transform" } as const;

export function jsonError(
  status: number,
  error: string,
  message: Bilingual,
  extra: { fields?: Record<string, Bilingual>; headers?: Record<string, string>; [key: string]: unknown } = {},
): Response {
  const { headers, ...rest } = extra;
  return Response.json({ error, message, ...rest }, { status, headers: { ...SMALL_JSON_HEADERS, ...headers } });
}

export type ReadJsonResult = { ok: true; body: unknown } | { ok: false; response: Response };

// Refuses what is not JSON, what is too big and what does not parse, before anything else looks at it.
export async function readJsonBody(request: Request, maxBytes: number): Promise<ReadJsonResult> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return { ok: false, response: jsonError(415, "unsupported_media_type", { nl: "Stuur JSON met Content-Type: application/json.", en: "Send JSON with Content-Type: application/json." }) };
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  const tooLarge = () =>
    jsonError(413, "payload_too_large", { nl: `Het verzoek is groter dan ${maxBytes} bytes.`, en: `The request is larger than ${maxBytes} bytes.` });
  if (declared > maxBytes) return { ok: false, response: tooLarge() };
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return { ok: false, response: tooLarge() };
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: jsonError(400, "invalid_json", { nl: "De inhoud is geen geldige JSON.", en: "The body is not valid JSON." }) };
  }
}
