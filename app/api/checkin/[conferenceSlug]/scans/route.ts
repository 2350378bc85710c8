// POST a batch of scans: see lib/checkin/scan-batch.ts. `npm start` answers this path itself, before Next
// (server/serve.ts); this handler serves it under `npm run dev` and plain `next start`, with the same answers.
import { answered } from "@/lib/api/json";
import { answerScanBatch, SCAN_BATCH_FAILURE } from "@/lib/checkin/scan-batch";

export async function POST(request: Request, { params }: RouteContext<"/api/checkin/[conferenceSlug]/scans">) {
  const { conferenceSlug } = await params;
  const headers = {
    cookie: request.headers.get("cookie"),
    contentType: request.headers.get("content-type"),
    contentLength: request.headers.get("content-length"),
  };
  // Node's web streams are async iterable; TypeScript's DOM types do not say so.
  const body = request.body as unknown as AsyncIterable<Uint8Array> | null;
  return answered(() => answerScanBatch({ conferenceSlug, headers, body }), SCAN_BATCH_FAILURE);
}
