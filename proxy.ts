// Locale routing, the friendly 503 page while the database is unreachable, refusing what no page should read
// (a NUL in the address, an oversized body), and in development the pages' Content-Security-Policy. This is not
// a security boundary: every page, action and route handler authorizes itself against the database.
import createMiddleware from "next-intl/middleware";
import { NextRequest } from "next/server";
import { routing } from "./i18n/routing";
import { env } from "./lib/env";
import { databaseHealth } from "./lib/health";
import { bodyRefusal, nulInAddress, type RequestRefusal } from "./lib/request-guards";
import { contentSecurityPolicy } from "./lib/security-headers.js";
import { unavailablePage } from "./lib/unavailable-page";

const intl = createMiddleware(routing);

function refuse({ status, text }: RequestRefusal): Response {
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * Development only (`npm run dev`, where every page is rendered per request): the page policy with a fresh
 * nonce, on the request, where Next finds it and puts it on its scripts, and on the answer. In production
 * npm start does this (server/page-policy.ts), with hashes for cached pages.
 */
function withDevelopmentPolicy(request: NextRequest): Response {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy({ scripts: [`'nonce-${nonce}'`], appOrigin: new URL(env.APP_URL).origin, development: true });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = intl(new NextRequest(request, { headers }));
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export default async function proxy(request: NextRequest) {
  // Before anything reads a slug from the address (one place for every page's route params), and before a
  // server action reads a body larger than the page takes: for `next start` and `npm run dev`, as
  // server/serve.ts does for every request under `npm start` (lib/request-guards.ts).
  const { headers } = request;
  const refusal =
    nulInAddress(request.url) ??
    bodyRefusal({ url: request.url, contentLength: headers.get("content-length"), transferEncoding: headers.get("transfer-encoding") });
  if (refusal) return refuse(refusal);
  const health = await databaseHealth();
  if (!health.ok) {
    return new Response(unavailablePage(), {
      status: 503,
      headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": "15", "Cache-Control": "no-store" },
    });
  }
  return process.env.NODE_ENV === "development" ? withDevelopmentPolicy(request) : intl(request);
}

export const config = {
  // Everything except API routes, Next internals, uploaded media and files with an extension.
  matcher: "/((?!api|_next|_vercel|media|.*\\..*).*)",
};
