// Every /api/v1 route handler is one of these: the token (401), the rate limit per token (429), the scope
// (403), the Idempotency-Key of a write, the answer with its ETag (304 when the client has it), and the record
// of the token's use. Errors have the one shape of lib/api/json-body.ts; failures are answered by failureAnswer.
import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { errorAnswer, failureAnswer, readJsonChunks, type Bilingual, type FailureWords, type JsonAnswer } from "@/lib/api/json-body";
import { authenticateApiToken, recordApiTokenUse, type ApiCaller } from "@/lib/api-tokens/authenticate";
import { env } from "@/lib/env";
import { bilingual } from "@/lib/i18n/translator";
import { hit, type RateLimitRule } from "@/lib/rate-limit/rate-limit";
import validationWords from "@/messages/nl/validation.json";
import { claim, IDEMPOTENCY_KEY, pruneIdempotencyKeys, requestHash, settle } from "./idempotency";

const MAX_BODY_BYTES = 32 * 1024;

export interface ApiRequest<Params> {
  caller: ApiCaller;
  request: Request;
  url: URL;
  params: Params;
  /** The parsed JSON body of a write (undefined for GET). */
  body: unknown;
  /** The Idempotency-Key of a write, if the client sent one. */
  idempotencyKey: string | undefined;
}

export type ApiAnswer = { status: number; body: unknown };

const FAILURE: FailureWords = {
  log: "[api/v1] not answered",
  unavailable: { nl: "Even geen verbinding met de database. Probeer het zo opnieuw.", en: "The database cannot be reached just now. Please try again shortly." },
  unexpected: { nl: "Er ging iets mis aan onze kant. Probeer het zo opnieuw.", en: "Something went wrong on our side. Please try again shortly." },
};

const WORDS = {
  unauthorized: { nl: "Geen geldige API-sleutel.", en: "No valid API token." },
  forbidden: { nl: "Deze API-sleutel mag alleen lezen.", en: "This API token may only read." },
  notFound: { nl: "Niet gevonden.", en: "Not found." },
  invalidKey: { nl: "Idempotency-Key moet 8 tot 100 letters, cijfers, - of _ zijn.", en: "Idempotency-Key must be 8 to 100 letters, digits, - or _." },
  keyReused: { nl: "Deze Idempotency-Key hoort bij een ander verzoek.", en: "This Idempotency-Key belongs to another request." },
  keyInProgress: { nl: "Een verzoek met deze Idempotency-Key wordt nog verwerkt.", en: "A request with this Idempotency-Key is still being processed." },
} satisfies Record<string, Bilingual>;

export function apiError(status: number, error: string, message: Bilingual, extra: Record<string, unknown> = {}): ApiAnswer {
  return { status, body: { error, message, ...extra } };
}

export const notFound = (): ApiAnswer => apiError(404, "not_found", WORDS.notFound);

/** 422 with a message per field path ("workshops.r1"), in both languages. */
export function validationFailed(error: z.ZodError): ApiAnswer {
  const fields: Record<string, Bilingual> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[[...issue.path.map(String), key].join(".")] = { nl: "Onbekend veld.", en: "Unknown field." };
      continue;
    }
    const field = issue.path.map(String).join(".") || "body";
    // zod's own English for a wrong type is no key of ours: then our general word.
    fields[field] ??= bilingual(`validation.${Object.hasOwn(validationWords, issue.message) ? issue.message : "invalid"}`);
  }
  return apiError(422, "validation_failed", bilingual("registration.errors.fix"), { fields });
}

function rule(): RateLimitRule {
  return { bucket: "api-v1", limit: env.RATE_LIMIT_API, windowSeconds: 60 };
}

function respond(answer: JsonAnswer | ApiAnswer, headers: Record<string, string>): Response {
  const extra = "headers" in answer ? answer.headers : {};
  return Response.json(answer.body, { status: answer.status, headers: { "Cache-Control": "private, no-cache", ...extra, ...headers } });
}

