// POST a batch of scans, as the host's phone queued them (one, online; many, after being offline). Each scan
// gets the verdict of its nonce; a nonce sent before gets its original verdict and makes no new row.
//
// Unlike the other door routes, access is checked inside each scan's own round trip (recordScanBySession):
// a scan is the door's hot path. Without a session cookie the answer is 401 before the body is read; a
// refused session gets 401 or 404 before anything is recorded.
import { readJsonBody } from "@/lib/api/json";
import { requireSessionToken } from "@/lib/checkin/access";
import { invalid, json, refusalsAnswered } from "@/lib/checkin/http";
import { recordScanBySession } from "@/lib/checkin/mutations";
import { MAX_SCANS_PER_BATCH, scanBatchSchema } from "@/lib/checkin/schema";

// A scan is about 200 bytes of JSON; room for a full batch and nothing like an abuse-sized body.
const MAX_BODY_BYTES = MAX_SCANS_PER_BATCH * 400;

export async function POST(request: Request, { params }: RouteContext<"/api/checkin/[conferenceSlug]/scans">) {
  const { conferenceSlug } = await params;
  return refusalsAnswered(async () => {
    const sessionToken = requireSessionToken(request);
    const read = await readJsonBody(request, MAX_BODY_BYTES);
    if (!read.ok) return read.response;
    const parsed = scanBatchSchema.safeParse(read.body);
    if (!parsed.success) return invalid(parsed.error.issues.map((issue) => ({ path: issue.path, code: issue.code })));
    const verdicts = [];
    // In the order the device scanned them, so the first scan of a ticket is the one that is not a duplicate.
    for (const scan of parsed.data.scans) {
      verdicts.push(
        await recordScanBySession(sessionToken, conferenceSlug, {
          code: scan.code,
          registrationId: scan.registrationId,
          method: scan.method,
          scannedAt: new Date(scan.scannedAt),
          clientNonce: scan.nonce,
          deviceId: scan.deviceId,
        }),
      );
    }
    return json({ verdicts });
  });
}
