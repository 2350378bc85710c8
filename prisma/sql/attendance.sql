-- Who attended which session of a conference (issue 15): the one home of that rule. Attendance lists,
-- certificates, register exports and surveys all read it from here (lib/attendance/queries.ts), never from
-- check_ins directly. Applied after the migrations whenever it changes (see prisma/sql/checkin.sql's header).
--
-- A person attended a session when, in this order:
--   1. the organiser's newest correction for (person, session) says so, present or not, whatever was scanned;
--   2. else they were checked in at the session's room (a room check-in that no undo points at);
--   3. else, for a session outside the workshop rounds (an opening, a keynote, a panel): they had arrived, at the
--      front door or at any room, before that session ended. Someone who came at 14.00 did not hear the morning's
--      keynote. A workshop needs its room check-in: the front door cannot tell which room someone went to.
-- source says which of the three: 'correction', 'room' or 'door'.
CREATE OR REPLACE FUNCTION "attendance_of"(p_conference_id TEXT)
RETURNS TABLE ("registrationId" TEXT, "sessionId" TEXT, "source" TEXT)
LANGUAGE sql STABLE AS $$
  WITH active AS (
    SELECT c.registration_id, c.session_id, c.scanned_at
      FROM check_ins c
     WHERE c.conference_id = p_conference_id AND c.action = 'CHECK_IN'
       AND NOT EXISTS (SELECT 1 FROM check_ins x WHERE x.undoes_id = c.id)
  ), arrived AS (
    SELECT a.registration_id, min(a.scanned_at) AS at FROM active a GROUP BY a.registration_id
  ), corrected AS (
    SELECT DISTINCT ON (k.registration_id, k.session_id) k.registration_id, k.session_id, k.present
      FROM attendance_corrections k
      JOIN programme_sessions s ON s.id = k.session_id AND s.conference_id = p_conference_id
     WHERE k.conference_id = p_conference_id
     ORDER BY k.registration_id, k.session_id, k.created_at DESC, k.id DESC
  ), scanned AS (
    SELECT a.registration_id, a.session_id, 'room'::text AS source
      FROM active a WHERE a.session_id IS NOT NULL
    UNION
    SELECT ar.registration_id, s.id, 'door'::text
      FROM arrived ar JOIN programme_sessions s ON s.conference_id = p_conference_id
     WHERE s.workshop_round_id IS NULL AND ar.at < s.ends_at
  )
  SELECT * FROM (
    SELECT DISTINCT ON (sc.registration_id, sc.session_id) sc.registration_id, sc.session_id, sc.source
      FROM scanned sc
     WHERE NOT EXISTS (SELECT 1 FROM corrected k WHERE k.registration_id = sc.registration_id AND k.session_id = sc.session_id)
     -- 'room' before 'door': a room check-in at a plenary is the better proof.
     ORDER BY sc.registration_id, sc.session_id, sc.source DESC) counted
  UNION ALL
  SELECT k.registration_id, k.session_id, 'correction' FROM corrected k WHERE k.present
$$;

-- A person's erase (places_erase sets erased_at) removes the reasons given for their attendance corrections: a
-- reason can say something about the person. Whether they attended stays (hours, counts). The trigger
-- registrations_erase_attendance_reasons is in the migration 20261207222000_attendance_erase.
CREATE OR REPLACE FUNCTION "attendance_forget_reasons"()
RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  UPDATE attendance_corrections SET reason = NULL WHERE registration_id = NEW.id AND reason IS NOT NULL;
  RETURN NULL;
END;
$$;
