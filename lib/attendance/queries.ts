// Who attended which session (issue 15). The rule itself is attendance_of in prisma/sql/attendance.sql; this is
// its one TypeScript face. Every query is scoped to one conference; callers have checked that the user may see
// it (lib/auth) or hold the person's own link.
import "server-only";
import { db } from "@/lib/db";

/** How a session's attendance is known: the organiser's correction, a room check-in, or arrival at the door. */
export type AttendanceSource = "correction" | "room" | "door";

export interface SessionAttendance {
  registrationId: string;
  sessionId: string;
  source: AttendanceSource;
}

/** Every (person, session) of the conference that counts as attended. */
export async function attendanceOf(conferenceId: string): Promise<SessionAttendance[]> {
  return db.$queryRaw<SessionAttendance[]>`SELECT * FROM attendance_of(${conferenceId})`;
}

/** The sessions one person attended, by session id. */
export async function attendanceOfRegistration(conferenceId: string, registrationId: string): Promise<Map<string, AttendanceSource>> {
  const rows = await db.$queryRaw<SessionAttendance[]>`
    SELECT * FROM attendance_of(${conferenceId}) a WHERE a."registrationId" = ${registrationId}`;
  return new Map(rows.map((row) => [row.sessionId, row.source]));
}

/**
 * The people who were checked in at the conference, at the front door or at any room (a check-in that no undo
 * points at), with the moment they first arrived. What "came" means for the certificate email and the survey.
 */
export async function checkedInRegistrations(conferenceId: string): Promise<Array<{ registrationId: string; arrivedAt: Date }>> {
  return db.$queryRaw<Array<{ registrationId: string; arrivedAt: Date }>>`
    SELECT c.registration_id AS "registrationId", min(c.scanned_at) AS "arrivedAt"
      FROM check_ins c
     WHERE c.conference_id = ${conferenceId} AND c.action = 'CHECK_IN'
       AND NOT EXISTS (SELECT 1 FROM check_ins x WHERE x.undoes_id = c.id)
     GROUP BY c.registration_id`;
}
