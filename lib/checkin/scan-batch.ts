// POST /api/checkin/<conference>/scans: a batch of scans, as the host's phone queued them (one, online; many,
// after being offline). Each scan gets the verdict of its nonce; a nonce sent before gets its original verdict
// and makes no new row.
//
// The whole endpoint as plain data in and out, for both servers that answer it: Next's route handler
// (app/api/checkin/[conferenceSlug]/scans/route.ts, used by `npm run dev` and `next start`) and the production
// server's own handler (server/serve.ts), which answers it without Next's request handling: at 12.45
// this is every request, and Next's handling was most of a scan's CPU. Access is checked inside each scan's
// own round trip (recordScanBySession). Without a session cookie the answer is 401 before the body is read;
// a refused session gets 401 or 404 before anything is recorded.
import { errorAnswer, readJsonChunks, SMALL_JSON_HEADERS, type FailureWords, type JsonAnswer } from "@/lib/api/json-body";
import { AuthorizationError } from "@/lib/auth/authorize-reasons";
import { sessionTokenFrom } from "@/lib/auth/session-cookie";
import { hasNul } from "@/lib/text";
import { recordScanBySession } from "./scan";
import { MAX_SCANS_PER_BATCH, scanBatchSchema, type Verdict } from "./schema";

// A scan is about 200 bytes of JSON; room for a full batch and nothing like an abuse-sized body.
const MAX_BODY_BYTES = MAX_SCANS_PER_BATCH * 400;

/** What both servers answer when scans fail unexpectedly: the phone keeps them queued and sends them again. */
export const SCAN_BATCH_FAILURE: FailureWords = {
  log: "[checkin] scans not recorded",
  unavailable: { nl: "Even geen verbinding met de database. De scans worden opnieuw verstuurd.", en: "The database cannot be reached just now. The scans will be sent again." },
  unexpected: { nl: "Er ging iets mis aan onze kant. De scans worden opnieuw verstuurd.", en: "Something went wrong on our side. The scans will be sent again." },
};

/** The path this endpoint answers, with the conference's slug. */
export const SCAN_BATCH_PATH = /^\/api\/checkin\/([^/?#]+)\/scans$/;

export interface ScanBatchRequest {
  conferenceSlug: string;
  headers: { cookie: string | null; contentType: string | null; contentLength: string | null };
  body: AsyncIterable<Uint8Array> | null;
}

/** The 401 or 404 of a refusal; the same words as every other door route (lib/checkin/http.ts). */
export function refusalAnswer(error: AuthorizationError): JsonAnswer {
  if (error.reason === "unauthenticated") return errorAnswer(401, "unauthenticated", { nl: "Log opnieuw in.", en: "Please sign in again." });
  return errorAnswer(404, "not_found", { nl: "Niet gevonden.", en: "Not found." });
}

type Issue = { path: PropertyKey[]; code: string; message: string };

/**
 * 422 with each issue's path, code and message (the message is a code of ours where the schema names one, such
 * as "scannedAtOutOfRange"). A phone whose clock is far off is told so: its host can do something about that.
 */
export function invalidAnswer(issues: readonly Issue[]): JsonAnswer {
  const listed = issues.map(({ path, code, message }) => ({ path, code, message }));
  const message = issues.some((issue) => issue.message === "scannedAtOutOfRange")
    ? {
        nl: "De tijd van de scan ligt te ver van nu. Staan de datum en de klok van dit apparaat goed?",
        en: "The time of the scan is too far from now. Are this device's date and clock right?",
      }
    : { nl: "Het verzoek klopt niet.", en: "The request is not valid." };
  return errorAnswer(422, "validation_failed", message, { issues: listed });
}

export async function answerScanBatch(request: ScanBatchRequest): Promise<JsonAnswer> {
  const sessionToken = sessionTokenFrom(request.headers.cookie);
  if (!sessionToken) return refusalAnswer(new AuthorizationError("unauthenticated"));
  // As lib/checkin/access.ts: no conference has a NUL in its address, and PostgreSQL cannot compare one.
  if (hasNul(request.conferenceSlug)) return refusalAnswer(new AuthorizationError("notFound"));
  const read = await readJsonChunks(request.headers.contentType, request.headers.contentLength, request.body, MAX_BODY_BYTES);
  if (!read.ok) return read.answer;
  const parsed = scanBatchSchema.safeParse(read.body);
  if (!parsed.success) return invalidAnswer(parsed.error.issues);
  const verdicts: Verdict[] = [];
  try {
    // In the order the device scanned them, so the first scan of a ticket is the one that is not a duplicate.
    for (const scan of parsed.data.scans) {
      verdicts.push(
        await recordScanBySession(sessionToken, request.conferenceSlug, {
          code: scan.code,
          registrationId: scan.registrationId,
          method: scan.method,
          scannedAt: new Date(scan.scannedAt),
          clientNonce: scan.nonce,
          deviceId: scan.deviceId,
          sessionId: scan.sessionId,
          admitAnyway: scan.admitAnyway,
        }),
      );
    }
  } catch (error) {
    if (error instanceof AuthorizationError) return refusalAnswer(error);
    throw error;
  }
  return { status: 200, body: { verdicts }, headers: { ...SMALL_JSON_HEADERS } };
}
