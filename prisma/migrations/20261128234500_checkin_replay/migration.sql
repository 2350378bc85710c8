-- The door's scan answers a resent nonce itself, so a scan never needs a second query: the door API's scan can
-- then be served without Prisma by the production server's own handler (scripts/lib/serve.ts).

-- What a host sees of a person at the door (lib/checkin/schema.ts, Attendee), as JSON.
CREATE FUNCTION "checkin_attendee"(p_registration_id TEXT)
RETURNS JSON LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
           'registrationId', r.id, 'name', r.name, 'organisation', r.organisation, 'hostNote', r.host_note,
           'dietaryNeeds', r.dietary_needs, 'accessibilityNeeds', r.accessibility_needs,
           -- Only workshops with a place: a waitlisted workshop is not where the host should send someone.
           'workshops', COALESCE((SELECT json_agg(s.title ORDER BY wr.position)
                                    FROM workshop_choices w
                                    JOIN programme_sessions s ON s.id = w.session_id
                                    JOIN workshop_rounds wr ON wr.id = w.round_id
                                   WHERE w.registration_id = r.id AND w.status = 'CONFIRMED'), '[]'::json))
    FROM registrations r WHERE r.id = p_registration_id
$$;

-- The answer a nonce got the first time: NULL when the nonce is new; {"unknown": true} for a nonce of another
-- conference or of an undo (it says nothing here); else the person and, when that scan was flagged as a
-- duplicate, the check-in that was first ({"attendee": ..., "first": ...}).
CREATE FUNCTION "checkin_replay"(p_conference_id TEXT, p_nonce TEXT)
RETURNS JSON LANGUAGE plpgsql STABLE
SET enable_seqscan = off
AS $$
DECLARE
  v_scan RECORD;
BEGIN
  SELECT c.id, c.conference_id, c.registration_id, c.action::text AS action, c.duplicate INTO v_scan
    FROM check_ins c WHERE c.client_nonce = p_nonce;
  IF v_scan.id IS NULL THEN
    RETURN NULL;
  END IF;
  IF v_scan.conference_id <> p_conference_id OR v_scan.action <> 'CHECK_IN' THEN
    RETURN json_build_object('unknown', TRUE);
  END IF;
  RETURN json_build_object(
    'attendee', checkin_attendee(v_scan.registration_id),
    'first', CASE WHEN v_scan.duplicate
                  THEN (SELECT row_to_json(f) FROM checkin_first_active(v_scan.registration_id, v_scan.id) f) END);
END;
$$;

-- As before (20261128230000_checkin_record_scan), with the answer complete in one call. Returns
-- {"replay": <checkin_replay>} for a nonce seen before, else {"target": {"status", "attendee"} or NULL,
-- "first": <the first check-in that still counts> or NULL}. With neither an id nor a code (typed text that
-- cannot be a ticket) nothing is looked up: only a replay is possible.
CREATE OR REPLACE FUNCTION "checkin_record_scan"(
  p_conference_id TEXT, p_registration_id TEXT, p_ticket_code TEXT, p_id TEXT, p_method "CheckInMethod",
  p_scanned_at TIMESTAMPTZ, p_received_at TIMESTAMPTZ, p_late_upload BOOLEAN, p_host_user_id TEXT,
  p_device_id TEXT, p_nonce TEXT)
RETURNS JSON LANGUAGE plpgsql
SET enable_seqscan = off
AS $$
DECLARE
  v_id TEXT := p_registration_id;
  v_status TEXT;
  v_replay JSON;
  v_first RECORD;
BEGIN
  IF v_id IS NULL AND p_ticket_code IS NOT NULL THEN
    SELECT r.id INTO v_id FROM registrations r WHERE r.ticket_code = p_ticket_code AND r.conference_id = p_conference_id;
  END IF;
  IF v_id IS NOT NULL THEN
    SELECT r.id, r.status::text INTO v_id, v_status
      FROM registrations r
     WHERE r.id = v_id AND r.conference_id = p_conference_id
       FOR NO KEY UPDATE OF r;
  END IF;
  v_replay := checkin_replay(p_conference_id, p_nonce);
  IF v_replay IS NOT NULL THEN
    RETURN json_build_object('replay', v_replay);
  END IF;
  IF v_id IS NULL THEN
    RETURN json_build_object('target', NULL, 'first', NULL);
  END IF;
  SELECT * INTO v_first FROM checkin_first_active(v_id);
  IF v_status = 'CONFIRMED' THEN
    INSERT INTO check_ins (id, conference_id, registration_id, action, method, scanned_at, received_at, host_user_id,
                           device_id, client_nonce, duplicate, late_upload)
    VALUES (p_id, p_conference_id, v_id, 'CHECK_IN', p_method, p_scanned_at, p_received_at, p_host_user_id,
            p_device_id, p_nonce, v_first.id IS NOT NULL, p_late_upload);
  END IF;
  RETURN json_build_object('target', json_build_object('status', v_status, 'attendee', checkin_attendee(v_id)),
                           'first', CASE WHEN v_first.id IS NULL THEN NULL ELSE row_to_json(v_first) END);
END;
$$;
