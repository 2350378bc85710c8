// Locale routing, the friendly 503 page while the database is unreachable, and refusing what no page should
// read (a NUL in the address, an oversized body). This is not a security boundary: every page, action and
// route handler authorizes itself against the database.
import createMiddleware from "next-intl/middleware";
import type { NextRequest } from "next/server";
import { routing } from "./i18n/routing";
import { databaseHealth } from "./lib/health";
import { bodyRefusal, nulInAddress, type RequestRefusal } from "./lib/request-guards";
import { unavailablePage } from "./lib/unavailable-page";

const intl = createMiddleware(routing);

function refuse({ status, text }: RequestRefusal): Response {
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export default async function proxy(request: NextRequest) {
  // Before anything reads a slug from the address (one place for every page's route params), and before a
  // server action reads a body larger than the page takes: for `next start` and `npm run dev`, as
  // scripts/lib/serve.ts does for every request under `npm start` (lib/request-guards.ts).
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
  return intl(request);
}

export const config = {
  // Everything except API routes, Next internals, uploaded media and files with an extension.
  matcher: "/((?!api|_next|_vercel|media|.*\\..*).*)",
};
