// Writing a JsonAnswer (lib/api/json-body.ts) on a Node response, for the production server's own handlers
// (./door-scans.ts, ./registration-posts.ts), with the headers Next would have added (lib/security-headers.js).
import type { IncomingMessage, ServerResponse } from "node:http";
import { failureAnswer, type FailureWords, type JsonAnswer } from "../lib/api/json-body";
import { SECURITY_HEADERS } from "../lib/security-headers.js";

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

/** Answers with what `work` returns; never throws: a failure is answered as lib/api/json-body.ts's failureAnswer. */
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

function sendFailure(request: IncomingMessage, response: ServerResponse, error: unknown, what: FailureWords): void {
  if (response.headersSent) return void response.destroy();
  // Refused before the whole body was read: what is left of it is not read, so the connection cannot be reused.
  if (!request.complete) response.setHeader("Connection", "close");
  send(response, failureAnswer(error, what));
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