function etagOf(body: string): string {
  return `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || `W/${t}` === etag;
  });
}

type RouteContext<Params> = { params: Promise<Params> };
type Method = "GET" | "POST" | "PUT";

/**
 * A route handler of /api/v1. `route` is the path template, for the audit log (never the ids in it). Writes
 * need a READ_WRITE token and may carry an Idempotency-Key.
 */
export function apiRoute<Params>(method: Method, route: string, work: (request: ApiRequest<Params>) => Promise<ApiAnswer>) {
  const write = method !== "GET";
  return async (request: Request, context: RouteContext<Params>): Promise<Response> => {
    let caller: ApiCaller | null = null;
    let status = 500;
    try {
      caller = await authenticateApiToken(request.headers.get("authorization"));
      if (!caller) {
        status = 401;
        return respond(errorAnswer(401, "unauthorized", WORDS.unauthorized), { "WWW-Authenticate": 'Bearer realm="podium"' });
      }
      const limited = await hit(rule(), caller.tokenId);
      const limitHeaders: Record<string, string> = {
        "RateLimit-Limit": String(rule().limit),
        "RateLimit-Remaining": String(limited.ok ? limited.remaining : 0),
        "RateLimit-Reset": String(limited.ok ? limited.resetSeconds : limited.retryAfterSeconds),
        "RateLimit-Policy": `${rule().limit};w=${rule().windowSeconds}`,
      };
      if (!limited.ok) {
        status = 429;
        const words = bilingual("registration.errors.rateLimited", { seconds: limited.retryAfterSeconds });
        return respond(apiError(429, "rate_limited", words), { ...limitHeaders, "Retry-After": String(limited.retryAfterSeconds) });
      }
      if (write && caller.scope !== "READ_WRITE") {
        status = 403;
        return respond(apiError(403, "forbidden", WORDS.forbidden), limitHeaders);
      }
      const url = new URL(request.url);
      const params = await context.params;
      if (!write) {
        const answer = await work({ caller, request, url, params, body: undefined, idempotencyKey: undefined });
        status = answer.status;
        if (answer.status !== 200) return respond(answer, limitHeaders);
        const text = JSON.stringify(answer.body);
        const etag = etagOf(text);
        if (matches(request.headers.get("if-none-match"), etag)) {
          status = 304;
          return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": "private, no-cache", ...limitHeaders } });
        }
        return new Response(text, { status: 200, headers: { "Content-Type": "application/json", ETag: etag, "Cache-Control": "private, no-cache", ...limitHeaders } });
      }
      return await answerWrite(caller, request, url, params, limitHeaders, (s) => (status = s), work);
    } catch (error) {
      status = 500;
      const answer = failureAnswer(error, FAILURE);
      status = answer.status;
      return respond(answer, {});
    } finally {
      if (caller) {
        // The record of use must not turn an answer into a failure.
        await recordApiTokenUse(caller, { method, route, status }).catch((error: unknown) => console.error("[api/v1] use not recorded:", error instanceof Error ? error.name : typeof error));
      }
    }
  };
}

async function answerWrite<Params>(
  caller: ApiCaller,
  request: Request,
  url: URL,
  params: Params,
  limitHeaders: Record<string, string>,
  setStatus: (status: number) => void,
  work: (request: ApiRequest<Params>) => Promise<ApiAnswer>,
): Promise<Response> {
  const idempotencyKey = request.headers.get("idempotency-key") ?? undefined;
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    setStatus(400);
    return respond(apiError(400, "invalid_idempotency_key", WORDS.invalidKey), limitHeaders);
  }
  // Node's web streams are async iterable; TypeScript's DOM types do not say so.
  const stream = request.body as unknown as AsyncIterable<Uint8Array> | null;
  let body: unknown = undefined;
  if (stream && request.headers.get("content-type")) {
    const read = await readJsonChunks(request.headers.get("content-type"), request.headers.get("content-length"), stream, MAX_BODY_BYTES);
    if (!read.ok) {
      setStatus(read.answer.status);
      return respond(read.answer, limitHeaders);
    }
    body = read.body;
  }
  if (idempotencyKey === undefined) {
    const answer = await work({ caller, request, url, params, body, idempotencyKey });
    setStatus(answer.status);
    return respond(answer, limitHeaders);
  }
  if (Math.random() < 0.01) void pruneIdempotencyKeys().catch(() => {});
  const hash = requestHash(request.method, url.pathname, JSON.stringify(body ?? null));
  const claimed = await claim(caller.tokenId, idempotencyKey, hash);
  switch (claimed.kind) {
    case "mismatch":
      setStatus(422);
      return respond(apiError(422, "idempotency_key_reused", WORDS.keyReused), limitHeaders);
    case "inProgress":
      setStatus(409);
      return respond(apiError(409, "idempotency_key_in_progress", WORDS.keyInProgress), { ...limitHeaders, "Retry-After": "1" });
    case "replay":
      setStatus(claimed.status);
      return respond({ status: claimed.status, body: claimed.body }, { ...limitHeaders, "Idempotent-Replayed": "true" });
    case "claimed":
      break;
  }
  let answer: ApiAnswer;
  try {
    answer = await work({ caller, request, url, params, body, idempotencyKey });
  } catch (error) {
    await settle(caller.tokenId, idempotencyKey, 500, null);
    throw error;
  }
  await settle(caller.tokenId, idempotencyKey, answer.status, answer.body);
  setStatus(answer.status);
  return respond(answer, limitHeaders);
}
