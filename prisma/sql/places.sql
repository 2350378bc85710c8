-- Places: who gets one, who waits, and the counts that decide it. The source of these functions: edit them
-- here, in place. scripts/lib/migrate.ts applies this file after the migrations whenever it changes (Flyway's
-- repeatable migrations), so every statement must be safe to run again: CREATE OR REPLACE, and a
-- DROP FUNCTION IF EXISTS for a signature that changed. `npm run db:drift` fails on a function that no file
-- here defines.
--
-- The functions are plpgsql, not SQL, even where one statement would do: PostgreSQL 17 plans an SQL
-- function's statements anew on every call, plpgsql once per connection, and these run on every sign-up.

-- Counting a conference's confirmed and waiting registrations under its lock took longer the fuller it got
-- (1.2 ms for a waitlist of 1,500, while every other sign-up waited). These counts follow every change of a
-- registration's status instead, in the same transaction, whoever makes it: a sign-up, a cancellation, a
-- promotion, an erasure, an organiser's edit or a deleted conference. The conference's row in
-- conference_places is created with its first registration; the update takes that row's lock, so two
-- changes cannot lose one another's count even without the conference's lock.
CREATE OR REPLACE FUNCTION "registrations_count_places"()
RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    -- A row that is gone already (its conference being deleted) has nothing left to count.
    UPDATE conference_places
       SET confirmed = confirmed - (OLD.status = 'CONFIRMED')::int, waitlisted = waitlisted - (OLD.status = 'WAITLISTED')::int
     WHERE conference_id = OLD.conference_id AND OLD.status IN ('CONFIRMED', 'WAITLISTED');
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.status IN ('CONFIRMED', 'WAITLISTED') THEN
    INSERT INTO conference_places AS p (conference_id, confirmed, waitlisted)
    VALUES (NEW.conference_id, (NEW.status = 'CONFIRMED')::int, (NEW.status = 'WAITLISTED')::int)
    ON CONFLICT (conference_id) DO UPDATE
       SET confirmed = p.confirmed + EXCLUDED.confirmed, waitlisted = p.waitlisted + EXCLUDED.waitlisted;
  END IF;
  RETURN NULL;
END;
$$;

-- Counts anew from the registrations themselves: for an operator after anything that
-- bypassed the trigger (a data-only restore, TRUNCATE, triggers disabled): SELECT conference_places_recount();
-- while nobody signs up. Returns how many conferences' counts were wrong.
CREATE OR REPLACE FUNCTION "conference_places_recount"()
RETURNS INT LANGUAGE plpgsql AS $$
DECLARE
  v_fixed INT;
BEGIN
  WITH actual AS (
    SELECT c.id AS conference_id,
           count(r.id) FILTER (WHERE r.status = 'CONFIRMED')::int AS confirmed,
           count(r.id) FILTER (WHERE r.status = 'WAITLISTED')::int AS waitlisted
      FROM conferences c LEFT JOIN registrations r ON r.conference_id = c.id GROUP BY c.id),
  fixed AS (
    INSERT INTO conference_places AS p (conference_id, confirmed, waitlisted)
    SELECT a.conference_id, a.confirmed, a.waitlisted FROM actual a
     -- A missing row means none, as registration_register reads it.
     WHERE a.confirmed > 0 OR a.waitlisted > 0 OR EXISTS (SELECT 1 FROM conference_places x WHERE x.conference_id = a.conference_id)
    ON CONFLICT (conference_id) DO UPDATE SET confirmed = EXCLUDED.confirmed, waitlisted = EXCLUDED.waitlisted
     WHERE (p.confirmed, p.waitlisted) IS DISTINCT FROM (EXCLUDED.confirmed, EXCLUDED.waitlisted)
    RETURNING 1)
  SELECT count(*) INTO v_fixed FROM fixed;
  RETURN v_fixed;
END;
$$;

SELECT conference_places_recount();

