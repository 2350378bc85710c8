// Locale routing, and the friendly 503 page while the database is unreachable. This is not a security
// boundary: every page, action and route handler authorizes itself against the database.
import createMiddleware from "next-intl/middleware";
import type { NextRequest } from "next/server";
import { routing } from "./i18n/routing";
import { databaseHealth } from "./lib/health";
import { nulInAddress, type RequestRefusal } from "./lib/request-guards";
import { unavailablePage } from "./lib/unavailable-page";

const intl = createMiddleware(routing);

function refuse({ status, text }: RequestRefusal): Response {
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export default async function proxy(request: NextRequest) {
  // Before anything reads a slug or a search term from the address: one place for every page's route params.
  const refusal = nulInAddress(request.url);
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
