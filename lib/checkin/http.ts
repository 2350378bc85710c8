// The envelope of every /api/checkin route: authorize first, answer no-store JSON, and turn a refusal into
// 401 (signed out, whatever the URL) or 404 (everything else, so a guessed slug reveals nothing).
import "server-only";
import { jsonError, SMALL_JSON_HEADERS } from "@/lib/api/json";
import { AuthorizationError, checkInAccessOf, type CheckInAccess } from "./access";

/** JSON for the host's phone. Verdicts and counts are small; the ticket list ("large") stays compressed. */
export function json(body: unknown, status = 200, size: "small" | "large" = "small"): Response {
  return Response.json(body, { status, headers: size === "small" ? SMALL_JSON_HEADERS : { "Cache-Control": "no-store" } });
}

export async function withCheckInAccess(
  request: Request,
  conferenceSlug: string,
  handle: (access: CheckInAccess) => Promise<Response>,
): Promise<Response> {
  return refusalsAnswered(async () => handle(await checkInAccessOf(request, conferenceSlug)));
}

/** Runs a door request; an AuthorizationError thrown on the way becomes its 401 or 404. */
export async function refusalsAnswered(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AuthorizationError)) throw error;
    if (error.reason === "unauthenticated") {
      return jsonError(401, "unauthenticated", { nl: "Log opnieuw in.", en: "Please sign in again." });
    }
    return jsonError(404, "not_found", { nl: "Niet gevonden.", en: "Not found." });
  }
}

export function invalid(issues: unknown): Response {
  return jsonError(422, "validation_failed", { nl: "Het verzoek klopt niet.", en: "The request is not valid." }, { issues });
}
