// Door scans (POST /api/checkin/<conference>/scans), answered by the production server (./serve.ts) before
// Next sees the request, with the same function as Next's route handler (lib/checkin/scan-batch.ts). At
// 12.45 every request is a scan, and Next's request handling took about 1.7 ms of the 2 ms of CPU a scan cost
// (bench:checkin, see the README); answered here a scan costs the app about 0.4 ms.
import type { IncomingMessage, ServerResponse } from "node:http";
import { answerScanBatch, SCAN_BATCH_FAILURE, SCAN_BATCH_PATH } from "../lib/checkin/scan-batch";
import { answerJson, header, postedTo } from "./json-answers";

/** The conference's slug when this request is a batch of door scans, else null (Next answers it). */
export function scanBatchSlug(request: IncomingMessage): string | null {
  return postedTo(request, SCAN_BATCH_PATH);
}

/** Answers one batch of scans; never throws. */
export function answerScans(request: IncomingMessage, response: ServerResponse, conferenceSlug: string): Promise<void> {
  const headers = { cookie: header(request, "cookie"), contentType: header(request, "content-type"), contentLength: header(request, "content-length") };
  // On a failure the phone keeps its scans queued and sends them again.
  return answerJson(request, response, () => answerScanBatch({ conferenceSlug, headers, body: request }), SCAN_BATCH_FAILURE);
}
