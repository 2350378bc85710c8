// A scan at the door: one call of a database function that locks the ticket, answers a resent nonce with its
// first answer, and records the check-in, flagged when it is not the first (prisma/sql/checkin.sql, through
// ./door-sql.ts). One round trip on the door's hot path (20 phones at 12.45), planned once per connection.
//
// No "server-only" marker and no Prisma: besides Next's route handlers, the production server's own handler
// for door scans (server/serve.ts) imports this outside Next.
import { randomUUID } from "node:crypto";
import { AuthorizationError } from "@/lib/auth/authorize-reasons";
import { CHECK_IN } from "@/lib/auth/roles";
import { formatTime } from "@/lib/format";
import { recordScanBySessionCall, recordScanCall, type FirstCheckIn, type ScanAnswer } from "./door-sql";
import { looksLikeCode, normaliseScannedCode } from "./code";
import type { Attendee, CheckInMethod, Verdict } from "./schema";

/** A scan that reaches the server this long after the device made it was sent from an offline queue. */
export const LATE_UPLOAD_MS = 2 * 60 * 1000;

export interface ScanCommand {
  conferenceId: string;
  code?: string;
  registrationId?: string;
  method: CheckInMethod;
  scannedAt: Date;
  clientNonce: string;
  deviceId: string;
  hostUserId: string | null;
  /** Issue 15: the session whose room this scan is at; absent at the front door. */
  sessionId?: string;
  /** Room mode: let in someone whose place is in another workshop of the round (recorded as such). */
  admitAnyway?: boolean;
  /** Server time of arrival; tests set it, everyone else gets now. */
  receivedAt?: Date;
}

/** A scan as the door API receives it: who scanned and where come from the session. */
export type ScanInput = Omit<ScanCommand, "conferenceId" | "hostUserId">;

/** How a host is named to another host: their name, else their address (colleagues of one organisation). */
export function hostLabel(host: { name: string | null; email: string } | null): string | null {
  return host ? (host.name ?? host.email) : null;
}

function verdictFor(nonce: string, attendee: Attendee, first: FirstCheckIn | null, outsideChoice = false): Verdict {
  if (!first) return outsideChoice ? { kind: "welcome", nonce, attendee, outsideChoice } : { kind: "welcome", nonce, attendee };
  const at = new Date(first.scannedAt);
  const by = first.hostEmail ? hostLabel({ name: first.hostName, email: first.hostEmail }) : null;
  return { kind: "already", nonce, attendee, at: at.toISOString(), time: formatTime(at, "nl"), by };
}

function verdictOf(scan: ScanAnswer, nonce: string): Verdict {
  if ("replay" in scan) {
    const replay = scan.replay;
    return "unknown" in replay ? { kind: "unknown", nonce } : verdictFor(nonce, replay.attendee, replay.first, replay.outsideChoice);
  }
  if ("noRoom" in scan) throw new AuthorizationError("notFound");
  if ("candidates" in scan) return { kind: "choose", nonce, candidates: scan.candidates };
  const target = scan.target;
  if (!target) return { kind: "unknown", nonce };
  if (target.status === "CANCELLED") return { kind: "cancelled", nonce, name: target.attendee.name };
  if (target.status === "WAITLISTED") return { kind: "waitlisted", nonce, name: target.attendee.name };
  if (scan.wrongRoom) return { kind: "wrongRoom", nonce, attendee: target.attendee, own: scan.own ?? null };
  return verdictFor(nonce, target.attendee, scan.first, scan.outsideChoice);
}

/** The room mode's values, last in both functions' argument lists. */
function placeValues(command: ScanInput): unknown[] {
  return [command.sessionId ?? null, command.admitAnyway ?? false];
}

/**
 * The values after who and where, the same for both functions. Typed text that cannot be a ticket code or a door
 * code is not looked up.
 */
function scanValues(command: ScanInput): unknown[] {
  const code = command.registrationId ? null : normaliseScannedCode(command.code ?? "");
  const receivedAt = command.receivedAt ?? new Date();
  return [
    command.registrationId ?? null,
    code !== null && looksLikeCode(code) ? code : null,
    randomUUID(),
    command.method,
    command.scannedAt,
    receivedAt,
    receivedAt.getTime() - command.scannedAt.getTime() > LATE_UPLOAD_MS,
  ];
}

/** A scan for a conference and host already known (the walk-in desk, tests). */
export async function recordScan(command: ScanCommand): Promise<Verdict> {
  const scan = await recordScanCall([command.conferenceId, ...scanValues(command), command.hostUserId, command.deviceId, command.clientNonce, ...placeValues(command)]);
  return verdictOf(scan, command.clientNonce);
}

/**
 * The door API's scan: the session's access to the conference (checkin_door_access) and the scan in ONE
 * round trip (checkin_record_scan_by_session). Throws AuthorizationError as checkInAccessOf does, before
 * anything is recorded; "notFound" also for a room (sessionId) that is not this conference's.
 */
export async function recordScanBySession(sessionToken: string, conferenceSlug: string, command: ScanInput): Promise<Verdict> {
  const result = await recordScanBySessionCall([sessionToken, conferenceSlug, CHECK_IN, ...scanValues(command), command.deviceId, command.clientNonce, ...placeValues(command)]);
  if ("refusal" in result) throw new AuthorizationError(result.refusal);
  return verdictOf(result.scan, command.clientNonce);
}
