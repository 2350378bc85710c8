-- The door's hot path as functions, so that PostgreSQL plans its statements once per connection instead of
-- on every scan (planning was most of a scan's database time), and a scan is one call.

-- A registration's first check-in that still counts (no undo points at it): the moment the person arrived.
-- The one definition of "checked in" that the scan below and lib/checkin/state.ts both use.
CREATE FUNCTION "checkin_first_active"(p_registration_id TEXT, p_except_id TEXT DEFAULT NULL)
RETURNS TABLE ("id" TEXT, "scannedAt" TIMESTAMPTZ, "hostName" TEXT, "hostEmail" TEXT)
LANGUAGE sql STABLE AS $$
  SELECT c.id, c.scanned_at, u.name, u.email
    FROM check_ins c LEFT JOIN users u ON u.id = c.host_user_id
   WHERE c.registration_id = p_registration_id AND c.action = 'CHECK_IN'
     AND c.id IS DISTINCT FROM p_except_id
     AND NOT EXISTS (SELECT 1 FROM check_ins x WHERE x.undoes_id = c.id)
   ORDER BY c.scanned_at, c.received_at
   LIMIT 1
$$;

-- Records one scan and returns what decides its verdict, as JSON: the ticket ("target", null when no ticket of
-- this conference has that id or code), whether the nonce was stored before ("replayed") and the first
-- check-in that still counts ("first"). The ticket's row lock serialises two devices scanning it at once.
-- VOLATILE (the default), so under READ COMMITTED every statement after the lock takes a fresh snapshot and
-- sees a check-in that another device committed while this one waited; every writer of check_ins takes the
-- same lock, so nothing changes between those reads and the insert.
CREATE FUNCTION "checkin_record_scan"(
  p_conference_id TEXT, p_registration_id TEXT, p_ticket_code TEXT, p_id TEXT, p_method "CheckInMethod",
  p_scanned_at TIMESTAMPTZ, p_received_at TIMESTAMPTZ, p_late_upload BOOLEAN, p_host_user_id TEXT,
  p_device_id TEXT, p_nonce TEXT)
RETURNS JSON LANGUAGE plpgsql AS $$
DECLARE
  v_id TEXT := p_registration_id;
  v_target RECORD;
  v_replayed BOOLEAN;
  v_first RECORD;
BEGIN
  IF v_id IS NULL THEN
    SELECT r.id INTO v_id FROM registrations r WHERE r.ticket_code = p_ticket_code AND r.conference_id = p_conference_id;
  END IF;
  SELECT r.id, r.name, r.status::text AS status, r.organisation, r.host_note AS "hostNote",
         r.dietary_needs AS "dietaryNeeds", r.accessibility_needs AS "accessibilityNeeds",
         -- Only workshops with a place: a waitlisted workshop is not where the host should send someone.
         COALESCE((SELECT json_agg(s.title ORDER BY wr.position)
                     FROM workshop_choices w
                     JOIN programme_sessions s ON s.id = w.session_id
                     JOIN workshop_rounds wr ON wr.id = w.round_id
                    WHERE w.registration_id = r.id AND w.status = 'CONFIRMED'), '[]'::json) AS workshops
    INTO v_target
    FROM registrations r
   WHERE r.id = v_id AND r.conference_id = p_conference_id
     FOR NO KEY UPDATE OF r;
  IF NOT FOUND THEN
    RETURN json_build_object('target', NULL, 'replayed', EXISTS (SELECT 1 FROM check_ins WHERE client_nonce = p_nonce), 'first', NULL);
  END IF;
  v_replayed := EXISTS (SELECT 1 FROM check_ins WHERE client_nonce = p_nonce);
  SELECT * INTO v_first FROM checkin_first_active(v_id);
  IF NOT v_replayed AND v_target.status = 'CONFIRMED' THEN
    INSERT INTO check_ins (id, conference_id, registration_id, action, method, scanned_at, received_at, host_user_id,
                           device_id, client_nonce, duplicate, late_upload)
    VALUES (p_id, p_conference_id, v_id, 'CHECK_IN', p_method, p_scanned_at, p_received_at, p_host_user_id,
            p_device_id, p_nonce, v_first.id IS NOT NULL, p_late_upload);
  END IF;
  RETURN json_build_object('target', row_to_json(v_target), 'replayed', v_replayed,
                           'first', CASE WHEN v_first.id IS NULL THEN NULL ELSE row_to_json(v_first) END);
END;
$$;
