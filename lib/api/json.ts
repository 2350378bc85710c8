import "server-only";
import { errorAnswer, failureAnswer, readJsonChunks, SMALL_JSON_HEADERS, type Bilingual, type FailureWords, type JsonAnswer } from "./json-body";

// JSON route handlers answer errors in one shape (lib/api/json-body.ts), with the message in both languages.

export { bilingual } from "@/lib/i18n/translator";
export { SMALL_JSON_HEADERS };

/** A JsonAnswer (lib/api/json-body.ts) as the Response a route handler returns. */
export function jsonResponse(answer: JsonAnswer): Response {
  return Response.json(answer.body, { status: answer.status, headers: answer.headers });
}

export function jsonError(
  status: number,
  error: string,
  message: Bilingual,
  extra: { fields?: Record<string, Bilingual>; headers?: Record<string, string>; [key: string]: unknown } = {},
): Response {
  return jsonResponse(errorAnswer(status, error, message, extra));
}

export type ReadJsonResult = { ok: true; body: unknown } | { ok: false; response: Response };

// Refuses what is not JSON, what is too big and what does not parse, before anything else looks at it.
export async function readJsonBody(request: Request, maxBytes: number): Promise<ReadJsonResult> {
  // Node's web streams are async iterable; TypeScript's DOM types do not say so.
  const body = request.body as unknown as AsyncIterable<Uint8Array> | null;
  const read = await readJsonChunks(request.headers.get("content-type"), request.headers.get("content-length"), body, maxBytes);
  return read.ok ? read : { ok: false, response: jsonResponse(read.answer) };
}

/**
 * A route handler's answer, with a failure answered as npm start's own handlers answer it (failureAnswer): the
 * door and the registration API then behave alike under `npm run dev`, `next start` and `npm start`.
 */
export async function answered(work: () => Promise<JsonAnswer>, failure: FailureWords): Promise<Response> {
  try {
    return jsonResponse(await work());
  } catch (error) {
    return jsonResponse(failureAnswer(error, failure));
  }
}
