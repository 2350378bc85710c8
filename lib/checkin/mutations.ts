// The door's writes. The check-in log is append-only (a trigger refuses UPDATE): a scan adds a CHECK_IN, an
// undo adds an UNDO pointing at it. Every write carries the device's nonce, unique in the database, so a
// queue that is sent twice never makes a second row; the answer to a resend is the original verdict.
import "server-only";
import { randomUUID } from "node:crypto";
import { db, pgPool } from "@/lib/db";
import { formatTime } from "@/lib/format";
import { ATTENDEE_SELECT, hostLabel, toAttendee } from "./attendee";
import { looksLikeTicketCode, normaliseScannedCode } from "./code";
import type { Attendee, CheckInMethod, Verdict } from "./schema";
import { firstActiveCheckIn, type ActiveCheckIn } from "./state";
import { isUniqueViolation } from "@/lib/db-errors";
import { AuthorizationError, type AuthorizationFailure } from "@/lib/auth/authorize-reasons";
import { CHECK_IN } from "@/lib/auth/roles";
import { checkInAccessBySession, doorAccess, type DoorAccessRow } from "./access";

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
  /** Server time of arrival; tests set it, everyone else gets now. */
  receivedAt?: Date;
}

type Target = { id: string; name: string; status: "CONFIRMED" | "WAITLISTED" | "CANCELLED" };

async function attendeeVerdict(nonce: string, registrationId: string, first: ActiveCheckIn | null): Promise<Verdict> {
  const row = await db.registration.findUniqueOrThrow({ where: { id: registrationId }, select: ATTENDEE_SELECT });
  return verdictFor(nonce, toAttendee(row), first);
}

function verdictFor(nonce: string, attendee: Attendee, first: ActiveCheckIn | null): Verdict {
  if (!first) return { kind: "welcome", nonce, attendee };
  const by = first.hostEmail ? hostLabel({ name: first.hostName, email: first.hostEmail }) : null;
  return { kind: "already", nonce, attendee, at: first.scannedAt.toISOString(), time: formatTime(first.scannedAt, "nl"), by };
}

/** The verdict a nonce got the first time, or null when the nonce is new (to this conference). */
async function replay(conferenceId: string, nonce: string): Promise<Verdict | null> {
  const row = await db.checkIn.findUnique({
    where: { clientNonce: nonce },
    select: { id: true, conferenceId: true, registrationId: true, action: true, duplicate: true },
  });
  if (!row) return null;
  // A nonce of another conference, or of an undo, says nothing here.
  if (row.conferenceId !== conferenceId || row.action !== "CHECK_IN") return { kind: "unknown", nonce };
  const first = row.duplicate ? await firstActiveCheckIn(db, row.registrationId, row.id) : null;
  return attendeeVerdict(nonce, row.registrationId, first);
}

type LockedTarget = Target & Omit<Attendee, "registrationId" | "name">;
/** A scan as the door API receives it: who scanned and where come from the session. */
export type ScanInput = Omit<ScanCommand, "conferenceId" | "hostUserId">;
type ScanRow = { target: LockedTarget | null; replayed: boolean; first: (Omit<ActiveCheckIn, "scannedAt"> & { scannedAt: string }) | null };

/** What the database functions checkin_record_scan(_by_session) take after who and where: the same for both. */
function scanValues(command: ScanInput, code: string | null): unknown[] {
  const receivedAt = command.receivedAt ?? new Date();
  return [
    command.registrationId ?? null,
    code,
    randomUUID(),
    command.method,
    command.scannedAt,
    receivedAt,
    receivedAt.getTime() - command.scannedAt.getTime() > LATE_UPLOAD_MS,
  ];
}

async function verdictOf(row: ScanRow, conferenceId: string, nonce: string): Promise<Verdict> {
  const { target, replayed } = row;
  if (replayed) return (await replay(conferenceId, nonce)) ?? { kind: "unknown", nonce };
  if (!target) return { kind: "unknown", nonce };
  if (target.status === "CANCELLED") return { kind: "cancelled", nonce, name: target.name };
  if (target.status === "WAITLISTED") return { kind: "waitlisted", nonce, name: target.name };
  const attendee: Attendee = {
    registrationId: target.id,
    name: target.name,
    organisation: target.organisation,
    workshops: target.workshops,
    hostNote: target.hostNote,
    dietaryNeeds: target.dietaryNeeds,
    accessibilityNeeds: target.accessibilityNeeds,
  };
  const first = row.first ? { ...row.first, scannedAt: new Date(row.first.scannedAt) } : null;
  return verdictFor(nonce, attendee, first);
}

