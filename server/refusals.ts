// Requests that no route should read, refused from their headers alone (lib/request-guards.ts decides which,
// and says which layer does what): a NUL in the address, a body larger than its destination takes. 50 anonymous
// 20 MB posts to the sign-in action took an instance from 435 MB to 2.2 GB and /api/health to 13 s while Next
// read them; here each is answered 413 and its body is never read.
import type { IncomingMessage, ServerResponse } from "node:http";
import { bodyRefusal, nulInAddress, type RequestRefusal } from "../lib/request-guards";
import { SECURITY_HEADERS } from "../lib/security-headers.js";
import { header } from "./json-answers";

const SECURITY = Object.fromEntries(SECURITY_HEADERS.map(({ key, value }) => [key, value]));

// After a refusal the body is not read, and the connection is cut a moment later. Not at once: closing it while
// the client still sends makes the client's system reset it, and a reset throws away an answer it had not read
// yet. A quarter of a second is long enough for a browser, or a script on this machine, to have read the answer;
// meanwhile the client's sending stalls (nobody reads), so waiting costs neither memory nor CPU.
const LINGER_MS = 250;

/** Answers a refused request from its headers alone; its body, if any, is never read. */
function refuse(request: IncomingMessage, response: ServerResponse, { status, text }: RequestRefusal): void {
  const headers = { ...SECURITY, "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(text), "Cache-Control": "no-store" };
  const bodyless = request.headers["content-length"] === undefined && request.headers["transfer-encoding"] === undefined;
  if (bodyless || request.headers["content-length"] === "0") return void response.writeHead(status, headers).end(text);
  // The whole answer (its length says so), but not ended: ending it would let Node read the rest of the body,
  // or close a connection the client asked to close under what it still sends. "close" keeps the client from
  // sending its next request on this connection, which nobody reads any more.
  response.writeHead(status, { ...headers, Connection: "close" }).write(text);
  setTimeout(() => request.socket.destroy(), LINGER_MS).unref();
}

/** Refuses the request when it must be; says whether it did. */
export function refused(request: IncomingMessage, response: ServerResponse): boolean {
  const refusal =
    nulInAddress(request.url ?? "") ??
    bodyRefusal({ url: request.url ?? "", contentLength: header(request, "content-length"), transferEncoding: header(request, "transfer-encoding") });
  if (!refusal) return false;
  refuse(request, response, refusal);
  return true;
}
