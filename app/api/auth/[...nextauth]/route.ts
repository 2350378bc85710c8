import type { NextRequest } from "next/server";
import { handlers } from "@/auth";

export const { GET } = handlers;

// Email sign-in starts only from our sign-in page's server action, which validates the form and applies
// the rate limits first. Auth.js's own endpoint for it would skip both, so a POST there is sent back to
// the page. Everything else (sign-out with its CSRF token, the session endpoint) is Auth.js's as usual.
export async function POST(request: NextRequest): Promise<Response> {
  if (/\/api\/auth\/signin(\/|$)/.test(request.nextUrl.pathname)) {
    // Relative: request.nextUrl has the address Next serves on, not the one the browser used.
    return new Response(null, { status: 303, headers: { Location: "/inloggen" } });
  }
  return handlers.POST(request);
}
