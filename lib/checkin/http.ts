// The envelope of every /api/checkin route: authorize first, answer no-store JSON, and turn a refusal into
// 401 (signed out, whatever the URL) or 404 (everything else, so a guessed slug reveals nothing).
import "server-only";
import { jsonResponse, SMALL_JSON_HEADERS } from "@/lib/api/json";
import { invalidAnswer, refusalAnswer } from "./scan-batch";
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
  let access: CheckInAccess;
  try {
    access = await checkInAccessOf(request, conferenceSlug);
  } catch (error) {
    if (!(error instanceof AuthorizationError)) throw error;
    return jsonResponse(refusalAnswer(error));
  }
  return handle(access);
}

export function invalid(issues: Parameters<typeof invalidAnswer>[0]): Response {
  return jsonResponse(invalidAnswer(issues));
}
