// Door scans (POST /api/checkin/<conference>/scans), answered by the production server (./serve.ts) before
// Next sees the request, with the same function as Next's route handler (lib/checkin/scan-batch.ts). At
// 12.45 every request is a scan, and Next's request handling took about 1.7 ms of the 2 ms of CPU a scan cost
// (bench:checkin, see the README); answered here a scan costs the app about 0.4 ms.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { JsonAnswer } from "../../lib/api/json-body";
import { answerScanBatch, SCAN_BATCH_PATH } from "../../lib/checkin/scan-batch";
import { SECURITY_HEADERS } from "../../lib/security-headers.js";

const SECURITY = Object.fromEntries(SECURITY_HEADERS.map(({ key, value }) => [key, value]));

function send(response: ServerResponse, answer: JsonAnswer): void {
  const text = JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    ...SECURITY,
    ...answer.headers,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
  });
  response.end(text);
}

/** The conference's slug when this request is a batch of door scans, else null (Next answers it). */
export function scanBatchSlug(request: IncomingMessage): string | null {
  if (request.method !== "POST") return null;
  const match = SCAN_BATCH_PATH.exec((request.url ?? "").split("?")[0] ?? "");
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null; // a malformed escape: Next answers it as it answers any bad URL
  }
}

// Errors of a database that is away or too slow: the phone keeps its scans queued and sends them again.
const UNAVAILABLE = /^(08|57P0|57014|53300)/;

function databaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = "code" in error ? String(error.code) : "";
  return UNAVAILABLE.test(code) || /ECONNREFUSED|ECONNRESET|ETIMEDOUT|timeout|Connection terminated/i.test(`${code} ${error.message}`);
}

/** Answers one batch of scans; never throws. */
export async function answerScans(request: IncomingMessage, response: ServerResponse, conferenceSlug: string): Promise<void> {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(", ") : (value ?? null);
  };
  try {
    const answer = await answerScanBatch({
      conferenceSlug,
      headers: { cookie: header("cookie"), contentType: header("content-type"), contentLength: header("content-length") },
      body: request,
    });
    // Refused before the whole body was read: what is left of it is not read, so the connection cannot be reused.
    if (!request.complete) response.setHeader("Connection", "close");
    send(response, answer);
  } catch (error) {
    if (response.headersSent) return void response.destroy();
    if (!request.complete) response.setHeader("Connection", "close");
    if (databaseUnavailable(error)) {
      console.error("[checkin] scans not recorded, database unavailable:", error instanceof Error ? error.message : String(error));
      send(response, {
        status: 503,
        body: { error: "unavailable", message: { nl: "Even geen verbinding met de database. De scans worden opnieuw verstuurd.", en: "The database cannot be reached just now. The scans will be sent again." } },
        headers: { "Cache-Control": "no-store, no-transform", "Retry-After": "5" },
      });
      return;
    }
    // A fault of ours: logged whole (no request data in it), answered as Next answers an error in a route.
    console.error("[checkin] scans not recorded:", error);
    send(response, {
      status: 500,
      body: { error: "unexpected", message: { nl: "Er ging iets mis aan onze kant. De scans worden opnieuw verstuurd.", en: "Something went wrong on our side. The scans will be sent again." } },
      headers: { "Cache-Control": "no-store, no-transform" },
    });
  }
}
