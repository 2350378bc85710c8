// The production HTTP server: Next's request handler behind a few lines of our own, for two reasons.
//
// Rate limits need the client's address, and `next start` passes on whatever X-Forwarded-For the client sent,
// so anyone could pose as a new address per request. Here the header is rebuilt: the entries added by
// TRUSTED_PROXY_HOPS reverse proxies are kept, anything older (written by the client) is dropped, and the
// socket's peer is appended. lib/rate-limit/client-address.ts reads it back from the right. The host and
// protocol the client used (X-Forwarded-Host, -Proto, -Port) are likewise believed only from trusted proxies:
// Next, next-intl and Auth.js build absolute URLs, redirects and the server actions' origin check from them.
//
// Two JSON endpoints are answered here, without Next's request handling, because under load they are every
// request: door scans at 12.45 (POST /api/checkin/<conference>/scans, ./door-scans.ts) and sign-ups when
// registration opens (POST /api/conferences/<conference>/registrations, ./registration-posts.ts). Both use the
// same functions as their Next route handlers, which still serve `npm run dev` and plain `next start`.
//
// And requests that no route should read are refused here first (lib/request-guards.ts says which layer does
// what): a NUL in the address, and a body larger than its destination takes. 50 anonymous 20 MB posts to the
// sign-in action took an instance from 435 MB to 2.2 GB and /api/health to 13 s while Next read them; here
// each is answered 413 from its headers, and its body is never read (see refuse).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import next from "next";
import { bodyRefusal, nulInAddress, type RequestRefusal } from "../../lib/request-guards";
import { SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY } from "../../lib/security-headers.js";
import { answerScans, scanBatchSlug } from "./door-scans";
import { header } from "./json-answers";
import { isPageRequest, securePage } from "./page-policy";
import { answerRegistration, registrationPostSlug } from "./registration-posts";

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

function entries(request: IncomingMessage, name: string): string[] {
  const header = request.headers[name];
  return (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

// What a forwarded host, protocol and port may look like; anything else is dropped, as from an untrusted hop.
const FORWARDED_VALUE: Record<string, RegExp> = {
  "x-forwarded-host": /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i,
  "x-forwarded-proto": /^https?$/,
  "x-forwarded-port": /^\d{1,5}$/,
};

export function rebuildForwardedHeaders(request: IncomingMessage, trustedHops: number): void {
  const fromProxies = trustedHops > 0 ? entries(request, "x-forwarded-for").slice(-trustedHops) : [];
  const peer = request.socket.remoteAddress ?? "unknown";
  request.headers["x-forwarded-for"] = [...fromProxies, peer].join(", ");
  delete request.headers["x-real-ip"];
  // A proxy either sets these (one value, from the nearest proxy) or appends to them (what the client sent
  // comes first): either way the entry TRUSTED_PROXY_HOPS from the right is the outermost trusted proxy's.
  for (const [name, valid] of Object.entries(FORWARDED_VALUE)) {
    const values = trustedHops > 0 ? entries(request, name) : [];
    const value = values[Math.max(0, values.length - trustedHops)];
    if (value !== undefined && valid.test(value)) request.headers[name] = value;
    else delete request.headers[name];
  }
  // RFC 7239's Forwarded: nothing here reads it, so nothing a client writes in it can mislead what might.
  delete request.headers.forwarded;
}

// The host name Next builds its own absolute URLs from (what proxy.ts sees as request.url), whatever address we
// listen on. Next takes the origin of a rewrite that proxy.ts (next-intl) returns, compares it with that URL,
// and proxies a rewrite to another origin as to another site. Next's NextURL, which proxy.ts works with, turns
// 127.x.x.x and [::1] into "localhost": given HOSTNAME=127.0.0.1, the rewrite of / to /nl came back as
// http://localhost:<port>/nl, Next fetched that from itself as an outside URL, and there /nl redirects to /:
// every Dutch page answered 307 to itself. "localhost" is the one loopback name NextURL leaves as it is.
// Next connects to this name only for such outside rewrites, which proxy.ts never returns.
const NEXT_HOSTNAME = "localhost";

export async function serve(options: { port: number; hostname: string; dir: string; trustedHops: number }): Promise<Server> {
  const app = next({ dev: false, dir: options.dir, hostname: NEXT_HOSTNAME, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((request, response) => {
    rebuildForwardedHeaders(request, options.trustedHops);
    // Every request, our own handlers' too (proxy.ts checks the same for pages under any server).
    const refusal =
      nulInAddress(request.url ?? "") ??
      bodyRefusal({ url: request.url ?? "", contentLength: header(request, "content-length"), transferEncoding: header(request, "transfer-encoding") });
    if (refusal) return refuse(request, response, refusal);
    // Next reads a page's nonce from the request's policy: only ever from us (./page-policy.ts).
    delete request.headers["content-security-policy"];
    delete request.headers["content-security-policy-report-only"];
    // Over https, as the client reached us (TLS here, or a trusted proxy's X-Forwarded-Proto).
    if (request.headers["x-forwarded-proto"] === "https" || ("encrypted" in request.socket && request.socket.encrypted)) {
      response.setHeader(STRICT_TRANSPORT_SECURITY.key, STRICT_TRANSPORT_SECURITY.value);
    }
    const conferenceSlug = scanBatchSlug(request);
    if (conferenceSlug !== null) return void answerScans(request, response, conferenceSlug);
    const registeringFor = registrationPostSlug(request);
    if (registeringFor !== null) return void answerRegistration(request, response, registeringFor);
    if (isPageRequest(request)) securePage(request, response);
    void handle(request, response);
  });
  // Keep-alive longer than a typical proxy's, so the proxy closes idle connections first.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, resolve);
  });
  return server;
}
