-- Retention (issue 15, point 9): how long a conference's personal data are kept after it ends, per organisation
-- (organisations.retention_months, default 12; organisations.needs_retention_days for dietary and accessibility
-- needs, default 30). The source of these functions: edit them here (see prisma/sql/places.sql's header for how
-- files in this folder are applied). lib/retention/ is their one TypeScript face.
--
-- Two steps per conference, each once (the primary key of retention_purges), whichever app instance asks first:
--   NEEDS          the needs go: dietary_needs and accessibility_needs, nothing else;
--   PERSONAL_DATA  every registration not yet erased is erased by places_erase, exactly as the attendee's own
--                  erase does (one home for what an erase removes; the triggers other domains hang on
--                  registrations.erased_at take their rows along). The rows stay, anonymous, so counts, check-ins
--                  and attendance stay true.
-- Moments are counted in the conference's own time zone, so "12 months after" is the same wall-clock time.

-- When all personal data of a conference's people are due to go.
CREATE OR REPLACE FUNCTION "retention_personal_due_at"(p_ends_at TIMESTAMPTZ, p_time_zone TEXT, p_months INT)
RETURNS TIMESTAMPTZ LANGUAGE sql STABLE AS $$
  SELECT ((p_ends_at AT TIME ZONE p_time_zone) + make_interval(months => p_months)) AT TIME ZONE p_time_zone;
$$;

-- When the needs are due to go: their own period, and never later than the rest (which takes them too).
CREATE OR REPLACE FUNCTION "retention_needs_due_at"(p_ends_at TIMESTAMPTZ, p_time_zone TEXT, p_months INT, p_days INT)
RETURNS TIMESTAMPTZ LANGUAGE sql STABLE AS $$
  SELECT LEAST(((p_ends_at AT TIME ZONE p_time_zone) + make_interval(days => p_days)) AT TIME ZONE p_time_zone,
               retention_personal_due_at(p_ends_at, p_time_zone, p_months));
$$;

-- Every conference with its two moments, what was done and how many registrations it concerns now: the
-- organiser's schedule page and the job read the same rule from here. p_organisation_id NULL: all organisations.
DROP FUNCTION IF EXISTS "retention_schedule"(TEXT);
CREATE OR REPLACE FUNCTION "retention_schedule"(p_organisation_id TEXT)
RETURNS TABLE (
  conference_id TEXT,
  organisation_id TEXT,
  title TEXT,
  ends_at TIMESTAMPTZ,
  needs_due_at TIMESTAMPTZ,
  personal_due_at TIMESTAMPTZ,
  needs_purged_at TIMESTAMPTZ,
  needs_purged INT,
  personal_purged_at TIMESTAMPTZ,
  personal_purged INT,
  registrations INT,
  with_needs INT
) LANGUAGE sql STABLE AS $$
  SELECT c.id, c.organisation_id, c.title, c.ends_at,
         retention_needs_due_at(c.ends_at, c.time_zone, o.retention_months, o.needs_retention_days),
         retention_personal_due_at(c.ends_at, c.time_zone, o.retention_months),
         n.purged_at, n.registrations, p.purged_at, p.registrations,
         (SELECT count(*)::int FROM registrations r WHERE r.conference_id = c.id AND r.erased_at IS NULL),
         (SELECT count(*)::int FROM registrations r
           WHERE r.conference_id = c.id AND r.erased_at IS NULL
             AND (r.dietary_needs IS NOT NULL OR r.accessibility_needs IS NOT NULL))
    FROM conferences c
    JOIN organisations o ON o.id = c.organisation_id
    LEFT JOIN retention_purges n ON n.conference_id = c.id AND n.step = 'NEEDS'
    LEFT JOIN retention_purges p ON p.conference_id = c.id AND p.step = 'PERSONAL_DATA'
   WHERE p_organisation_id IS NULL OR c.organisation_id = p_organisation_id;
$$;

