// Door scans (POST /api/checkin/<conference>/scans), answered by the production server (./serve.ts) before
// Next sees the request, with the same function as Next's route handler (lib/checkin/scan-batch.ts). At
// 12.45 every request is a scan, and Next's request handling took about 1.7 ms of the 2 ms of CPU a scan cost
// (bench:checkin, see the README); answered here a scan costs the app about 0.4 ms.
import type { IncomingMessage, ServerResponse } from "node:http";
import { answerScanBatch, SCAN_BATCH_PATH } from "../../lib/checkin/scan-batch";
import { header, postedTo, send, sendFailure } from "./json-answers";

/** The conference's slug when this request is a batch of door scans, else null (Next answers it). */
export function scanBatchSlug(request: IncomingMessage): string | null {
  return postedTo(request, SCAN_BATCH_PATH);
}

/** Answers one batch of scans; never throws. */
export async function answerScans(request: IncomingMessage, response: ServerResponse, conferenceSlug: string): Promise<void> {
  try {
    const answer = await answerScanBatch({
      conferenceSlug,
      headers: { cookie: header(request, "cookie"), contentType: header(request, "content-type"), contentLength: header(request, "content-length") },
      body: request,
    });
    // Refused before the whole body was read: what is left of it is not read, so the connection cannot be reused.
    if (!request.complete) response.setHeader("Connection", "close");
    send(response, answer);
  } catch (error) {
    // The phone keeps its scans queued and sends them again.
    sendFailure(request, response, error, {
      log: "[checkin] scans not recorded",
      unavailable: { nl: "Even geen verbinding met de database. De scans worden opnieuw verstuurd.", en: "The database cannot be reached just now. The scans will be sent again." },
      unexpected: { nl: "Er ging iets mis aan onze kant. De scans worden opnieuw verstuurd.", en: "Something went wrong on our side. The scans will be sent again." },
    });
  }
}
