-- The survey after a conference (issue 15, points 7-8). The source of these functions: edit them here (see
-- prisma/sql/places.sql's header for how files in this folder are applied). Their TypeScript face is
-- lib/feedback/invitations.ts.

-- The conferences whose survey is being sent at p_now: on, past its moment, not yet closed, not cancelled.
CREATE OR REPLACE FUNCTION "feedback_due_conferences"(p_now TIMESTAMPTZ)
RETURNS TABLE ("conferenceId" TEXT) LANGUAGE sql STABLE AS $$
  SELECT s.conference_id
    FROM conference_surveys s JOIN conferences c ON c.id = s.conference_id
   WHERE s.enabled AND s.send_at <= p_now AND s.closes_at > p_now AND c.status = 'PUBLISHED'
$$;

-- Claims the survey emails of one conference that are due at p_now and returns whom to write to and which
-- email: an invitation to each of p_checked_in (who came, as lib/attendance's checkedInRegistrations says: the
-- rule is not repeated here) not invited yet, and one reminder, three days after the invitation, to whoever has
-- not answered. The primary key of survey_invitations makes the invitation once per person and the conditional
-- UPDATE the reminder: a second instance at the same moment waits for the first's row, then claims nothing.
-- The caller writes the emails (each with a fresh personal link) in the same transaction, so a claim exists
-- exactly when its email does (lib/feedback/invitations.ts).
CREATE OR REPLACE FUNCTION "feedback_claim"(p_conference_id TEXT, p_checked_in TEXT[], p_now TIMESTAMPTZ)
RETURNS TABLE ("registrationId" TEXT, "kind" TEXT) LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM feedback_due_conferences(p_now) d WHERE d."conferenceId" = p_conference_id) THEN
    RETURN;
  END IF;
  RETURN QUERY
  WITH invited AS (
    INSERT INTO survey_invitations (registration_id, conference_id, invited_at)
    SELECT r.id, r.conference_id, p_now
      FROM registrations r
     WHERE r.id = ANY(p_checked_in) AND r.conference_id = p_conference_id
       AND r.erased_at IS NULL AND r.email <> ''
    ON CONFLICT DO NOTHING
    RETURNING survey_invitations.registration_id)
  SELECT invited.registration_id, 'invitation'::text FROM invited;
  RETURN QUERY
  WITH reminded AS (
    UPDATE survey_invitations i SET reminded_at = p_now
      FROM registrations r
     WHERE i.conference_id = p_conference_id AND r.id = i.registration_id
       AND i.answered_on IS NULL AND i.reminded_at IS NULL
       AND i.invited_at <= p_now - interval '3 days'
       AND r.erased_at IS NULL AND r.email <> ''
    RETURNING i.registration_id)
  SELECT reminded.registration_id, 'reminder'::text FROM reminded;
END;
$$;

-- An erased person's survey data (the trigger feedback_registration_erased, in the migration, calls this when
-- erased_at is first set, whether by the attendee's own erase or a retention purge): the invitation and its
-- personal links go; a named response loses its name (the answers stay, anonymous, as everyone else's), and a
-- quote taken from it in a report loses its attribution. The report editor saves a report's quotes anew
-- (lib/reports/mutations.ts), which drops survey_quotes' link to them; so a quote of the conference's reports with
-- the same words as one of the person's remarks and their name (OLD.name: the erase has just scrubbed NEW's) loses
-- it too.
CREATE OR REPLACE FUNCTION "feedback_registration_erased"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM survey_invitations WHERE registration_id = NEW.id;
  UPDATE report_quotes q SET attribution = NULL
    FROM survey_quotes sq JOIN survey_responses sr ON sr.id = sq.response_id
   WHERE sq.report_quote_id = q.id AND sr.registration_id = NEW.id;
  UPDATE report_quotes q SET attribution = NULL
    FROM reports rp, survey_responses sr
   WHERE rp.id = q.report_id AND sr.registration_id = NEW.id AND rp.conference_id = sr.conference_id
     AND q.attribution = OLD.name
     AND (q.text = sr.remark OR q.text IN (SELECT sa.remark FROM survey_session_answers sa WHERE sa.response_id = sr.id AND sa.remark IS NOT NULL));
  UPDATE survey_responses SET registration_id = NULL, quote_named = false WHERE registration_id = NEW.id;
  RETURN NULL;
END;
$$;
