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
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import next from "next";
import { nulInAddress, type RequestRefusal } from "../../lib/request-guards";
import { SECURITY_HEADERS } from "../../lib/security-headers.js";
import { answerScans, scanBatchSlug } from "./door-scans";
import { answerRegistration, registrationPostSlug } from "./registration-posts";

const SECURITY = Object.fromEntries(SECURITY_HEADERS.map(({ key, value }) => [key, value]));

/** Answers a refused request without reading its body, and closes the connection: what is left is not read. */
function refuse(response: ServerResponse, { status, text }: RequestRefusal): void {
  response.writeHead(status, {
    ...SECURITY,
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-store",
    Connection: "close",
  });
  response.end(text);
}

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

export async function serve(options: { port: number; hostname: string; dir: string; trustedHops: number }): Promise<Server> {
  const app = next({ dev: false, dir: options.dir, hostname: options.hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((request, response) => {
    rebuildForwardedFor(request, options.trustedHops);
    // Every request, our own handlers' too (proxy.ts checks the same for pages under any server).
    const refusal = nulInAddress(request.url ?? "");
    if (refusal) return refuse(response, refusal);
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
