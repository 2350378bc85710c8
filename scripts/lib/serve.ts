// The production HTTP server: Next's request handler behind a few lines of our own, for two reasons.
//
// Rate limits need the client's address, and `next start` passes on whatever X-Forwarded-For the client sent,
// so anyone could pose as a new address per request. Here the header is rebuilt: the entries added by
// TRUSTED_PROXY_HOPS reverse proxies are kept, anything older (written by the client) is dropped, and the
// socket's peer is appended. lib/rate-limit/client-address.ts reads it back from the right.
//
// Two JSON endpoints are answered here, without Next's request handling, because under load they are every
// request: door scans at 12.45 (POST /api/checkin/<conference>/scans, ./door-scans.ts) and sign-ups when
// registration opens (POST /api/conferences/<conference>/registrations, ./registration-posts.ts). Both use the
// same functions as their Next route handlers, which still serve `npm run dev` and plain `next start`.
import { createServer, type IncomingMessage, type Server } from "node:http";
import next from "next";
import { answerScans, scanBatchSlug } from "./door-scans";
import { answerRegistration, registrationPostSlug } from "./registration-posts";

export function rebuildForwardedFor(request: IncomingMessage, trustedHops: number): void {
  const header = request.headers["x-forwarded-for"];
  const claimed = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const fromProxies = trustedHops > 0 ? claimed.slice(-trustedHops) : [];
  const peer = request.socket.remoteAddress ?? "unknown";
  request.headers["x-forwarded-for"] = [...fromProxies, peer].join(", ");
  delete request.headers["x-real-ip"];
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
    rebuildForwardedFor(request, options.trustedHops);
    const conferenceSlug = scanBatchSlug(request);
    if (conferenceSlug !== null) return void answerScans(request, response, conferenceSlug);
    const registeringFor = registrationPostSlug(request);
    if (registeringFor !== null) return void answerRegistration(request, response, registeringFor);
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
