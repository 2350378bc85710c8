// GET the live counts. Every host screen polls this about once a second: the state lives only in PostgreSQL,
// so any number of app instances answer alike.
import { checkInCounts } from "@/lib/checkin/queries";
import { json, withCheckInAccess } from "@/lib/checkin/http";

export async function GET(request: Request, { params }: RouteContext<"/api/checkin/[conferenceSlug]/counts">) {
  const { conferenceSlug } = await params;
  return withCheckInAccess(request, conferenceSlug, async ({ conference }) => json(await checkInCounts(conference.id)));
}
