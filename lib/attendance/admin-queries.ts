// The organiser's attendance page (issue 15, item 2): per session present of registered, and per session its
// people. Who was present comes from attendance_of (prisma/sql/attendance.sql) and nowhere else. Every read is
// scoped to a conference the caller found through its organisation (getEditableConference).
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { RosterRow, SessionAttendanceRow } from "./schema";

/**
 * Every session of the conference in programme order, with registered (a workshop: its confirmed places; a
 * session outside the rounds: the conference's confirmed people) and present.
 */
export const sessionsWithAttendance = cache(async (conferenceId: string): Promise<SessionAttendanceRow[]> => {
  return db.$queryRaw<SessionAttendanceRow[]>`
    WITH present AS (SELECT a."sessionId", count(*)::int AS n FROM attendance_of(${conferenceId}) a GROUP BY a."sessionId"),
         everyone AS (SELECT count(*)::int AS n FROM registrations r WHERE r.conference_id = ${conferenceId} AND r.status = 'CONFIRMED'),
         places AS (SELECT w.session_id, count(*)::int AS n
                      FROM workshop_choices w JOIN registrations r ON r.id = w.registration_id AND r.status = 'CONFIRMED'
                     WHERE r.conference_id = ${conferenceId} AND w.status = 'CONFIRMED' GROUP BY w.session_id)
    SELECT s.id AS "sessionId", s.title, s.starts_at AS "startsAt", s.ends_at AS "endsAt", rm.name AS room, wr.title AS round,
           CASE WHEN s.workshop_round_id IS NULL THEN (SELECT n FROM everyone) ELSE COALESCE(pl.n, 0) END AS registered,
           COALESCE(p.n, 0) AS present
      FROM programme_sessions s
      LEFT JOIN rooms rm ON rm.id = s.room_id
      LEFT JOIN workshop_rounds wr ON wr.id = s.workshop_round_id
      LEFT JOIN places pl ON pl.session_id = s.id
      LEFT JOIN present p ON p."sessionId" = s.id
     WHERE s.conference_id = ${conferenceId}
     ORDER BY s.starts_at, wr.position NULLS FIRST, s.title`;
});

/**
 * The people of one session: who was registered for it, and anyone else who was present or was corrected for
 * it, by name. Erased people are left out (their name is gone; their attendance still counts above).
 */
export async function sessionRoster(conferenceId: string, session: { id: string; workshopRoundId: string | null }): Promise<RosterRow[]> {
  const rows = await db.$queryRaw<Array<Omit<RosterRow, "correction"> & { correctedPresent: boolean | null; reason: string | null; correctedAt: Date | null; byName: string | null; byEmail: string | null }>>`
    WITH present AS (SELECT a."registrationId", a.source FROM attendance_of(${conferenceId}) a WHERE a."sessionId" = ${session.id}),
         registered AS (
           SELECT r.id FROM registrations r
            WHERE r.conference_id = ${conferenceId} AND r.status = 'CONFIRMED' AND ${session.workshopRoundId}::text IS NULL
           UNION
           SELECT w.registration_id FROM workshop_choices w JOIN registrations r ON r.id = w.registration_id AND r.status = 'CONFIRMED'
            WHERE w.session_id = ${session.id} AND w.status = 'CONFIRMED'),
         latest AS (
           SELECT DISTINCT ON (k.registration_id) k.registration_id, k.present, k.reason, k.created_at, u.name, u.email
             FROM attendance_corrections k LEFT JOIN users u ON u.id = k.actor_user_id
            WHERE k.conference_id = ${conferenceId} AND k.session_id = ${session.id}
            ORDER BY k.registration_id, k.created_at DESC, k.id DESC)
    SELECT r.id AS "registrationId", r.name, r.organisation, (reg.id IS NOT NULL) AS registered, p.source,
           l.present AS "correctedPresent", l.reason, l.created_at AS "correctedAt", l.name AS "byName", l.email AS "byEmail"
      FROM registrations r
      LEFT JOIN registered reg ON reg.id = r.id
      LEFT JOIN present p ON p."registrationId" = r.id
      LEFT JOIN latest l ON l.registration_id = r.id
     WHERE r.conference_id = ${conferenceId} AND r.erased_at IS NULL
       AND (reg.id IS NOT NULL OR p."registrationId" IS NOT NULL OR l.registration_id IS NOT NULL)
     ORDER BY r.name, r.id`;
  return rows.map(({ correctedPresent, reason, correctedAt, byName, byEmail, ...row }) => ({
    ...row,
    correction: correctedPresent === null || !correctedAt ? null : { present: correctedPresent, reason, at: correctedAt, by: byName ?? byEmail },
  }));
}

/** A session of the conference, or null (another conference's id, or none): the page's 404. */
export async function conferenceSession(conferenceId: string, sessionId: string) {
  return db.programmeSession.findFirst({ where: { id: sessionId, conferenceId }, select: { id: true, title: true, workshopRoundId: true } });
}
