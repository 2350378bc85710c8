// JSON answers and request bodies as plain data, for both kinds of HTTP handler the app has: Next's route
// handlers (through lib/api/json.ts, which turns these into Responses) and the production server's own
// handlers (server/). No "server-only" marker, as the latter run outside Next.
//
// Errors have one shape, made here and nowhere else, with the message in both languages:
// { "error": "code", "message": { "nl": "...", "en": "..." }, "fields"?: { "email": { "nl", "en" } } }
export type Bilingual = { nl: string; en: string };

/** An answer: status, JSON body and headers besides the content type. */
export interface JsonAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

// For answers of a few hundred bytes: never stored, and no-transform keeps Next's gzip off them. Compressing
// each one cost the server more CPU than it saves on the wire (measured in the door and rush benchmarks).
export const SMALL_JSON_HEADERS = { "Cache-Control": "no-store, no-transform" } as const;

export function errorAnswer(
  status: number,
  error: string,
  message: Bilingual,
  extra: { headers?: Record<string, string>; [key: string]: unknown } = {},
): JsonAnswer {
  const { headers, ...rest } = extra;
  return { status, body: { error, message, ...rest }, headers: { ...SMALL_JSON_HEADERS, ...headers } };
}

export type ReadJsonResult = { ok: true; body: unknown } | { ok: false; answer: JsonAnswer };

/**
 * Refuses what is not JSON, what is too big and what does not parse, before anything else looks at it.
 * `chunks` is the body as it arrives (a web ReadableStream or a Node request); reading stops past maxBytes.
 */
export async function readJsonChunks(
  contentType: string | null,
  contentLength: string | null,
  chunks: AsyncIterable<Uint8Array> | null,
  maxBytes: number,
): Promise<ReadJsonResult> {
  if (!/^application\/json\s*(;|$)/i.test(contentType ?? "")) {
    return {
      ok: false,
      answer: errorAnswer(415, "unsupported_media_type", { nl: "Stuur JSON met Content-Type: application/json.", en: "Send JSON with Content-Type: application/json." }),
    };
  }
  const tooLarge = (): ReadJsonResult => ({
    ok: false,
    answer: errorAnswer(413, "payload_too_large", { nl: `Het verzoek is groter dan ${maxBytes} bytes.`, en: `The request is larger than ${maxBytes} bytes.` }),
  });
  if (Number(contentLength ?? "0") > maxBytes) return tooLarge();
  const parts: Uint8Array[] = [];
  let size = 0;
  if (chunks) {
    // Leaving the loop early ends the iterator: the rest of the body is not read.
    for await (const chunk of chunks) {
      size += chunk.byteLength;
      if (size > maxBytes) return tooLarge();
      parts.push(chunk);
    }
  }
  try {
    return { ok: true, body: JSON.parse(Buffer.concat(parts).toString("utf8")) as unknown };
  } catch {
    return { ok: false, answer: errorAnswer(400, "invalid_json", { nl: "De inhoud is geen geldige JSON.", en: "The body is not valid JSON." }) };
  }
}

// Errors of a database that is away or too slow: worth trying again in a moment.
const UNAVAILABLE = /^(08|57P0|57014|53300)/;

function databaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = "code" in error ? String(error.code) : "";
  return UNAVAILABLE.test(code) || /ECONNREFUSED|ECONNRESET|ETIMEDOUT|timeout|Connection terminated/i.test(`${code} ${error.message}`);
}

/** What a JSON endpoint says when it fails: its log line's prefix, and its words for the client. */
export type FailureWords = { log: string; unavailable: Bilingual; unexpected: Bilingual };

/**
 * The answer to a failure, the same from both servers (npm start's own handlers, Next's route handlers): 503
 * with Retry-After when the database is away (logged without the request's data), else 500 with the error logged
 * whole. Never a stack or a raw message to the client.
 */
export function failureAnswer(error: unknown, what: FailureWords): JsonAnswer {
  if (databaseUnavailable(error)) {
    console.error(`${what.log}, database unavailable:`, error instanceof Error ? error.message : String(error));
    return errorAnswer(503, "unavailable", what.unavailable, { headers: { "Retry-After": "5" } });
  }
  console.error(`${what.log}:`, error);
  return errorAnswer(500, "unexpected", what.unexpected);
}