-- The conference's places lock (pretix's design, see lib/registrations/lock.ts), in one place for every
-- writer: TypeScript transactions call it as registration_register below does. Transaction-scoped: released
-- by COMMIT or ROLLBACK, also when the process dies. The lock timeout turns a pile-up into "busy, try again".
CREATE OR REPLACE FUNCTION "conference_places_lock"(p_conference_id TEXT)
RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('lock_timeout', '8s', true);
  PERFORM pg_advisory_xact_lock(7110001, hashtext(p_conference_id));
END;
$$;

-- Whether a visitor can sign up at p_now, and if not, why: lib/conferences/registration-state.ts in SQL, for
-- the decision under the lock (tests/integration/registration-state-sql.test.ts holds both to the same answers).
CREATE OR REPLACE FUNCTION "registration_state"(
  p_status TEXT, p_starts_at TIMESTAMPTZ, p_ends_at TIMESTAMPTZ, p_opens_at TIMESTAMPTZ, p_closes_at TIMESTAMPTZ,
  p_capacity INT, p_confirmed INT, p_now TIMESTAMPTZ)
RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN p_status = 'DRAFT' THEN 'draft'
    WHEN p_status = 'CANCELLED' THEN 'cancelled'
    WHEN p_now >= p_ends_at THEN 'past'
    WHEN p_opens_at IS NOT NULL AND p_now < p_opens_at THEN 'notYetOpen'
    -- Without an explicit closing time, sign-up closes when the conference starts.
    WHEN p_now >= COALESCE(p_closes_at, p_starts_at) THEN 'closed'
    WHEN p_confirmed >= p_capacity THEN 'full'
    ELSE 'open'
  END
$$;

