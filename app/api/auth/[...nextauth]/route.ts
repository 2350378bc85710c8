import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { bodyRefusal } from "@/lib/request-guards";

export const { GET } = handlers;

// Email sign-in starts only from our sign-in page's server action, which validates the form and applies
// the rate limits first. Auth.js's own endpoint for it would skip both, so a POST there is sent back to
// the page. Everything else (sign-out with its CSRF token, the session endpoint) is Auth.js's as usual.
export async function POST(request: NextRequest): Promise<Response> {
  // Auth.js reads a form body whole: refused here by its declared size too, for servers other than npm start's
  // (which refuses it first) and where proxy.ts does not run (lib/request-guards.ts).
  const { headers } = request;
  const refusal = bodyRefusal({ url: request.url, contentLength: headers.get("content-length"), transferEncoding: headers.get("transfer-encoding") });
  if (refusal) return new Response(refusal.text, { status: refusal.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (/\/api\/auth\/signin(\/|$)/.test(request.nextUrl.pathname)) {
    // Relative: request.nextUrl has the address Next serves on, not the one the browser used.
    return new Response(null, { status: 303, headers: { Location: "/inloggen" } });
  }
  return handlers.POST(request);
}
