// The production HTTP server (`npm start`, scripts/start.ts): Next's request handler behind a few lines of our
// own. Every request first: what no route should read is refused (./refusals.ts), and what the client says
// about itself is believed only from trusted proxies (./forwarded-headers.ts). Pages get their
// Content-Security-Policy (./page-policy.ts).
//
// Two JSON endpoints are answered here, without Next's request handling, because under load they are every
// request: door scans at 12.45 (POST /api/checkin/<conference>/scans, ./door-scans.ts) and sign-ups when
// registration opens (POST /api/conferences/<conference>/registrations, ./registration-posts.ts). Both use the
// same functions as their Next route handlers, which still serve `npm run dev` and plain `next start`.
import { createServer, type Server } from "node:http";
import next from "next";
import { STRICT_TRANSPORT_SECURITY } from "../lib/security-headers.js";
import { answerScans, scanBatchSlug } from "./door-scans";
import { rebuildForwardedHeaders } from "./forwarded-headers";
import { replayPage } from "./page-memo";
import { acceptsGzip, isPageRequest, securePage } from "./page-policy";
import { refused } from "./refusals";
import { answerRegistration, registrationPostSlug } from "./registration-posts";

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
    if (refused(request, response)) return;
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
    if (!isPageRequest(request)) return void handle(request, response);
    void (async () => {
      // A cached public page answered moments ago is sent again as it was (./page-memo.ts).
      if (await replayPage(request, response, acceptsGzip(request.headers["accept-encoding"]))) return;
      securePage(request, response);
      await handle(request, response);
    })().catch((error: unknown) => {
      console.error(`[serve] ${request.method} page failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
  // Keep-alive longer than a typical proxy's, so the proxy closes idle connections first.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, resolve);
  });
  return server;
}