-- Registers one person for the conference p_slug under its lock, in one call for lib/registrations/register.ts,
-- and returns the outcome as JSON, with "outcome" one of:
--   replay           this idempotency key registered before: {"id"}
--   notFound         no such conference, or a draft, which is not public: to a visitor it does not exist yet
--   notOpen          {"state"}: outside the window (walk-ins and an organiser's additions excepted), or full
--                    for a walk-in
--   invalidWorkshop  a chosen session is not in its round of this conference
--   existing         the address has an active registration here: {"existing": {id, email, name, locale}};
--                    nothing written, the caller emails its owner
--   workshopFull     {"sessionIds"}: a place in the conference but a chosen workshop is full and the person
--                    would rather choose again than wait
--   registered       {"id", "status", "waitlistPosition", "fullSessionIds"}: the registration, its choices
--                    and its email's draft are written
-- Every outcome but notFound carries "conference" as read under the lock: its id, its organisation (for a
-- newsletter opt-in), and what an email says of it (title, venue, dates, status).
-- p_round_ids and p_session_ids go in pairs: the session chosen in each round. The clock is read once the lock
-- is granted, so waitlisted_at follows the order in which people got the lock and waitlist positions count up
-- without gaps or ties (milliseconds, as the columns keep).
CREATE OR REPLACE FUNCTION "registration_register"(
  p_slug TEXT, p_idempotency_key TEXT, p_email_key TEXT,
  p_round_ids TEXT[], p_session_ids TEXT[], p_wait_for_full BOOLEAN,
  p_source "RegistrationSource", p_outside_window BOOLEAN,
  p_id TEXT, p_name TEXT, p_email TEXT, p_search_text TEXT, p_organisation TEXT, p_job_role TEXT,
  p_dietary_needs TEXT, p_accessibility_needs TEXT, p_photo_consent BOOLEAN, p_newsletter_opt_in BOOLEAN,
  p_locale TEXT, p_ticket_code TEXT, p_manage_token_hash TEXT, p_outbox_id TEXT, p_manage_token TEXT)
RETURNS JSON LANGUAGE plpgsql
-- Every lookup here is by key; a plan kept from when the tables were nearly empty must not scan them later.
SET enable_seqscan = off
-- Planned once per connection: left to choose, PostgreSQL planned the statements over the chosen sessions
-- (arrays, whose length it cannot know) anew on every call, 0.2 ms each time.
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
  v_conference_id TEXT;
  c RECORD;
  v_conference JSON;
  v_now TIMESTAMPTZ;
  v_id TEXT;
  v_confirmed INT;
  v_waitlisted INT;
  v_state TEXT;
  v_existing JSON;
  v_status "RegistrationStatus";
  v_full TEXT[];
  v_position INT;
BEGIN
  SELECT co.id INTO v_conference_id FROM conferences co WHERE co.slug = p_slug AND co.status <> 'DRAFT';
  IF NOT FOUND THEN
    RETURN json_build_object('outcome', 'notFound');
  END IF;
  -- The lock goes with the commit, and a commit waits for its WAL to reach the disk: every sign-up of the
  -- conference waited for the one before it to be flushed. This transaction's commit does not wait; the caller
  -- acknowledges a sign-up only once a later, synchronous commit that wrote WAL of its own has flushed the WAL
  -- up to and including this one, outside the lock and together with other sign-ups' (flushWal in
  -- lib/db-pool.ts). WAL is replayed in order, so a crash can only lose unanswered sign-ups: never oversell.
  PERFORM set_config('synchronous_commit', 'off', true);
  PERFORM conference_places_lock(v_conference_id);
  -- Strictly later than the conference's previous registration, even within one millisecond: waitlist
  -- positions and promotions follow this order, and a tie would give two people one place in line.
  v_now := GREATEST(date_trunc('milliseconds', clock_timestamp()),
                    (SELECT max(r.created_at) + interval '1 millisecond' FROM registrations r WHERE r.conference_id = v_conference_id));

  SELECT co.capacity, co.status::text AS status, co.starts_at, co.ends_at, co.registration_opens_at, co.registration_closes_at,
         json_build_object(
           'id', co.id, 'organisationId', co.organisation_id, 'slug', co.slug, 'title', co.title,
           'venue', (SELECT json_build_object('name', v.name, 'street', v.street, 'postalCode', v.postal_code, 'city', v.city)
                       FROM venues v WHERE v.id = co.venue_id),
           'startsAt', co.starts_at, 'endsAt', co.ends_at, 'status', co.status) AS named
    INTO c FROM conferences co WHERE co.id = v_conference_id;
  IF NOT FOUND THEN
    RETURN json_build_object('outcome', 'notFound');
  END IF;
  v_conference := c.named;

  IF p_idempotency_key IS NOT NULL THEN
    SELECT r.id INTO v_id FROM registrations r WHERE r.conference_id = v_conference_id AND r.idempotency_key = p_idempotency_key;
    IF FOUND THEN
      RETURN json_build_object('outcome', 'replay', 'id', v_id, 'conference', v_conference);
    END IF;
  END IF;

  SELECT p.confirmed, p.waitlisted INTO v_confirmed, v_waitlisted FROM conference_places p WHERE p.conference_id = v_conference_id;
  v_confirmed := COALESCE(v_confirmed, 0);
  v_state := registration_state(c.status, c.starts_at, c.ends_at, c.registration_opens_at, c.registration_closes_at,
                                c.capacity, v_confirmed, v_now);
  -- Walk-ins at the door and an organiser's additions do not depend on the public sign-up window.
  IF v_state NOT IN ('open', 'full')
     AND NOT ((p_source = 'WALK_IN' OR p_outside_window) AND c.status = 'PUBLISHED' AND v_now < c.ends_at) THEN
    RETURN json_build_object('outcome', 'notOpen', 'state', v_state, 'conference', v_conference);
  END IF;

  -- Every chosen session must belong to the round it was chosen for, in this conference.
  IF cardinality(p_session_ids) <> cardinality(p_round_ids)
     OR (SELECT count(*) FROM unnest(p_round_ids, p_session_ids) AS w(round_id, session_id)
           JOIN programme_sessions s
             ON s.id = w.session_id AND s.workshop_round_id = w.round_id AND s.conference_id = v_conference_id)
        <> cardinality(p_session_ids) THEN
    RETURN json_build_object('outcome', 'invalidWorkshop', 'conference', v_conference);
  END IF;

  SELECT json_build_object('id', r.id, 'email', r.email, 'name', r.name, 'locale', r.locale) INTO v_existing
    FROM registrations r WHERE r.conference_id = v_conference_id AND r.active_email_key = p_email_key;
  IF v_existing IS NOT NULL THEN
    RETURN json_build_object('outcome', 'existing', 'existing', v_existing, 'conference', v_conference);
  END IF;

  IF v_confirmed < c.capacity THEN
    v_status := 'CONFIRMED';
  ELSIF p_source = 'WALK_IN' THEN
    RETURN json_build_object('outcome', 'notOpen', 'state', 'full', 'conference', v_conference);
  ELSE
    v_status := 'WAITLISTED';
  END IF;

  SELECT COALESCE(array_agg(s.id ORDER BY w.ord), '{}') INTO v_full
    FROM unnest(p_session_ids) WITH ORDINALITY AS w(session_id, ord)
    JOIN programme_sessions s ON s.id = w.session_id
   WHERE s.capacity IS NOT NULL
     AND (SELECT count(*) FROM workshop_choices x WHERE x.session_id = s.id AND x.status = 'CONFIRMED') >= s.capacity;
  IF v_status = 'CONFIRMED' AND cardinality(v_full) > 0 AND NOT p_wait_for_full THEN
    RETURN json_build_object('outcome', 'workshopFull', 'sessionIds', v_full, 'conference', v_conference);
  END IF;

  IF v_status = 'WAITLISTED' THEN
    -- As the manage page counts it (waitlistPosition in lib/registrations/manage.ts): those waiting since
    -- before now, plus one. Everyone waiting now joined before now (v_now is later than every registration).
    v_position := COALESCE(v_waitlisted, 0) + 1;
  END IF;

  -- created_at is the time the lock was granted too: fillFreePlaces gives workshop places in that order.
  INSERT INTO registrations (id, conference_id, name, email, active_email_key, search_text, organisation, job_role,
                             dietary_needs, accessibility_needs, privacy_consent_at, photo_consent, newsletter_opt_in,
                             locale, status, source, ticket_code, idempotency_key,
                             confirmed_at, waitlisted_at, created_at, updated_at)
  VALUES (p_id, v_conference_id, p_name, p_email, p_email_key, p_search_text, p_organisation, p_job_role,
          p_dietary_needs, p_accessibility_needs, v_now, p_photo_consent, p_newsletter_opt_in,
          p_locale, v_status, p_source, p_ticket_code, p_idempotency_key,
          CASE WHEN v_status = 'CONFIRMED' THEN v_now END, CASE WHEN v_status = 'WAITLISTED' THEN v_now END,
          v_now, v_now);

  -- The link in the confirmation email; only its hash is kept (manage_links).
  INSERT INTO manage_links (token_hash, registration_id, created_at) VALUES (p_manage_token_hash, p_id, v_now);

  -- A person on the conference's waitlist holds no workshop place yet; promotion decides.
  INSERT INTO workshop_choices (id, registration_id, round_id, session_id, status, created_at, updated_at)
  SELECT gen_random_uuid()::text, p_id, w.round_id, w.session_id,
         CASE WHEN v_status = 'CONFIRMED' AND NOT (w.session_id = ANY (v_full)) THEN 'CONFIRMED' ELSE 'WAITLISTED' END::"ChoiceStatus",
         v_now, v_now
    FROM unnest(p_round_ids, p_session_ids) AS w(round_id, session_id);

  -- Not sent as it is: the mail worker writes the email and makes it PENDING (draft-emails.ts).
  INSERT INTO email_outbox (id, kind, to_address, subject, text_body, status, draft, registration_id, created_at, next_attempt_at)
  VALUES (p_outbox_id, CASE WHEN v_status = 'CONFIRMED' THEN 'registration.confirmed' ELSE 'registration.waitlisted' END,
          p_email, '', '', 'DRAFT',
          jsonb_build_object('template', 'confirmation', 'manageToken', p_manage_token, 'status', v_status,
                             'waitlistPosition', v_position),
          p_id, v_now, v_now);

  RETURN json_build_object('outcome', 'registered', 'id', p_id, 'status', v_status, 'waitlistPosition', v_position,
                           'fullSessionIds', v_full, 'conference', v_conference);
END;
$$;
