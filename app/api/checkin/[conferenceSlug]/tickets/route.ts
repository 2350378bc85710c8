// GET the conference's ticket list for the host's phone to keep for offline use: only what a host needs,
// never cached by the browser or anything in between.
import { ticketList } from "@/lib/checkin/queries";
import { json, withCheckInAccess } from "@/lib/checkin/http";

export async function GET(request: Request, { params }: RouteContext<"/api/checkin/[conferenceSlug]/tickets">) {
  const { conferenceSlug } = await params;
  return withCheckInAccess(request, conferenceSlug, async ({ conference }) =>
    json({ conferenceId: conference.id, asOf: new Date().toISOString(), tickets: await ticketList(conference.id) }, 200, "large"),
  );
}
