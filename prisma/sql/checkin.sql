-- The door: who may work it, and a scan as one database call. The source of these functions: edit them here,
-- in place. scripts/lib/migrate.ts applies this file after the migrations whenever it changes (Flyway's
-- repeatable migrations), so every statement must be safe to run again: CREATE OR REPLACE, and a
-- DROP FUNCTION IF EXISTS for a signature that changed. `npm run db:drift` fails on a function that no file
-- here defines. Its one TypeScript face is lib/checkin/door-sql.ts, which checks what these functions answer.
--
-- plpgsql rather than SQL where a function runs on every scan: PostgreSQL 17 plans an SQL function's
-- statements anew on every call, plpgsql once per connection. Every lookup is by key, so each function sets
-- enable_seqscan = off: a plan kept from when check_ins was nearly empty would otherwise go on reading the
-- whole log as it grows (1.6 ms of PostgreSQL per scan instead of 0.65 ms, measured).

-- The check-in log is append-only: an undo is a new row (the trigger check_ins_no_update is in the first
-- migration). Rows may still disappear with their conference or an attendee's erased data (cascades).
CREATE OR REPLACE FUNCTION "check_ins_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'check_ins is append-only';
END;
$$;

-- The door code of a ticket code (issue 14, item 8): 6 characters of Crockford base32 (what a host can type while a
-- queue waits) from the first 30 bits of a SHA-256 of the ticket code. One way: knowing a door code tells nothing
-- about the 130 bits of the ticket code that the QR code carries. 30 bits are plenty to tell a conference's people
-- apart, not to make two of them never share one: the door asks which one when they do (checkin_record_scan).
-- Changing this changes the codes in emails already sent: don't.
CREATE OR REPLACE FUNCTION "checkin_door_code"(p_ticket_code TEXT)
RETURNS TEXT LANGUAGE sql STABLE STRICT AS $$
  SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((h.bits >> (25 - 5 * i)) & 31)::int + 1, 1), '' ORDER BY i)
    FROM (SELECT ('x' || left(encode(sha256(convert_to('podium-door-code:' || p_ticket_code, 'UTF8')), 'hex'), 8))::bit(32)::bigint >> 2 AS bits) h,
         generate_series(0, 5) AS i
$$;

-- Every registration's door code follows its ticket code, whoever writes the row (the sign-up, the seed, a
-- benchmark); nobody sets it otherwise (the trigger is in the migration that added the column).
CREATE OR REPLACE FUNCTION "registrations_door_code"()
RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  NEW.door_code := checkin_door_code(NEW.ticket_code);
  RETURN NEW;
END;
$$;

-- A registration's first check-in that still counts (no undo points at it) at one place: the front door
-- (p_session_id NULL) or a session's room (issue 15). Places are counted apart: a room check-in is no duplicate
-- of the door's, and the door's no duplicate of a room's.
DROP FUNCTION IF EXISTS "checkin_first_active"(TEXT, TEXT);
CREATE OR REPLACE FUNCTION "checkin_first_active"(p_registration_id TEXT, p_except_id TEXT DEFAULT NULL, p_session_id TEXT DEFAULT NULL)
RETURNS TABLE ("id" TEXT, "scannedAt" TIMESTAMPTZ, "hostName" TEXT, "hostEmail" TEXT)
LANGUAGE sql STABLE AS $$
  SELECT c.id, c.scanned_at, u.name, u.email
    FROM check_ins c LEFT JOIN users u ON u.id = c.host_user_id
   WHERE c.registration_id = p_registration_id AND c.action = 'CHECK_IN'
     AND c.session_id IS NOT DISTINCT FROM p_session_id
     AND c.id IS DISTINCT FROM p_except_id
     AND NOT EXISTS (SELECT 1 FROM check_ins x WHERE x.undoes_id = c.id)
   ORDER BY c.scanned_at, c.received_at
   LIMIT 1
$$;

-- What a host sees of a person at the door (lib/checkin/schema.ts, Attendee), as JSON.
CREATE OR REPLACE FUNCTION "checkin_attendee"(p_registration_id TEXT)
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

-- The answer a nonce got the first time at this conference's door: NULL when the nonce is new here;
-- {"unknown": true} for the nonce of an undo (it says nothing about a scan); else the person and, when that
-- scan was flagged as a duplicate, the check-in that was first at the same place ({"attendee": ..., "first": ...,
-- "outsideChoice": true when a room let in someone from another workshop}). Nonces are
-- unique per conference, not across all organisations: another organisation's scanner reusing a nonce
-- cannot make this door's scans vanish.
CREATE OR REPLACE FUNCTION "checkin_replay"(p_conference_id TEXT, p_nonce TEXT)
RETURNS JSON LANGUAGE plpgsql STABLE
SET enable_seqscan = off
AS $$
DECLARE
  v_scan RECORD;
