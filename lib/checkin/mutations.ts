// The door's writes. The check-in log is append-only (a trigger refuses UPDATE): a scan adds a CHECK_IN, an
// undo adds an UNDO pointing at it. Every write carries the device's nonce, unique in the database, so a
// queue that is sent twice never makes a second row; the answer to a resend is the original verdict.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatTime } from "@/lib/format";
import { ATTENDEE_SELECT, hostLabel, toAttendee } from "./attendee";
import { looksLikeTicketCode, normaliseScannedCode } from "./code";
import type { CheckInMethod, Verdict } from "./schema";
import { firstActiveCheckIn, type ActiveCheckIn } from "./state";

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

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

// The registration, scoped to the conference, locked until the transaction ends: two devices scanning the
// same ticket at once are serialised here, so exactly one of them is the first and the other is flagged.
async function lockTarget(tx: Tx, conferenceId: string, command: ScanCommand): Promise<Target | null> {
  if (command.registrationId) {
    const rows = await tx.$queryRaw<Target[]>`
      SELECT id, name, status::text AS status FROM registrations
       WHERE id = ${command.registrationId} AND conference_id = ${conferenceId} FOR NO KEY UPDATE`;
    return rows[0] ?? null;
  }
  const code = normaliseScannedCode(command.code ?? "");
  if (!looksLikeTicketCode(code)) return null;
  const rows = await tx.$queryRaw<Target[]>`
    SELECT id, name, status::text AS status FROM registrations
     WHERE ticket_code = ${code} AND conference_id = ${conferenceId} FOR NO KEY UPDATE`;
  return rows[0] ?? null;
}

async function attendeeVerdict(nonce: string, registrationId: string, first: ActiveCheckIn | null): Promise<Verdict> {
  const row = await db.registration.findUniqueOrThrow({ where: { id: registrationId }, select: ATTENDEE_SELECT });
  const attendee = toAttendee(row);
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

export async function recordScan(command: ScanCommand): Promise<Verdict> {
  const nonce = command.clientNonce;
  const earlier = await replay(command.conferenceId, nonce);
  if (earlier) return earlier;
  const receivedAt = command.receivedAt ?? new Date();
  let outcome: { target: Target | null; first: ActiveCheckIn | null; replayed: boolean };
  try {
    outcome = await db.$transaction(async (tx) => {
      const target = await lockTarget(tx, command.conferenceId, command);
      if (!target || target.status !== "CONFIRMED") return { target, first: null, replayed: false };
      // The same nonce sent twice at once: the second waited for the lock and now sees the first's row.
      if (await tx.checkIn.findUnique({ where: { clientNonce: nonce }, select: { id: true } })) {
        return { target, first: null, replayed: true };
      }
      const first = await firstActiveCheckIn(tx, target.id);
      await tx.checkIn.create({
        data: {
          conferenceId: command.conferenceId,
          registrationId: target.id,
          action: "CHECK_IN",
          method: command.method,
          scannedAt: command.scannedAt,
          receivedAt,
          hostUserId: command.hostUserId,
          deviceId: command.deviceId,
          clientNonce: nonce,
          duplicate: first !== null,
          lateUpload: receivedAt.getTime() - command.scannedAt.getTime() > LATE_UPLOAD_MS,
        },
      });
      return { target, first, replayed: false };
    });
  } catch (error) {
    // The nonce arrived with another ticket at the same moment: whatever was stored first is the answer.
    if (isUniqueViolation(error)) return (await replay(command.conferenceId, nonce)) ?? { kind: "unknown", nonce };
    throw error;
  }
  const { target, first, replayed } = outcome;
  if (replayed) return (await replay(command.conferenceId, nonce)) ?? { kind: "unknown", nonce };
  if (!target) return { kind: "unknown", nonce };
  if (target.status === "CANCELLED") return { kind: "cancelled", nonce, name: target.name };
  if (target.status === "WAITLISTED") return { kind: "waitlisted", nonce, name: target.name };
  return attendeeVerdict(nonce, target.id, first);
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
