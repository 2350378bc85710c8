// The envelope of the dashboard's download route handlers (CSV exports). They are POSTed by a plain form, so
// a download works without JavaScript and a link prefetch or a crawler never writes an audit entry. Like a
// server action they refuse a post from another site, then re-check the member's role in the database.
import "server-only";
import { AuthorizationError, authorizationStatus, authorizeMembershipBySlug, type OrganisationAccess } from "@/lib/auth/authorize";
import { ORGANISE } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";

const TEXT = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } as const;

function refusal(status: number): Response {
  const text = status === 401 ? "Log in first / Sign in first" : status === 403 ? "Geen toegang / Forbidden" : "Niet gevonden / Not found";
  return new Response(text, { status, headers: TEXT });
}

/** A cross-site form post (CSRF): the browser's Origin names another host than the one it posts to. */
export function crossSite(request: Request): boolean {
  if (request.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export async function withOrganiserAccess(
  user: CurrentUser | null,
  organisationSlug: string,
  request: Request,
  handle: (access: OrganisationAccess) => Promise<Response>,
): Promise<Response> {
  if (crossSite(request)) return refusal(403);
  let access: OrganisationAccess;
  try {
    access = await authorizeMembershipBySlug(user, organisationSlug, ORGANISE);
  } catch (error) {
    if (error instanceof AuthorizationError) return refusal(authorizationStatus(error));
    throw error;
  }
  return handle(access);
}

export function notFoundResponse(): Response {
  return refusal(404);
}