BEGIN
  SELECT c.id, c.registration_id, c.action::text AS action, c.duplicate, c.session_id, c.outside_choice INTO v_scan
    FROM check_ins c WHERE c.conference_id = p_conference_id AND c.client_nonce = p_nonce;
  IF v_scan.id IS NULL THEN
    RETURN NULL;
  END IF;
  IF v_scan.action <> 'CHECK_IN' THEN
    RETURN json_build_object('unknown', TRUE);
  END IF;
  RETURN json_build_object(
    'attendee', checkin_attendee(v_scan.registration_id),
    'first', CASE WHEN v_scan.duplicate
                  THEN (SELECT row_to_json(f) FROM checkin_first_active(v_scan.registration_id, v_scan.id, v_scan.session_id) f) END,
    'outsideChoice', v_scan.outside_choice);
END;
$$;

-- Who a host may be asked to choose from when a typed door code fits more than one person: enough to ask
-- "which of you?" by name, nothing more.
CREATE OR REPLACE FUNCTION "checkin_candidates"(p_ids TEXT[])
RETURNS JSON LANGUAGE sql STABLE AS $$
  SELECT COALESCE(json_agg(json_build_object('registrationId', r.id, 'name', r.name, 'organisation', r.organisation,
                                             'status', r.status) ORDER BY r.name, r.id), '[]'::json)
    FROM registrations r WHERE r.id = ANY (p_ids)
$$;

-- Records one scan. Returns {"replay": <checkin_replay>} for a nonce seen before at this door, else
-- {"target": {"status", "attendee"} or NULL, "first": <the first check-in that still counts> or NULL}. With
-- neither an id nor a code (typed text that cannot be a ticket) nothing is looked up: only a replay is possible.
-- p_ticket_code is a ticket code (16 characters or more) or a door code (6): a door code that fits more than one
-- of the conference's people records nothing and returns {"candidates": [...]}, for the host to pick one by name.
-- Room mode (issue 15): with p_session_id the scan is at that session's room. A session of another conference
-- answers {"noRoom": true} and records nothing. Duplicates count per place (checkin_first_active). At a workshop
-- of a round, a confirmed person whose place in that round is not this workshop gets {"target", "first": null,
-- "wrongRoom": true, "own": their workshop or null} and nothing is recorded, unless p_admit_anyway: then the
-- check-in is recorded with outside_choice. A plenary session's room lets in anyone confirmed. A second scan at
-- the same room is "already here" whatever the workshop. Cancelled and waitlisted are refused as at the door.
-- The ticket's row lock serialises two devices scanning it at once. VOLATILE (the default), so under READ
-- COMMITTED every statement after the lock takes a fresh snapshot and sees a check-in that another device
-- committed while this one waited; every writer of check_ins takes the same lock.
DROP FUNCTION IF EXISTS "checkin_record_scan"(TEXT, TEXT, TEXT, TEXT, "CheckInMethod", TIMESTAMPTZ, TIMESTAMPTZ, BOOLEAN, TEXT, TEXT, TEXT);
CREATE OR REPLACE FUNCTION "checkin_record_scan"(
  p_conference_id TEXT, p_registration_id TEXT, p_ticket_code TEXT, p_id TEXT, p_method "CheckInMethod",
  p_scanned_at TIMESTAMPTZ, p_received_at TIMESTAMPTZ, p_late_upload BOOLEAN, p_host_user_id TEXT,
  p_device_id TEXT, p_nonce TEXT, p_session_id TEXT DEFAULT NULL, p_admit_anyway BOOLEAN DEFAULT FALSE)
RETURNS JSON LANGUAGE plpgsql
SET enable_seqscan = off
AS $$
DECLARE
  v_id TEXT := p_registration_id;
  v_ids TEXT[];
  v_status TEXT;
  v_replay JSON;
  v_first RECORD;
  v_round TEXT;
  v_own TEXT;
  v_outside BOOLEAN := FALSE;
