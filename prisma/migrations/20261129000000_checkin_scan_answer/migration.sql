-- The door API's scan answers with the scan only: {"refusal": ...} or {"scan": ...}. The host's own row
-- (name and email) went along with every scan before, and nothing read it.
CREATE OR REPLACE FUNCTION "checkin_record_scan_by_session"(
  p_session_token TEXT, p_slug TEXT, p_roles TEXT[], p_registration_id TEXT, p_ticket_code TEXT, p_id TEXT,
  p_method "CheckInMethod", p_scanned_at TIMESTAMPTZ, p_received_at TIMESTAMPTZ, p_late_upload BOOLEAN,
  p_device_id TEXT, p_nonce TEXT)
RETURNS JSON LANGUAGE plpgsql
SET enable_seqscan = off
AS $$
DECLARE
  v_user_id TEXT;
  v_access RECORD;
BEGIN
  SELECT s.user_id INTO v_user_id FROM sessions s WHERE s.session_token = p_session_token AND s.expires > now();
  -- A plain variable as the argument, so PostgreSQL inlines checkin_door_access instead of planning it anew.
  SELECT * INTO v_access FROM checkin_door_access(v_user_id, p_slug, p_roles);
  IF v_access.refusal IS NOT NULL THEN
    RETURN json_build_object('refusal', v_access.refusal);
  END IF;
  RETURN json_build_object(
    'scan', checkin_record_scan(v_access.id, p_registration_id, p_ticket_code, p_id, p_method, p_scanned_at,
                                p_received_at, p_late_upload, v_access."userId", p_device_id, p_nonce));
END;
$$;