-- The steps due at p_now (the clock; a test may set it) and not yet done, oldest first. Only conferences that have
-- really ended (the database's own clock): before its end places_erase would cancel, and a purge never does.
DROP FUNCTION IF EXISTS "retention_due"(TIMESTAMPTZ, TEXT);
CREATE OR REPLACE FUNCTION "retention_due"(p_now TIMESTAMPTZ, p_organisation_id TEXT)
RETURNS TABLE (conference_id TEXT, step "RetentionStep") LANGUAGE sql STABLE AS $$
  SELECT s.conference_id, d.step
    FROM retention_schedule(p_organisation_id) s
    CROSS JOIN LATERAL (VALUES ('NEEDS'::"RetentionStep", s.needs_due_at, s.needs_purged_at),
                               ('PERSONAL_DATA'::"RetentionStep", s.personal_due_at, s.personal_purged_at)) AS d(step, due_at, done_at)
   WHERE s.ends_at <= now()
     AND d.due_at <= p_now
     AND d.done_at IS NULL
     -- The needs went with the rest already.
     AND NOT (d.step = 'NEEDS' AND s.personal_purged_at IS NOT NULL)
   ORDER BY d.due_at, s.conference_id, d.step;
$$;

-- Does one step for one conference, if due at p_now and not done yet. The claim is the row in retention_purges,
-- inserted first: a second instance asking at the same moment waits on that row until the first commits, then
-- finds it and does nothing. Returns {"outcome": "notFound" | "notDue" | "alreadyDone" | "purged"}, with
-- "organisationId", "title" and "registrations" (how many it concerned) for the audit entry when purged.
CREATE OR REPLACE FUNCTION "retention_purge"(p_conference_id TEXT, p_step "RetentionStep", p_now TIMESTAMPTZ)
RETURNS JSON LANGUAGE plpgsql AS $$
DECLARE
  s RECORD;
  v_count INT := 0;
  v_registration_id TEXT;
BEGIN
  SELECT x.* INTO s FROM retention_schedule(NULL) x WHERE x.conference_id = p_conference_id;
  IF NOT FOUND THEN
    RETURN json_build_object('outcome', 'notFound');
  END IF;
  IF s.ends_at > now() OR p_now < (CASE p_step WHEN 'NEEDS' THEN s.needs_due_at ELSE s.personal_due_at END) THEN
    RETURN json_build_object('outcome', 'notDue');
  END IF;
  IF p_step = 'NEEDS' AND s.personal_purged_at IS NOT NULL THEN
    RETURN json_build_object('outcome', 'alreadyDone');
  END IF;
  INSERT INTO retention_purges (conference_id, step, purged_at, registrations)
  VALUES (p_conference_id, p_step, clock_timestamp(), 0)
  ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN
    RETURN json_build_object('outcome', 'alreadyDone');
  END IF;

  IF p_step = 'NEEDS' THEN
    WITH purged AS (
      UPDATE registrations
         SET dietary_needs = NULL, accessibility_needs = NULL, updated_at = date_trunc('milliseconds', clock_timestamp())
       WHERE registrations.conference_id = p_conference_id
         AND (dietary_needs IS NOT NULL OR accessibility_needs IS NOT NULL)
      RETURNING 1)
    SELECT count(*) INTO v_count FROM purged;
  ELSE
    FOR v_registration_id IN
      SELECT r.id FROM registrations r WHERE r.conference_id = p_conference_id AND r.erased_at IS NULL ORDER BY r.id
    LOOP
      PERFORM places_erase(v_registration_id);
      v_count := v_count + 1;
    END LOOP;
  END IF;

  UPDATE retention_purges SET registrations = v_count
   WHERE retention_purges.conference_id = p_conference_id AND retention_purges.step = p_step;
  RETURN json_build_object('outcome', 'purged', 'organisationId', s.organisation_id, 'title', s.title, 'registrations', v_count);
END;
$$;
