// The door's writes. The check-in log is append-only (a trigger refuses UPDATE): a scan adds a CHECK_IN
// (lib/checkin/scan.ts), an undo adds an UNDO pointing at it. Every write carries the device's nonce, unique per
// conference in the database, so a queue that is sent twice never makes a second row; the answer to a resend
// is the original verdict.
import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";

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
    where: { conferenceId_clientNonce: { conferenceId: command.conferenceId, clientNonce: command.checkInNonce } },
    select: { id: true, registrationId: true, action: true, method: true, sessionId: true },
  });
  if (!target || target.action !== "CHECK_IN") {
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
          // At the same place as the check-in it takes back (a room's, issue 15), for whoever reads the log.
          sessionId: target.sessionId,
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
