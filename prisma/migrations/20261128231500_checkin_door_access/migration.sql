-- Who may work the door of a conference, as one function that both the door's pages and API
-- (lib/checkin/access.ts) and the scan below ask. Exactly one row: "refusal" is NULL when the user holds one
-- of p_roles in the conference's organisation; "unauthenticated" when there is no such user (no session, an
-- expired one); "notFound" for everything else, so that an unknown slug, another organisation's conference
-- and a member without a door role look alike. The other columns are for the caller only when allowed.
CREATE FUNCTION "checkin_door_access"(p_user_id TEXT, p_slug TEXT, p_roles TEXT[])
RETURNS TABLE ("refusal" TEXT, "userId" TEXT, "email" TEXT, "name" TEXT, "id" TEXT, "slug" TEXT, "title" TEXT,
               "organisationId" TEXT, "startsAt" TIMESTAMPTZ, "endsAt" TIMESTAMPTZ)
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN u.id IS NULL THEN 'unauthenticated'
              WHEN c.id IS NULL OR m.role IS NULL OR NOT (m.role::text = ANY (p_roles)) THEN 'notFound' END,
         u.id, u.email, u.name, c.id, c.slug, c.title, c.organisation_id, c.starts_at, c.ends_at
    FROM (SELECT 1) AS one
    LEFT JOIN users u ON u.id = p_user_id
    -- Signed out is decided before the conference is looked up: it cannot tell whether a slug exists.
    LEFT JOIN conferences c ON c.slug = p_slug AND u.id IS NOT NULL
    LEFT JOIN memberships m ON m.organisation_id = c.organisation_id AND m.user_id = u.id
$$;

-- The door API's scan in one round trip: the session's access to the conference, then the scan itself
-- (checkin_record_scan) with the conference and host that the access found. Returns {"refusal": ...} or
-- {"access": <checkin_door_access row>, "scan": <checkin_record_scan result>}.
CREATE FUNCTION "checkin_record_scan_by_session"(
  p_session_token TEXT, p_slug TEXT, p_roles TEXT[], p_registration_id TEXT, p_ticket_code TEXT, p_id TEXT,
  p_method "CheckInMethod", p_scanned_at TIMESTAMPTZ, p_received_at TIMESTAMPTZ, p_late_upload BOOLEAN,
  p_device_id TEXT, p_nonce TEXT)
RETURNS JSON LANGUAGE plpgsql
-- As for checkin_record_scan (20261128230000): every lookup here is by key.
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
    'access', row_to_json(v_access),
    'scan', checkin_record_scan(v_access.id, p_registration_id, p_ticket_code, p_id, p_method, p_scanned_at,
                                p_received_at, p_late_upload, v_access."userId", p_device_id, p_nonce));
END;
$$;

-- Every statement of a scan is a lookup by key. A plpgsql function keeps its plans for the life of the
-- connection, and a plan made while check_ins was still small (the first scans of a new installation, or of
-- a benchmark) would go on reading the whole log sequentially as it grows: the planner is told to use the
-- indexes it has.
ALTER FUNCTION "checkin_record_scan"(TEXT, TEXT, TEXT, TEXT, "CheckInMethod", TIMESTAMPTZ, TIMESTAMPTZ, BOOLEAN, TEXT, TEXT, TEXT)
  SET enable_seqscan = off;
