// GET ?q=... : registrations of this conference by name or organisation, from two letters on.
import { searchRegistrations } from "@/lib/checkin/queries";
import { json, withCheckInAccess } from "@/lib/checkin/http";

export async function GET(request: Request, { params }: RouteContext<"/api/checkin/[conferenceSlug]/search">) {
  const { conferenceSlug } = await params;
  const term = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 80);
  return withCheckInAccess(request, conferenceSlug, async ({ conference }) => json({ results: await searchRegistrations(conference.id, term) }));
}