BEGIN
  IF p_session_id IS NOT NULL THEN
    SELECT s.workshop_round_id INTO v_round FROM programme_sessions s WHERE s.id = p_session_id AND s.conference_id = p_conference_id;
    IF NOT FOUND THEN
      RETURN json_build_object('noRoom', TRUE);
    END IF;
  END IF;
  IF v_id IS NULL AND p_ticket_code IS NOT NULL AND length(p_ticket_code) = 6 THEN
    -- Erased registrations are nobody to choose from; a ticket code still finds one (its verdict says so).
    SELECT array_agg(r.id) INTO v_ids FROM registrations r
     WHERE r.conference_id = p_conference_id AND r.door_code = p_ticket_code AND r.erased_at IS NULL;
    IF cardinality(v_ids) > 1 THEN
      v_replay := checkin_replay(p_conference_id, p_nonce);
      IF v_replay IS NOT NULL THEN
        RETURN json_build_object('replay', v_replay);
      END IF;
      RETURN json_build_object('candidates', checkin_candidates(v_ids));
    END IF;
    v_id := v_ids[1];
  ELSIF v_id IS NULL AND p_ticket_code IS NOT NULL THEN
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
  SELECT * INTO v_first FROM checkin_first_active(v_id, NULL, p_session_id);
  IF v_round IS NOT NULL AND v_status = 'CONFIRMED' AND v_first.id IS NULL THEN
    SELECT w.session_id INTO v_own FROM workshop_choices w
     WHERE w.registration_id = v_id AND w.round_id = v_round AND w.status = 'CONFIRMED';
    v_outside := v_own IS DISTINCT FROM p_session_id;
    IF v_outside AND NOT p_admit_anyway THEN
      RETURN json_build_object(
        'target', json_build_object('status', v_status, 'attendee', checkin_attendee(v_id)), 'first', NULL,
        'wrongRoom', TRUE,
        'own', (SELECT json_build_object('sessionId', s.id, 'title', s.title, 'room', rm.name)
                  FROM programme_sessions s LEFT JOIN rooms rm ON rm.id = s.room_id WHERE s.id = v_own));
    END IF;
  END IF;
  IF v_status = 'CONFIRMED' THEN
    INSERT INTO check_ins (id, conference_id, registration_id, action, method, scanned_at, received_at, host_user_id,
                           device_id, client_nonce, duplicate, late_upload, session_id, outside_choice)
    VALUES (p_id, p_conference_id, v_id, 'CHECK_IN', p_method, p_scanned_at, p_received_at, p_host_user_id,
            p_device_id, p_nonce, v_first.id IS NOT NULL, p_late_upload, p_session_id, v_outside);
  END IF;
  RETURN json_build_object('target', json_build_object('status', v_status, 'attendee', checkin_attendee(v_id)),
                           'first', CASE WHEN v_first.id IS NULL THEN NULL ELSE row_to_json(v_first) END,
                           'outsideChoice', v_outside);
END;
$$;

-- Who may work the door of a conference, for the door's pages and API (lib/checkin/access.ts) and the scan
-- below. Exactly one row: "refusal" is NULL when the user holds one of p_roles in the conference's
-- organisation; "unauthenticated" when there is no such user (no session, an expired one); "notFound" for
-- everything else, so that an unknown slug, another organisation's conference and a member without a door
-- role look alike. The other columns are for the caller only when allowed.
CREATE OR REPLACE FUNCTION "checkin_door_access"(p_user_id TEXT, p_slug TEXT, p_roles TEXT[])
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

-- The door API's scan in one round trip: the session's access to the conference, then the scan itself with
-- the conference and host that the access found. Returns {"refusal": ...} or {"scan": <checkin_record_scan>}.
DROP FUNCTION IF EXISTS "checkin_record_scan_by_session"(TEXT, TEXT, TEXT[], TEXT, TEXT, TEXT, "CheckInMethod", TIMESTAMPTZ, TIMESTAMPTZ, BOOLEAN, TEXT, TEXT);
CREATE OR REPLACE FUNCTION "checkin_record_scan_by_session"(
  p_session_token TEXT, p_slug TEXT, p_roles TEXT[], p_registration_id TEXT, p_ticket_code TEXT, p_id TEXT,
  p_method "CheckInMethod", p_scanned_at TIMESTAMPTZ, p_received_at TIMESTAMPTZ, p_late_upload BOOLEAN,
  p_device_id TEXT, p_nonce TEXT, p_session_id TEXT DEFAULT NULL, p_admit_anyway BOOLEAN DEFAULT FALSE)
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
                                p_received_at, p_late_upload, v_access."userId", p_device_id, p_nonce,
                                p_session_id, p_admit_anyway));
END;
$$;
