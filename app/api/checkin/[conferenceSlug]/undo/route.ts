// POST an undo of a check-in, named by the nonce of its scan. Adds an UNDO row; the check-in row stays.
import { jsonError, readJsonBody } from "@/lib/api/json";
import { invalid, json, withCheckInAccess } from "@/lib/checkin/http";
import { undoCheckIn } from "@/lib/checkin/mutations";
import { undoSchema } from "@/lib/checkin/schema";

export async function POST(request: Request, { params }: RouteContext<"/api/checkin/[conferenceSlug]/undo">) {
  const { conferenceSlug } = await params;
  return withCheckInAccess(request, conferenceSlug, async ({ conference, host }) => {
    const read = await readJsonBody(request, 2048);
    if (!read.ok) return read.response;
    const parsed = undoSchema.safeParse(read.body);
    if (!parsed.success) return invalid(parsed.error.issues);
    const outcome = await undoCheckIn({
      conferenceId: conference.id,
      checkInNonce: parsed.data.checkInNonce,
      clientNonce: parsed.data.nonce,
      undoneAt: new Date(parsed.data.undoneAt),
      deviceId: parsed.data.deviceId,
      hostUserId: host.id,
    });
    if (!outcome.ok) return jsonError(404, "not_found", { nl: "Deze check-in bestaat niet.", en: "This check-in does not exist." });
    return json({ status: "undone" });
  });
}
