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
import { createServer, type IncomingMessage, type Server } from "node:http";
import next from "next";
import { answerScans, scanBatchSlug } from "./door-scans";
import { answerRegistration, registrationPostSlug } from "./registration-posts";
import { isPageRequest, securePage } from "./page-policy";
import { STRICT_TRANSPORT_SECURITY } from "../../lib/security-headers.js";

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