/** A typed code that cannot be a ticket needs no lock: null for a code worth looking up. */
function scannedCode(command: ScanInput): { code: string | null; lookUp: boolean } {
  if (command.registrationId) return { code: null, lookUp: true };
  const code = normaliseScannedCode(command.code ?? "");
  return { code, lookUp: looksLikeTicketCode(code) };
}

/**
 * Records a scan in one call of the database function checkin_record_scan (prisma/migrations/
 * 20261128230000_checkin_record_scan): one round trip, with its statements planned once per connection. It
 * locks the ticket, reads whether this nonce was stored before and the ticket's first check-in that still
 * counts, and inserts the check-in, flagged when it is not the first. A nonce seen before is answered from
 * what was stored (replay()).
 */
export async function recordScan(command: ScanCommand): Promise<Verdict> {
  const nonce = command.clientNonce;
  const { code, lookUp } = scannedCode(command);
  if (!lookUp) return (await replay(command.conferenceId, nonce)) ?? { kind: "unknown", nonce };
  try {
    const { rows } = await pgPool().query<{ scan: ScanRow }>({
      name: "checkin-record-scan",
      text: "SELECT checkin_record_scan($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) AS scan",
      values: [command.conferenceId, ...scanValues(command, code), command.hostUserId, command.deviceId, nonce],
    });
    return await verdictOf(rows[0]?.scan ?? { target: null, replayed: false, first: null }, command.conferenceId, nonce);
  } catch (error) {
    // The nonce arrived with another ticket at the same moment: whatever was stored first is the answer.
    if (isUniqueViolation(error)) return (await replay(command.conferenceId, nonce)) ?? { kind: "unknown", nonce };
    throw error;
  }
}

/**
 * The door API's scan: the session's access to the conference (checkin_door_access) and the scan in ONE
 * round trip (checkin_record_scan_by_session), because at 12.45 this is every request. Throws
 * AuthorizationError as checkInAccessOf does, before anything is recorded.
 */
export async function recordScanBySession(sessionToken: string, conferenceSlug: string, command: ScanInput): Promise<Verdict> {
  const nonce = command.clientNonce;
  const { code, lookUp } = scannedCode(command);
  if (!lookUp) {
    const { conference } = await checkInAccessBySession(sessionToken, conferenceSlug);
    return (await replay(conference.id, nonce)) ?? { kind: "unknown", nonce };
  }
  let result: { refusal: AuthorizationFailure } | { access: DoorAccessRow; scan: ScanRow };
  try {
    const { rows } = await pgPool().query<{ result: typeof result }>({
      name: "checkin-record-scan-by-session",
      text: "SELECT checkin_record_scan_by_session($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) AS result",
      values: [sessionToken, conferenceSlug, CHECK_IN, ...scanValues(command, code), command.deviceId, nonce],
    });
    const row = rows[0]?.result;
    if (!row) throw new Error("checkin_record_scan_by_session returned nothing");
    result = row;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // As in recordScan: the nonce was stored with another ticket at the same moment.
    const { conference } = await checkInAccessBySession(sessionToken, conferenceSlug);
    return (await replay(conference.id, nonce)) ?? { kind: "unknown", nonce };
  }
  if ("refusal" in result) throw new AuthorizationError(result.refusal);
  return verdictOf(result.scan, doorAccess(result.access).conference.id, nonce);
}

export interface UndoCommand {
  conferenceId: string;
  /** The nonce of the scan to undo: the device knows it even when the scan is still in its offline queue. */
  checkInNonce: string;
  clientNonce: string;
  undoneAt: Date;
  deviceId: string;
  hostUserId: string | null;
}

export type UndoOutcome = { ok: true; registrationId: string } | { ok: false; reason: "notFound" };

export async function undoCheckIn(command: UndoCommand): Promise<UndoOutcome> {
  const target = await db.checkIn.findUnique({
    where: { clientNonce: command.checkInNonce },
    select: { id: true, conferenceId: true, registrationId: true, action: true, method: true },
  });
  if (!target || target.conferenceId !== command.conferenceId || target.action !== "CHECK_IN") {
    return { ok: false, reason: "notFound" };
  }
  try {
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM registrations WHERE id = ${target.registrationId} FOR NO KEY UPDATE`;
      await tx.checkIn.create({
        data: {
          conferenceId: command.conferenceId,
          registrationId: target.registrationId,
          action: "UNDO",
          undoesId: target.id,
          method: target.method,
          scannedAt: command.undoneAt,
          hostUserId: command.hostUserId,
          deviceId: command.deviceId,
          clientNonce: command.clientNonce,
        },
      });
    });
  } catch (error) {
    // This undo was sent before, or another device undid the same check-in: either way it is undone.
    if (!isUniqueViolation(error)) throw error;
  }
  return { ok: true, registrationId: target.registrationId };
}
