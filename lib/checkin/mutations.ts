// The door's writes. The check-in log is append-only (a trigger refuses UPDATE): a scan adds a CHECK_IN, an
// undo adds an UNDO pointing at it. Every write carries the device's nonce, unique in the database, so a
// queue that is sent twice never makes a second row; the answer to a resend is the original verdict.
import "server-only";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { db, pgPool } from "@/lib/db";
import { formatTime } from "@/lib/format";
import { ATTENDEE_SELECT, hostLabel, toAttendee } from "./attendee";
import { looksLikeTicketCode, normaliseScannedCode } from "./code";
import { sql, statements, type SqlFragment } from "@/lib/sql-text";
import type { Attendee, CheckInMethod, Verdict } from "./schema";
import { firstActiveCheckIn, firstActiveCheckInQuery, type ActiveCheckIn } from "./state";
import { isUniqueViolation } from "@/lib/db-errors";

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
type EarlierScan = { id: string };

// The ticket, scoped to the conference, locked until the transaction ends: two devices scanning the same
// ticket at once are serialised here, so exactly one of them is the first and the other is flagged. With it
// what a host sees of the person, so a welcome needs no further query.
function lockTargetQuery(conferenceId: string, command: ScanCommand, code: string | null): SqlFragment {
  const match = command.registrationId ? sql`r.id = ${command.registrationId}` : sql`r.ticket_code = ${code ?? ""}`;
  return sql`
    SELECT r.id, r.name, r.status::text AS status, r.organisation, r.host_note AS "hostNote",
           r.dietary_needs AS "dietaryNeeds", r.accessibility_needs AS "accessibilityNeeds",
           -- Only workshops with a place: a waitlisted workshop is not where the host should send someone.
           COALESCE((SELECT json_agg(s.title ORDER BY wr.position)
                       FROM workshop_choices w
                       JOIN programme_sessions s ON s.id = w.session_id
                       JOIN workshop_rounds wr ON wr.id = w.round_id
                      WHERE w.registration_id = r.id AND w.status = 'CONFIRMED'), '[]'::json) AS workshops
      FROM registrations r
     WHERE ${match} AND r.conference_id = ${conferenceId}
       FOR NO KEY UPDATE OF r`;
}

/**
 * Records a scan in two round trips to PostgreSQL (this is the door's hot path: 20 phones at 12.45). The
 * first sends BEGIN, the row lock on the ticket and, after it, the reads that decide: whether this nonce was
 * stored before and the ticket's first check-in that still counts. Statements after the lock take a fresh
 * snapshot (READ COMMITTED), so they see a check-in that another device committed while this one waited. The
 * second inserts the check-in and commits. A nonce seen before is answered from what was stored (replay()).
 */
export async function recordScan(command: ScanCommand): Promise<Verdict> {
  const nonce = command.clientNonce;
  const code = command.registrationId ? null : normaliseScannedCode(command.code ?? "");
  if (code !== null && !looksLikeTicketCode(code)) return (await replay(command.conferenceId, nonce)) ?? { kind: "unknown", nonce };
  const receivedAt = command.receivedAt ?? new Date();
  const client = await pgPool().connect();
  let outcome: { target: LockedTarget | null; first: ActiveCheckIn | null; replayed: boolean };
  try {
    const results = (await client.query(
      statements(
        sql`BEGIN`,
        lockTargetQuery(command.conferenceId, command, code),
        sql`SELECT id FROM check_ins WHERE client_nonce = ${nonce}`,
        firstActiveCheckInQuery(
          command.registrationId
            ? sql`${command.registrationId}`
            : sql`(SELECT id FROM registrations WHERE ticket_code = ${code ?? ""} AND conference_id = ${command.conferenceId})`,
        ),
      ),
    )) as unknown as pg.QueryResult[];
    const target = (results[1]?.rows[0] as LockedTarget | undefined) ?? null;
    const earlier = (results[2]?.rows[0] as EarlierScan | undefined) ?? null;
    const first = (results[3]?.rows[0] as ActiveCheckIn | undefined) ?? null;
    if (earlier || !target || target.status !== "CONFIRMED") {
      await client.query("ROLLBACK");
      outcome = { target, first: null, replayed: earlier !== null };
    } else {
      await client.query(
        statements(
          sql`
            INSERT INTO check_ins (id, conference_id, registration_id, action, method, scanned_at, received_at, host_user_id,
                                   device_id, client_nonce, duplicate, late_upload)
            VALUES (${randomUUID()}, ${command.conferenceId}, ${target.id}, 'CHECK_IN', ${command.method}::"CheckInMethod",
                    ${command.scannedAt}, ${receivedAt}, ${command.hostUserId}, ${command.deviceId}, ${nonce}, ${first !== null},
                    ${receivedAt.getTime() - command.scannedAt.getTime() > LATE_UPLOAD_MS})`,
          sql`COMMIT`,
        ),
      );
      outcome = { target, first, replayed: false };
    }
    client.release();
  } catch (error) {
    const rolledBack = await client.query("ROLLBACK").then(
      () => true,
      () => false,
    );
    client.release(rolledBack ? undefined : true);
    // The nonce arrived with another ticket at the same moment: whatever was stored first is the answer.
    if (isUniqueViolation(error)) return (await replay(command.conferenceId, nonce)) ?? { kind: "unknown", nonce };
    throw error;
  }
  const { target, first, replayed } = outcome;
  if (replayed) return (await replay(command.conferenceId, nonce)) ?? { kind: "unknown", nonce };
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
  return verdictFor(nonce, attendee, first);
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
