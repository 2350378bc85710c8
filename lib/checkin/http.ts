// The envelope of every /api/checkin route: authorize first, answer no-store JSON, and turn a refusal into
// 401 (signed out, whatever the URL) or 404 (everything else, so a guessed slug reveals nothing).
import "server-only";
import { jsonError } from "@/lib/api/json";
import { AuthorizationError, checkInAccessOf, type CheckInAccess } from "./access";

const NO_STORE = { "Cache-Control": "no-store" } as const;
// no-transform keeps Next's gzip off: a verdict or a count is a few hundred bytes, and compressing each one
// costs the server more time than it saves a phone on the theatre's wifi. The ticket list stays compressed.
const NO_STORE_SMALL = { "Cache-Control": "no-store, no-transform" } as const;

/** JSON for the host's phone; `small` for the answers that are a few hundred bytes. */
export function json(body: unknown, status = 200, size: "small" | "large" = "small"): Response {
  return Response.json(body, { status, headers: size === "small" ? NO_STORE_SMALL : NO_STORE });
}

export async function withCheckInAccess(
  request: Request,
  conferenceSlug: string,
  handle: (access: CheckInAccess) => Promise<Response>,
): Promise<Response> {
  let access: CheckInAccess;
  try {
    access = await checkInAccessOf(request, conferenceSlug);
  } catch (error) {
    if (!(error instanceof AuthorizationError)) throw error;
    if (error.reason === "unauthenticated") {
      return jsonError(401, "unauthenticated", { nl: "Log opnieuw in.", en: "Please sign in again." });
    }
    return jsonError(404, "not_found", { nl: "Niet gevonden.", en: "Not found." });
  }
  return handle(access);
}

export function invalid(issues: unknown): Response {
  return jsonError(422, "validation_failed", { nl: "Het verzoek klopt niet.", en: "The request is not valid." }, { issues });
}
