// Writing a JsonAnswer (lib/api/json-body.ts) on a Node response, for the production server's own handlers
// (./door-scans.ts, ./registration-posts.ts), with the headers Next would have added (lib/security-headers.js).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Bilingual, JsonAnswer } from "../../lib/api/json-body";
import { SECURITY_HEADERS } from "../../lib/security-headers.js";

const SECURITY = Object.fromEntries(SECURITY_HEADERS.map(({ key, value }) => [key, value]));

function send(response: ServerResponse, answer: JsonAnswer): void {
  const text = JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    ...SECURITY,
    ...answer.headers,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
  });
  response.end(text);
}

/** A request header as one string, as the Fetch API's Headers.get gives it. */
export function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? null);
}

// Errors of a database that is away or too slow: worth trying again in a moment.
const UNAVAILABLE = /^(08|57P0|57014|53300)/;

function databaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = "code" in error ? String(error.code) : "";
  return UNAVAILABLE.test(code) || /ECONNREFUSED|ECONNRESET|ETIMEDOUT|timeout|Connection terminated/i.test(`${code} ${error.message}`);
}

/** What a handler says when it fails: its log line's prefix, and its words for the client. */
export type FailureWords = { log: string; unavailable: Bilingual; unexpected: Bilingual };

/**
 * Answers with what `work` returns; never throws. When `work` throws: 503 with Retry-After when the database is
 * away (logged without the request's data), else 500 with the error logged whole, as Next answers an error in a
 * route handler.
 */
export async function answerJson(request: IncomingMessage, response: ServerResponse, work: () => Promise<JsonAnswer>, failure: FailureWords): Promise<void> {
  try {
    const answer = await work();
    // Refused before the whole body was read: what is left of it is not read, so the connection cannot be reused.
    if (!request.complete) response.setHeader("Connection", "close");
    send(response, answer);
  } catch (error) {
    sendFailure(request, response, error, failure);
  }
}

function sendFailure(
  request: IncomingMessage,
  response: ServerResponse,
  error: unknown,
  what: FailureWords,
): void {
  if (response.headersSent) return void response.destroy();
  // Refused before the whole body was read: what is left of it is not read, so the connection cannot be reused.
  if (!request.complete) response.setHeader("Connection", "close");
  if (databaseUnavailable(error)) {
    console.error(`${what.log}, database unavailable:`, error instanceof Error ? error.message : String(error));
    send(response, {
      status: 503,
      body: { error: "unavailable", message: what.unavailable },
      headers: { "Cache-Control": "no-store, no-transform", "Retry-After": "5" },
    });
    return;
  }
  console.error(`${what.log}:`, error);
  send(response, { status: 500, body: { error: "unexpected", message: what.unexpected }, headers: { "Cache-Control": "no-store, no-transform" } });
}

/** The path's first capture, URL-decoded, when the request is a POST to it; else null (Next answers it). */
export function postedTo(request: IncomingMessage, path: RegExp): string | null {
  if (request.method !== "POST") return null;
  const match = path.exec((request.url ?? "").split("?")[0] ?? "");
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null; // a malformed escape: Next answers it as it answers any bad URL
  }
}
