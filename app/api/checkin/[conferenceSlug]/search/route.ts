// GET ?q=... : registrations of this conference by name or organisation, from two letters on; &room=<session id>
// in room mode.
import { bilingual, jsonError } from "@/lib/api/json";
import { searchRegistrations } from "@/lib/checkin/queries";
import { json, withCheckInAccess } from "@/lib/checkin/http";
import { searchQuerySchema } from "@/lib/checkin/schema";

export async function GET(request: Request, { params }: RouteContext<"/api/checkin/[conferenceSlug]/search">) {
  const { conferenceSlug } = await params;
  return withCheckInAccess(request, conferenceSlug, async ({ conference }) => {
    const parsed = searchQuerySchema.safeParse({ q: new URL(request.url).searchParams.get("q") ?? "" });
    if (!parsed.success) {
      const key = parsed.error.issues[0]?.message ?? "invalid";
      const fields = { q: bilingual(`validation.${key === "lineBreak" || key === "bidiControl" ? key : "invalidCharacter"}`) };
      return jsonError(422, "validation_failed", { nl: "Het verzoek klopt niet.", en: "The request is not valid." }, { fields });
    }
    // Room mode (issue 15): "checked in" at that room. An id that is no session of this conference matches no row.
    const room = new URL(request.url).searchParams.get("room");
    const sessionId = room && /^[A-Za-z0-9_-]{1,40}$/.test(room) ? room : null;
    return json({ results: await searchRegistrations(conference.id, parsed.data.q, sessionId) });
  });
}
