// GET ?q=... : registrations of this conference by name or organisation, from two letters on.
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
    return json({ results: await searchRegistrations(conference.id, parsed.data.q) });
  });
}
