-- Reminders before a conference (issue 16): a week and a day before its start, to everyone with a place, each
-- reminder on or off per conference. The source of this function: edit it here (see prisma/sql/places.sql's
-- header for how files in this folder are applied).

-- Queues the reminders that are due at p_now (the clock, but a test may set it) as DRAFT emails (the mail worker writes them with the ticket, the
-- workshops, the venue and the calendar file: lib/registrations/draft-emails.ts) and returns how many. Every
-- app instance's mail worker calls it on each pass; the primary key of reminder_deliveries makes each reminder
-- once per person: a second instance at the same moment waits for the first's row and then inserts nothing.
-- A reminder is due from its moment until the next one (the week's until the day's, when that is on) or the
-- start; it is not sent to someone who signed up after its moment (their confirmation is as fresh), nor to a
-- person without an address, on the waiting list, cancelled or erased.
CREATE OR REPLACE FUNCTION "reminders_queue_due"(p_now TIMESTAMPTZ)
RETURNS INT LANGUAGE plpgsql AS $$
DECLARE
  v_queued INT;
BEGIN
  WITH due AS (
    SELECT r.id AS registration_id, d.days AS days_before, r.email
      FROM conferences c
      CROSS JOIN LATERAL (VALUES (7, c.reminder_week_before), (1, c.reminder_day_before)) AS d(days, enabled)
      JOIN registrations r ON r.conference_id = c.id
     WHERE c.status = 'PUBLISHED'
       AND c.starts_at > p_now
       AND c.starts_at <= p_now + interval '7 days'
       AND d.enabled
       AND p_now >= c.starts_at - make_interval(days => d.days)
       AND NOT (d.days = 7 AND c.reminder_day_before AND p_now >= c.starts_at - interval '1 day')
       AND r.created_at < c.starts_at - make_interval(days => d.days)
       AND r.status = 'CONFIRMED' AND r.erased_at IS NULL AND r.email <> ''),
  claimed AS (
    INSERT INTO reminder_deliveries (registration_id, days_before, queued_at)
    SELECT due.registration_id, due.days_before, now() FROM due
    ON CONFLICT DO NOTHING
    RETURNING registration_id, days_before),
  queued AS (
    INSERT INTO email_outbox (id, kind, to_address, subject, text_body, status, draft, registration_id, created_at, next_attempt_at)
    SELECT gen_random_uuid()::text, 'registration.reminder', due.email, '', '', 'DRAFT',
           jsonb_build_object('template', 'reminder', 'daysBefore', claimed.days_before), claimed.registration_id, now(), now()
      FROM claimed JOIN due ON due.registration_id = claimed.registration_id AND due.days_before = claimed.days_before
    RETURNING 1)
  SELECT count(*) INTO v_queued FROM queued;
  RETURN v_queued;
END;
$$;

-- Queues the "still coming?" emails due at p_now (the conference's still_coming_days before its start; off when
-- null) and returns how many: once per person (the primary key of still_coming_requests), only to people with a
-- place who signed up before that moment. The email's links lead to a page with two buttons (mail scanners open
-- links; a button changes nothing until a person presses it): yes, or cancel, which frees the place and promotes
-- whoever waits at once (places_cancel).
CREATE OR REPLACE FUNCTION "reminders_queue_still_coming"(p_now TIMESTAMPTZ)
RETURNS INT LANGUAGE plpgsql AS $$
DECLARE
  v_queued INT;
BEGIN
  WITH due AS (
    SELECT r.id AS registration_id, r.email
      FROM conferences c
      JOIN registrations r ON r.conference_id = c.id
     WHERE c.status = 'PUBLISHED'
       AND c.still_coming_days IS NOT NULL
       AND c.starts_at > p_now
       AND c.starts_at <= p_now + interval '30 days'
       AND p_now >= c.starts_at - make_interval(days => c.still_coming_days)
       AND r.created_at < c.starts_at - make_interval(days => c.still_coming_days)
       AND r.status = 'CONFIRMED' AND r.erased_at IS NULL AND r.email <> '' AND r.coming_confirmed_at IS NULL),
  claimed AS (
    INSERT INTO still_coming_requests (registration_id, queued_at)
    SELECT due.registration_id, now() FROM due
    ON CONFLICT DO NOTHING
    RETURNING registration_id),
  queued AS (
    INSERT INTO email_outbox (id, kind, to_address, subject, text_body, status, draft, registration_id, created_at, next_attempt_at)
    SELECT gen_random_uuid()::text, 'registration.stillComing', due.email, '', '', 'DRAFT',
           jsonb_build_object('template', 'stillComing'), claimed.registration_id, now(), now()
      FROM claimed JOIN due ON due.registration_id = claimed.registration_id
    RETURNING 1)
  SELECT count(*) INTO v_queued FROM queued;
  RETURN v_queued;
END;
$$;
