-- Webhooks (issue 17, item 3): every change an organisation's other systems may want to hear of becomes an event
-- row, with one delivery row per hook that wants it, written by triggers in the same transaction as the change.
-- So an event exists exactly when its change does, whichever way it came (the form, the JSON API, the door, the
-- dashboard, the REST API), and nothing of this runs when the organisation has no hook that wants it. Deliveries
-- are sent afterwards by the webhook worker (lib/webhooks/deliver.ts).
--
-- The source of these functions: edit them here, in place (see places.sql's header for how files in this folder
-- are applied). The triggers themselves are made by the migration 20261207185913_webhooks.
--
-- Events are thin, as pretix's: ids and a status, never a name or an address. A receiver reads the rest from
-- the API.

CREATE OR REPLACE FUNCTION "webhooks_enqueue"(p_organisation_id TEXT, p_type TEXT, p_data JSONB)
RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  v_event_id TEXT;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhooks WHERE organisation_id = p_organisation_id AND enabled AND p_type = ANY (events)) THEN
    RETURN;
  END IF;
  v_event_id := 'evt_' || replace(gen_random_uuid()::text, '-', '');
  INSERT INTO webhook_events (id, organisation_id, type, data, created_at)
  VALUES (v_event_id, p_organisation_id, p_type, p_data, clock_timestamp());
  INSERT INTO webhook_deliveries (id, webhook_id, event_id, next_attempt_at, created_at)
  SELECT 'whd_' || replace(gen_random_uuid()::text, '-', ''), w.id, v_event_id, clock_timestamp(), clock_timestamp()
    FROM webhooks w
   WHERE w.organisation_id = p_organisation_id AND w.enabled AND p_type = ANY (w.events);
END;
$$;

CREATE OR REPLACE FUNCTION "webhooks_registration_changed"()
RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  v_organisation_id TEXT;
  v_data JSONB;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = NEW.status THEN
    RETURN NULL;
  END IF;
  SELECT organisation_id INTO v_organisation_id FROM conferences WHERE id = NEW.conference_id;
  v_data := jsonb_build_object('registrationId', NEW.id, 'conferenceId', NEW.conference_id, 'status', lower(NEW.status::text));
  IF TG_OP = 'INSERT' THEN
    PERFORM webhooks_enqueue(v_organisation_id, 'registration.created', v_data);
    PERFORM webhooks_enqueue(v_organisation_id, CASE NEW.status WHEN 'WAITLISTED' THEN 'registration.waitlisted' ELSE 'registration.confirmed' END, v_data);
  ELSIF NEW.status = 'CANCELLED' THEN
    PERFORM webhooks_enqueue(v_organisation_id, 'registration.cancelled', v_data);
  ELSIF OLD.status = 'WAITLISTED' AND NEW.status = 'CONFIRMED' THEN
    PERFORM webhooks_enqueue(v_organisation_id, 'registration.promoted', v_data);
  END IF;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "webhooks_check_in_recorded"()
RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.action = 'CHECK_IN' THEN
    PERFORM webhooks_enqueue(
      (SELECT organisation_id FROM conferences WHERE id = NEW.conference_id),
      'checkin.recorded',
      -- sessionId: the session whose room it was (issue 15), null at the front door; outsideChoice: let into a
      -- workshop that is not the person's own.
      jsonb_build_object('checkInId', NEW.id, 'registrationId', NEW.registration_id, 'conferenceId', NEW.conference_id, 'duplicate', NEW.duplicate,
                         'sessionId', NEW.session_id, 'outsideChoice', NEW.outside_choice)
    );
  END IF;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "webhooks_conference_changed"()
RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  v_data JSONB := jsonb_build_object('conferenceId', NEW.id, 'status', lower(NEW.status::text));
BEGIN
  IF OLD.status IS DISTINCT FROM NEW.status THEN
    IF NEW.status = 'PUBLISHED' THEN
      PERFORM webhooks_enqueue(NEW.organisation_id, 'conference.published', v_data);
    ELSIF NEW.status = 'CANCELLED' THEN
      PERFORM webhooks_enqueue(NEW.organisation_id, 'conference.cancelled', v_data);
    END IF;
  ELSIF NEW.status = 'PUBLISHED' AND (OLD.title, OLD.subtitle, OLD.description, OLD.starts_at, OLD.ends_at, OLD.venue_id, OLD.capacity,
                                      OLD.registration_opens_at, OLD.registration_closes_at)
                                 IS DISTINCT FROM (NEW.title, NEW.subtitle, NEW.description, NEW.starts_at, NEW.ends_at, NEW.venue_id, NEW.capacity,
                                      NEW.registration_opens_at, NEW.registration_closes_at) THEN
    PERFORM webhooks_enqueue(NEW.organisation_id, 'conference.changed', v_data);
  END IF;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "webhooks_report_published"()
RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'PUBLISHED' AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM 'PUBLISHED') THEN
    PERFORM webhooks_enqueue(NEW.organisation_id, 'report.published', jsonb_build_object('reportId', NEW.id, 'conferenceId', NEW.conference_id));
  END IF;
  RETURN NULL;
END;
$$;
