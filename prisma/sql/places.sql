-- Places: who gets one, who waits, and the counts that decide it. Podium's promise is that it never gives away
-- a place it does not have; every decision about places is made here, under one lock per conference, in one
-- call each: sign-up (also a walk-in and an organiser's addition), cancel, workshop change, erasure, capacity
-- changes, conference cancellation, and the promotions that follow them. lib/places/ is the one TypeScript face
-- of this file and checks what these functions return.
--
-- The source of these functions: edit them here, in place. scripts/lib/migrate.ts applies this file after the
-- migrations whenever it changes (Flyway's repeatable migrations), so every statement must be safe to run
-- again: CREATE OR REPLACE, and a DROP FUNCTION IF EXISTS for a signature that changed. `npm run db:drift`
-- fails on a function that no file here defines.
--
-- The functions are plpgsql, not SQL, even where one statement would do: PostgreSQL 17 plans an SQL
-- function's statements anew on every call, plpgsql once per connection, and these run on every sign-up.
--
-- Emails that follow a decision are queued here as DRAFT rows of email_outbox in the same transaction (the
-- draft says which email and what only this moment knows); the mail worker writes them afterwards from the
-- registration as it is then (lib/registrations/draft-emails.ts).

-- Signatures that changed: a sign-up takes the rankings of ranked rounds too.
DROP FUNCTION IF EXISTS "places_register"(TEXT, TEXT, TEXT, TEXT[], TEXT[], BOOLEAN, "RegistrationSource", BOOLEAN,
  TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, BOOLEAN, BOOLEAN, TEXT, TEXT);

-- A sign-up takes the answers to the conference's own questions too (issue 16).
DROP FUNCTION IF EXISTS "places_register"(TEXT, TEXT, TEXT, TEXT[], TEXT[], BOOLEAN, "RegistrationSource", BOOLEAN,
  TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, BOOLEAN, BOOLEAN, TEXT, TEXT, TEXT[], TEXT[]);

-- places_of took no p_as_published before the organisers' preview of a draft.
DROP FUNCTION IF EXISTS "places_of"(TEXT, TIMESTAMPTZ);

-- Renamed to places_*: one prefix for the functions of this module.
DROP FUNCTION IF EXISTS "registration_register"(TEXT, TEXT, TEXT, TEXT[], TEXT[], BOOLEAN, "RegistrationSource", BOOLEAN,
  TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, BOOLEAN, BOOLEAN, TEXT, TEXT, TEXT, TEXT, TEXT);
DROP FUNCTION IF EXISTS "registration_state"(TEXT, TIMESTAMPTZ, TIMESTAMPTZ, TIMESTAMPTZ, TIMESTAMPTZ, INT, INT, TIMESTAMPTZ);
DROP FUNCTION IF EXISTS "conference_places_lock"(TEXT);
DROP FUNCTION IF EXISTS "conference_places_recount"();

-- ---------------------------------------------------------------------------------------------------------
-- Counts, kept by triggers (created in the migrations that created their tables)
-- ---------------------------------------------------------------------------------------------------------

-- A conference's confirmed and waiting registrations. Counting them under the lock took longer the fuller the
-- conference got (1.2 ms for a waitlist of 1,500, while every other sign-up waited). These counts follow every
-- change of a registration's status, in the same transaction, whoever makes it. The row is created with the
-- conference's first registration; the update takes that row's lock, so two changes cannot lose one another's
-- count even without the conference's lock.
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

-- The same per workshop, from its choices: confirmed places and waiting list.
CREATE OR REPLACE FUNCTION "workshop_choices_count_places"()
RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE session_places
       SET confirmed = confirmed - (OLD.status = 'CONFIRMED')::int, waitlisted = waitlisted - (OLD.status = 'WAITLISTED')::int
     WHERE session_id = OLD.session_id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO session_places AS p (session_id, confirmed, waitlisted)
    VALUES (NEW.session_id, (NEW.status = 'CONFIRMED')::int, (NEW.status = 'WAITLISTED')::int)
    ON CONFLICT (session_id) DO UPDATE
       SET confirmed = p.confirmed + EXCLUDED.confirmed, waitlisted = p.waitlisted + EXCLUDED.waitlisted;
  END IF;
  RETURN NULL;
END;
$$;

-- Counts anew from the registrations and choices themselves, for an operator after anything that bypassed the
-- triggers (a data-only restore, TRUNCATE, triggers disabled): SELECT places_recount(); while nobody signs up.
-- Returns how many conferences' and workshops' counts were wrong.
CREATE OR REPLACE FUNCTION "places_recount"()
RETURNS INT LANGUAGE plpgsql AS $$
DECLARE
  v_conferences INT;
  v_sessions INT;
BEGIN
  WITH actual AS (
    SELECT c.id AS conference_id,
           count(r.id) FILTER (WHERE r.status = 'CONFIRMED')::int AS confirmed,
           count(r.id) FILTER (WHERE r.status = 'WAITLISTED')::int AS waitlisted
      FROM conferences c LEFT JOIN registrations r ON r.conference_id = c.id GROUP BY c.id),
  fixed AS (
    INSERT INTO conference_places AS p (conference_id, confirmed, waitlisted)
    SELECT a.conference_id, a.confirmed, a.waitlisted FROM actual a
     -- A missing row means none, as every reader takes it.
     WHERE a.confirmed > 0 OR a.waitlisted > 0 OR EXISTS (SELECT 1 FROM conference_places x WHERE x.conference_id = a.conference_id)
    ON CONFLICT (conference_id) DO UPDATE SET confirmed = EXCLUDED.confirmed, waitlisted = EXCLUDED.waitlisted
     WHERE (p.confirmed, p.waitlisted) IS DISTINCT FROM (EXCLUDED.confirmed, EXCLUDED.waitlisted)
    RETURNING 1)
  SELECT count(*) INTO v_conferences FROM fixed;

  WITH actual AS (
    SELECT s.id AS session_id,
           count(w.id) FILTER (WHERE w.status = 'CONFIRMED')::int AS confirmed,
           count(w.id) FILTER (WHERE w.status = 'WAITLISTED')::int AS waitlisted
      FROM programme_sessions s LEFT JOIN workshop_choices w ON w.session_id = s.id GROUP BY s.id),
  fixed AS (
    INSERT INTO session_places AS p (session_id, confirmed, waitlisted)
    SELECT a.session_id, a.confirmed, a.waitlisted FROM actual a
     WHERE a.confirmed > 0 OR a.waitlisted > 0 OR EXISTS (SELECT 1 FROM session_places x WHERE x.session_id = a.session_id)
    ON CONFLICT (session_id) DO UPDATE SET confirmed = EXCLUDED.confirmed, waitlisted = EXCLUDED.waitlisted
     WHERE (p.confirmed, p.waitlisted) IS DISTINCT FROM (EXCLUDED.confirmed, EXCLUDED.waitlisted)
    RETURNING 1)
  SELECT count(*) INTO v_sessions FROM fixed;

  -- The places held by open offers (place_offers_count_places).
  WITH held AS (
    SELECT p.conference_id, (SELECT count(*) FROM place_offers o
                              WHERE o.conference_id = p.conference_id AND o.session_id IS NULL AND o.status = 'OPEN')::int AS offered
      FROM conference_places p),
  fixed AS (
    UPDATE conference_places p SET offered = held.offered FROM held
     WHERE p.conference_id = held.conference_id AND p.offered <> held.offered RETURNING 1)
  SELECT v_conferences + count(*) INTO v_conferences FROM fixed;
  WITH held AS (
    SELECT p.session_id, (SELECT count(*) FROM place_offers o WHERE o.session_id = p.session_id AND o.status = 'OPEN')::int AS offered
      FROM session_places p),
  fixed AS (
    UPDATE session_places p SET offered = held.offered FROM held
     WHERE p.session_id = held.session_id AND p.offered <> held.offered RETURNING 1)
  SELECT v_sessions + count(*) INTO v_sessions FROM fixed;
  RETURN v_conferences + v_sessions;
END;
$$;

-- ---------------------------------------------------------------------------------------------------------
-- The lock, the state, and what follows a decision
-- ---------------------------------------------------------------------------------------------------------

-- The conference's places lock (pretix's design): every function below that decides places takes it first.
-- Transaction-scoped: released by COMMIT or ROLLBACK, also when the process dies. The lock timeout turns a
-- pile-up into "busy, try again". The programme editor takes it too (lib/places/mutations.ts, lockPlaces), so
-- that two organisers cannot put two sessions in one room at once.
CREATE OR REPLACE FUNCTION "places_lock"(p_conference_id TEXT)
RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('lock_timeout', '8s', true);
  PERFORM pg_advisory_xact_lock(7110001, hashtext(p_conference_id));
END;
$$;

-- Whether a visitor can sign up at p_now, and if not, why: the one definition, for the decision under the lock
-- and for every page that shows the state (places_of below).
CREATE OR REPLACE FUNCTION "places_state"(
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

-- How a round's workshops are handed out at p_now: "choice" (first come, first served: the round is so, or its
-- ranked allocation was published), "ranking" (attendees rank its workshops; nobody has a place in it yet) or
-- "pending" (its rankings closed; the allocation is not published yet, and nobody can rank or choose).
CREATE OR REPLACE FUNCTION "places_round_mode"(
  p_allocation "AllocationMode", p_allocated_at TIMESTAMPTZ, p_ranking_closes_at TIMESTAMPTZ, p_now TIMESTAMPTZ)
RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN p_allocation = 'FIRST_COME' OR p_allocated_at IS NOT NULL THEN 'choice'
    WHEN p_now < p_ranking_closes_at THEN 'ranking'
    ELSE 'pending'
  END
$$;

-- Queues the email a decision owes a registrant, as a draft the mail worker writes: {"template": ...} and what
-- only this moment knows (a waitlist position, the workshop that came free).
-- A walk-in who gave no address (email '') is told at the door, not by email: nothing is queued for them.
CREATE OR REPLACE FUNCTION "places_enqueue"(p_registration_id TEXT, p_draft JSONB)
RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO email_outbox (id, kind, to_address, subject, text_body, status, draft, registration_id, created_at, next_attempt_at)
  SELECT gen_random_uuid()::text, 'registration.' || (p_draft->>'template'), r.email, '', '', 'DRAFT', p_draft, r.id,
         clock_timestamp(), clock_timestamp()
    FROM registrations r WHERE r.id = p_registration_id AND r.email <> '';
END;
$$;

-- Gives free places to the people waiting longest: first conference places, then workshop places. Called
-- under the lock, right after whatever freed places (a cancellation, a change of workshop, a raised capacity),
-- so a place is never left empty while someone waits. A cancelled conference, or one that is over, hands out
-- nothing. Queues each promoted person's email. Returns {"promoted": n, "workshopPromoted": m, "offered": o}.
-- When the organiser turned offers on and p_now is within their hours before the start (places_offering),
-- a free place is offered instead (places_offer, below): held for the next person in line until they claim it.
CREATE OR REPLACE FUNCTION "places_fill"(p_conference_id TEXT)
RETURNS JSON LANGUAGE plpgsql AS $$
BEGIN
  RETURN places_fill_at(p_conference_id, clock_timestamp());
END;
$$;

-- places_fill at a moment the caller gives: the offers' own clock (places_offers_expire, which a test drives).
CREATE OR REPLACE FUNCTION "places_fill_at"(p_conference_id TEXT, p_now TIMESTAMPTZ)
RETURNS JSON LANGUAGE plpgsql
SET enable_seqscan = off
AS $$
DECLARE
  c RECORD;
  v_now TIMESTAMPTZ := date_trunc('milliseconds', p_now);
  v_free INT;
  v_offering BOOLEAN;
  v_offered INT := 0;
  v_promoted TEXT[];
  v_moved_registrations TEXT[];
  v_moved_sessions TEXT[];
BEGIN
  SELECT co.capacity, co.status::text AS status, co.starts_at, co.ends_at, co.offers_hours_before, co.offer_claim_hours
    INTO c FROM conferences co WHERE co.id = p_conference_id;
  IF NOT FOUND OR c.status = 'CANCELLED' OR c.ends_at <= v_now THEN
    RETURN json_build_object('promoted', 0, 'workshopPromoted', 0, 'offered', 0);
  END IF;
  -- A place held by an open offer is taken for everyone but the person it is offered to.
  v_free := GREATEST(c.capacity - COALESCE((SELECT p.confirmed + p.offered FROM conference_places p WHERE p.conference_id = p_conference_id), 0), 0);
  v_offering := places_offering(c.offers_hours_before, c.starts_at, v_now);
  IF v_offering THEN
    v_offered := places_offer(p_conference_id, v_now, v_free, LEAST(v_now + make_interval(hours => c.offer_claim_hours), c.starts_at));
    v_free := 0;
  END IF;

  WITH chosen AS (
    SELECT r.id FROM registrations r
     WHERE r.conference_id = p_conference_id AND r.status = 'WAITLISTED'
     ORDER BY r.waitlisted_at, r.id
     LIMIT v_free),
  promoted AS (
    UPDATE registrations r SET status = 'CONFIRMED', confirmed_at = v_now, updated_at = v_now
      FROM chosen WHERE r.id = chosen.id RETURNING r.id)
  SELECT COALESCE(array_agg(id), '{}') INTO v_promoted FROM promoted;

  -- Workshop places: only people with a conference place hold one (those just promoted included); per workshop
  -- the longest waiting first. A workshop without a capacity has room for everyone (also while offering: there
  -- is nothing to offer).
  WITH waiting AS (
    SELECT w.id, s.capacity,
           s.capacity - COALESCE(sp.confirmed, 0) - COALESCE(sp.offered, 0) AS room,
           row_number() OVER (PARTITION BY w.session_id ORDER BY w.created_at, w.id) AS place_in_line
      FROM workshop_choices w
      JOIN registrations r ON r.id = w.registration_id AND r.status = 'CONFIRMED'
      JOIN programme_sessions s ON s.id = w.session_id
      LEFT JOIN session_places sp ON sp.session_id = s.id
     WHERE s.conference_id = p_conference_id AND w.status = 'WAITLISTED'),
  moved AS (
    UPDATE workshop_choices w SET status = 'CONFIRMED', updated_at = v_now
      FROM waiting
     WHERE w.id = waiting.id AND (waiting.capacity IS NULL OR (NOT v_offering AND waiting.place_in_line <= waiting.room))
    RETURNING w.registration_id, w.session_id)
  SELECT COALESCE(array_agg(registration_id), '{}'), COALESCE(array_agg(session_id), '{}')
    INTO v_moved_registrations, v_moved_sessions FROM moved;

  PERFORM places_enqueue(id, jsonb_build_object('template', 'promoted')) FROM unnest(v_promoted) AS id;
  -- Someone promoted to the conference hears about their workshops in that email.
  PERFORM places_enqueue(m.registration_id, jsonb_build_object('template', 'workshopPromoted', 'sessionId', m.session_id))
     FROM unnest(v_moved_registrations, v_moved_sessions) AS m(registration_id, session_id)
    WHERE NOT (m.registration_id = ANY (v_promoted));
  RETURN json_build_object('promoted', cardinality(v_promoted), 'workshopPromoted', cardinality(v_moved_sessions), 'offered', v_offered);
END;
$$;

-- What a registration's places are now, as the person is told after signing up: the conference place or the
-- place in its line, each workshop choice with its place or waiting list, and the ranked rounds they put in
-- order (a place there is decided at the allocation). A waitlist position is those waiting since before, plus
-- one. NULL for no such registration.
CREATE OR REPLACE FUNCTION "places_decision"(p_registration_id TEXT)
RETURNS JSON LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
           'status', r.status,
           'waitlistPosition', CASE WHEN r.status = 'WAITLISTED' THEN
             (SELECT count(*) FROM registrations x
               WHERE x.conference_id = r.conference_id AND x.status = 'WAITLISTED' AND x.waitlisted_at < r.waitlisted_at)::int + 1 END,
           'choices', COALESCE((SELECT json_agg(json_build_object('roundId', w.round_id, 'sessionId', w.session_id, 'status', w.status)
                                                ORDER BY w.created_at, w.id)
                                  FROM workshop_choices w WHERE w.registration_id = r.id), '[]'::json),
           'rankedRoundIds', COALESCE((SELECT json_agg(DISTINCT p.round_id) FROM workshop_preferences p WHERE p.registration_id = r.id), '[]'::json))
    FROM registrations r WHERE r.id = p_registration_id
$$;

-- Of sessions chosen (p_mode 'choice') or ranked ('ranking') in pairs with their rounds, the ones that cannot be:
-- not a session of that round of this conference, or of a round that hands out its places otherwise at p_now.
-- For naming them when a sign-up is refused; the refusal itself is decided by places_register's count.
CREATE OR REPLACE FUNCTION "places_unchoosable"(p_conference_id TEXT, p_round_ids TEXT[], p_session_ids TEXT[], p_mode TEXT, p_now TIMESTAMPTZ)
RETURNS JSON LANGUAGE sql STABLE AS $$
  SELECT COALESCE(json_agg(DISTINCT w.session_id), '[]'::json)
    FROM unnest(p_round_ids, p_session_ids) AS w(round_id, session_id)
   WHERE w.session_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM programme_sessions s JOIN workshop_rounds wr ON wr.id = s.workshop_round_id
                      WHERE s.id = w.session_id AND s.workshop_round_id = w.round_id AND s.conference_id = p_conference_id
                        AND places_round_mode(wr.allocation, wr.allocated_at, wr.ranking_closes_at, p_now) = p_mode)
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Signing up
-- ---------------------------------------------------------------------------------------------------------

-- Registers one person for the conference p_slug under its lock, for lib/places/sign-up.ts, and returns the
-- outcome as JSON, with "outcome" one of:
--   replay           this idempotency key registered before: {"id"} and that registration's decision as it
--                    is now (places_decision: "status", "waitlistPosition", "choices", "rankedRoundIds")
--   notFound         no such conference, or a draft, which is not public: to a visitor it does not exist yet
--   notOpen          {"state"}: outside the window (walk-ins and an organiser's additions excepted), or full
--                    for a walk-in
--   invalidWorkshop  {"sessionIds"}: a chosen session is not in its round of this conference, a workshop is
--                    chosen in a round that is to be allocated by ranked choice, or a ranking is not one for an
--                    open ranked round; "sessionIds" names them (empty when the arrays do not pair up)
--   existing         the address has an active registration here: {"existingId"}; nothing written, the caller
--                    tells its owner. A walk-in without an address (p_email '' and p_email_key NULL) is never
--                    one: it gets a registration of its own, and no email (the database allows that only for
--                    walk-ins)
--   workshopFull     {"sessionIds"}: a place in the conference but a chosen workshop is full and the caller
--                    asked to be refused rather than wait (p_wait_for_full false: only an organiser's addition)
--   registered       {"id", "status", "waitlistPosition", "fullSessionIds", "choices", "rankedRoundIds"}: the
--                    registration, its choices and its email's draft are written. "choices" are the workshop
--                    choices as written ({"roundId", "sessionId", "status"}): a full workshop's is WAITLISTED
-- Every outcome but notFound carries "conference": {id, organisationId, slug}.
-- p_round_ids and p_session_ids go in pairs: the session chosen in each round. p_rank_round_ids and
-- p_rank_session_ids go in pairs too: a ranked round's workshops, best first. The clock is read once the lock
-- is granted, so waitlisted_at follows the order in which people got the lock and waitlist positions count up
-- without gaps or ties (milliseconds, as the columns keep).
CREATE OR REPLACE FUNCTION "places_register"(
  p_slug TEXT, p_idempotency_key TEXT, p_email_key TEXT,
  p_round_ids TEXT[], p_session_ids TEXT[], p_wait_for_full BOOLEAN,
  p_source "RegistrationSource", p_outside_window BOOLEAN,
  p_id TEXT, p_name TEXT, p_email TEXT, p_search_text TEXT, p_organisation TEXT, p_job_role TEXT,
  p_dietary_needs TEXT, p_accessibility_needs TEXT, p_photo_consent BOOLEAN, p_newsletter_opt_in BOOLEAN,
  p_locale TEXT, p_ticket_code TEXT, p_rank_round_ids TEXT[], p_rank_session_ids TEXT[], p_answers JSONB)
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
  v_status "RegistrationStatus";
  v_full TEXT[];
  v_position INT;
  v_choices JSON;
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
  PERFORM places_lock(v_conference_id);
  -- Strictly later than the conference's previous registration, even within one millisecond: waitlist
  -- positions and promotions follow this order, and a tie would give two people one place in line.
  v_now := GREATEST(date_trunc('milliseconds', clock_timestamp()),
                    (SELECT max(r.created_at) + interval '1 millisecond' FROM registrations r WHERE r.conference_id = v_conference_id));

  SELECT co.capacity, co.status::text AS status, co.starts_at, co.ends_at, co.registration_opens_at, co.registration_closes_at,
         json_build_object('id', co.id, 'organisationId', co.organisation_id, 'slug', co.slug) AS named
    INTO c FROM conferences co WHERE co.id = v_conference_id;
  IF NOT FOUND THEN
    RETURN json_build_object('outcome', 'notFound');
  END IF;
  v_conference := c.named;

  IF p_idempotency_key IS NOT NULL THEN
    SELECT r.id INTO v_id FROM registrations r WHERE r.conference_id = v_conference_id AND r.idempotency_key = p_idempotency_key;
    IF FOUND THEN
      RETURN json_build_object('outcome', 'replay', 'id', v_id, 'conference', v_conference, 'decision', places_decision(v_id));
    END IF;
  END IF;

  -- Places held by open offers count as taken: they are promised to someone on the waiting list.
  SELECT p.confirmed + p.offered, p.waitlisted INTO v_confirmed, v_waitlisted FROM conference_places p WHERE p.conference_id = v_conference_id;
  v_confirmed := COALESCE(v_confirmed, 0);
  v_state := places_state(c.status, c.starts_at, c.ends_at, c.registration_opens_at, c.registration_closes_at,
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
        <> cardinality(p_session_ids)
     -- Before its allocation a ranked round hands out no place: not to a client that asks for one either.
     OR EXISTS (SELECT 1 FROM workshop_rounds wr
                 WHERE wr.id = ANY (p_round_ids) AND places_round_mode(wr.allocation, wr.allocated_at, wr.ranking_closes_at, v_now) <> 'choice') THEN
    RETURN json_build_object('outcome', 'invalidWorkshop', 'conference', v_conference,
                             'sessionIds', places_unchoosable(v_conference_id, p_round_ids, p_session_ids, 'choice', v_now));
  END IF;
  -- A ranking: workshops of an open ranked round of this conference, each at most once.
  IF cardinality(p_rank_session_ids) > 0 AND (
       cardinality(p_rank_session_ids) <> cardinality(p_rank_round_ids)
       OR (SELECT count(DISTINCT w.session_id) FROM unnest(p_rank_round_ids, p_rank_session_ids) AS w(round_id, session_id)
             JOIN programme_sessions s ON s.id = w.session_id AND s.workshop_round_id = w.round_id
             JOIN workshop_rounds wr ON wr.id = w.round_id
            WHERE wr.conference_id = v_conference_id
              AND places_round_mode(wr.allocation, wr.allocated_at, wr.ranking_closes_at, v_now) = 'ranking')
          <> cardinality(p_rank_session_ids)) THEN
    RETURN json_build_object('outcome', 'invalidWorkshop', 'conference', v_conference,
                             'sessionIds', places_unchoosable(v_conference_id, p_rank_round_ids, p_rank_session_ids, 'ranking', v_now));
  END IF;

  IF p_email_key IS NOT NULL THEN
    SELECT r.id INTO v_id FROM registrations r WHERE r.conference_id = v_conference_id AND r.active_email_key = p_email_key;
    IF FOUND THEN
      RETURN json_build_object('outcome', 'existing', 'existingId', v_id, 'conference', v_conference);
    END IF;
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
    LEFT JOIN session_places sp ON sp.session_id = s.id
   WHERE s.capacity IS NOT NULL AND COALESCE(sp.confirmed + sp.offered, 0) >= s.capacity;
  IF v_status = 'CONFIRMED' AND cardinality(v_full) > 0 AND NOT p_wait_for_full THEN
    RETURN json_build_object('outcome', 'workshopFull', 'sessionIds', v_full, 'conference', v_conference);
  END IF;

  IF v_status = 'WAITLISTED' THEN
    -- Those waiting since before now, plus one. Everyone waiting now joined before now (v_now is later than
    -- every registration).
    v_position := COALESCE(v_waitlisted, 0) + 1;
  END IF;

  -- created_at is the time the lock was granted too: places_fill gives workshop places in that order.
  INSERT INTO registrations (id, conference_id, name, email, active_email_key, search_text, organisation, job_role,
                             dietary_needs, accessibility_needs, privacy_consent_at, photo_consent, newsletter_opt_in,
                             locale, status, source, ticket_code, idempotency_key,
                             confirmed_at, waitlisted_at, created_at, updated_at)
  VALUES (p_id, v_conference_id, p_name, p_email, p_email_key, p_search_text, p_organisation, p_job_role,
          p_dietary_needs, p_accessibility_needs, v_now, p_photo_consent, p_newsletter_opt_in,
          p_locale, v_status, p_source, p_ticket_code, p_idempotency_key,
          CASE WHEN v_status = 'CONFIRMED' THEN v_now END, CASE WHEN v_status = 'WAITLISTED' THEN v_now END,
          v_now, v_now);

  -- A person on the conference's waitlist holds no workshop place yet; promotion decides. A full workshop
  -- chosen is its waiting list. The choices as written are part of the answer: the sign-up's page shows them.
  WITH written AS (
    INSERT INTO workshop_choices (id, registration_id, round_id, session_id, status, created_at, updated_at)
    SELECT gen_random_uuid()::text, p_id, w.round_id, w.session_id,
           CASE WHEN v_status = 'CONFIRMED' AND NOT (w.session_id = ANY (v_full)) THEN 'CONFIRMED' ELSE 'WAITLISTED' END::"ChoiceStatus",
           v_now, v_now
      FROM unnest(p_round_ids, p_session_ids) AS w(round_id, session_id)
    RETURNING round_id, session_id, status)
  SELECT COALESCE(json_agg(json_build_object('roundId', round_id, 'sessionId', session_id, 'status', status)), '[]'::json)
    INTO v_choices FROM written;

  -- A ranking holds no place: the allocation decides (places_publish_allocation). Skipped without one, as
  -- nearly every sign-up is: even empty, the statement cost a rush about 0.05 ms per sign-up under the lock.
  IF cardinality(p_rank_session_ids) > 0 THEN
    INSERT INTO workshop_preferences (registration_id, round_id, session_id, rank, created_at)
    SELECT p_id, w.round_id, w.session_id, row_number() OVER (PARTITION BY w.round_id ORDER BY w.ord), v_now
      FROM unnest(p_rank_round_ids, p_rank_session_ids) WITH ORDINALITY AS w(round_id, session_id, ord);
  END IF;

  -- The answers to the conference's own questions, checked by lib/questions/schema.ts before the call, each with
  -- the question's words as the person read them. Only questions of this conference: an answer to a question
  -- deleted meanwhile is dropped rather than failing the sign-up. Skipped without answers, as for rankings.
  IF jsonb_array_length(p_answers) > 0 THEN
    INSERT INTO registration_answers (registration_id, question_id, value, question_version, label_nl, label_en,
                                      text_nl, text_en, answered_at)
    SELECT p_id, q.id, a.value, a.version, a.label_nl, a.label_en, a.text_nl, a.text_en, v_now
      FROM jsonb_to_recordset(p_answers) AS a(question_id TEXT, value JSONB, version INT, label_nl TEXT, label_en TEXT,
                                              text_nl TEXT, text_en TEXT)
      JOIN registration_questions q ON q.id = a.question_id AND q.conference_id = v_conference_id;
  END IF;

  -- The confirmation: the ticket, or the waitlist notice with the place in line at this moment. A walk-in
  -- without an address is told at the door.
  IF p_email <> '' THEN
    INSERT INTO email_outbox (id, kind, to_address, subject, text_body, status, draft, registration_id, created_at, next_attempt_at)
    VALUES (gen_random_uuid()::text, CASE WHEN v_status = 'CONFIRMED' THEN 'registration.confirmed' ELSE 'registration.waitlisted' END,
            p_email, '', '', 'DRAFT',
            jsonb_build_object('template', 'confirmation', 'status', v_status, 'waitlistPosition', v_position),
            p_id, v_now, v_now);
  END IF;

  RETURN json_build_object('outcome', 'registered', 'id', p_id, 'status', v_status, 'waitlistPosition', v_position,
                           'fullSessionIds', v_full, 'choices', v_choices,
                           'rankedRoundIds', (SELECT COALESCE(json_agg(DISTINCT x), '[]'::json) FROM unnest(p_rank_round_ids) AS x),
                           'conference', v_conference);
END;
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Changing a registration
-- ---------------------------------------------------------------------------------------------------------

-- Cancels a registration (of p_conference_id, when given: an organiser's page names its conference) and gives
-- its places to whoever waits. p_draft: the email this cancellation owes its person ({"template": ...}), or
-- NULL. Returns {"outcome": "notFound" | "alreadyCancelled" | "cancelled", "promoted"}.
CREATE OR REPLACE FUNCTION "places_cancel"(p_registration_id TEXT, p_conference_id TEXT, p_draft JSONB)
RETURNS JSON LANGUAGE plpgsql
SET enable_seqscan = off
AS $$
DECLARE
  v_conference_id TEXT;
  v_status TEXT;
  v_fill JSON;
BEGIN
  SELECT r.conference_id INTO v_conference_id FROM registrations r
   WHERE r.id = p_registration_id AND (p_conference_id IS NULL OR r.conference_id = p_conference_id);
  IF NOT FOUND THEN
    RETURN json_build_object('outcome', 'notFound');
  END IF;
  PERFORM places_lock(v_conference_id);
  SELECT r.status::text INTO v_status FROM registrations r WHERE r.id = p_registration_id FOR UPDATE;
  IF v_status = 'CANCELLED' THEN
    RETURN json_build_object('outcome', 'alreadyCancelled');
  END IF;
  DELETE FROM workshop_choices WHERE registration_id = p_registration_id;
  UPDATE registrations SET status = 'CANCELLED', active_email_key = NULL, cancelled_at = clock_timestamp(), updated_at = clock_timestamp()
   WHERE id = p_registration_id;
  IF p_draft IS NOT NULL THEN
    PERFORM places_enqueue(p_registration_id, p_draft);
  END IF;
  v_fill := places_fill(v_conference_id);
  RETURN json_build_object('outcome', 'cancelled', 'promoted', (v_fill->>'promoted')::int);
END;
$$;

-- Sets a registration's workshops: p_round_ids and p_session_ids in pairs; every round of the conference that
-- is not named, or named with an empty session, ends up without a workshop. A new choice goes to the back of
-- its workshop's line. A confirmed person whose wanted workshop is full either waits for it (p_wait_for_full:
-- the attendee, for whom choosing a full workshop is choosing its waiting list) or is refused without change
-- (an organiser, who never parks someone on a waiting list by accident). The places left go to whoever waits
-- for them. When anything changed, the person gets their updated ticket (one email, however many changes
-- follow before the mail worker writes it).
-- Returns {"outcome": "notFound" | "cancelled" | "conferenceCancelled" | "past" | "invalidWorkshop" |
-- "workshopFull" (with "sessionIds") | "changed" (with "promoted")}.
CREATE OR REPLACE FUNCTION "places_change_workshops"(
  p_registration_id TEXT, p_round_ids TEXT[], p_session_ids TEXT[], p_wait_for_full BOOLEAN)
RETURNS JSON LANGUAGE plpgsql
SET enable_seqscan = off
AS $$
DECLARE
  v_conference_id TEXT;
  r RECORD;
  v_rounds TEXT[];
  v_sessions TEXT[];
  v_full TEXT[];
  v_now TIMESTAMPTZ := date_trunc('milliseconds', clock_timestamp());
  v_fill JSON;
BEGIN
  SELECT x.conference_id INTO v_conference_id FROM registrations x WHERE x.id = p_registration_id;
  IF NOT FOUND THEN
    RETURN json_build_object('outcome', 'notFound');
  END IF;
  PERFORM places_lock(v_conference_id);
  SELECT x.status::text AS status, c.status::text AS conference_status, c.ends_at INTO r
    FROM registrations x JOIN conferences c ON c.id = x.conference_id WHERE x.id = p_registration_id;
  IF r.status = 'CANCELLED' THEN RETURN json_build_object('outcome', 'cancelled'); END IF;
  IF r.conference_status = 'CANCELLED' THEN RETURN json_build_object('outcome', 'conferenceCancelled'); END IF;
  IF r.ends_at <= now() THEN RETURN json_build_object('outcome', 'past'); END IF;

  -- The rounds whose workshop changes, and to what (NULL: none).
  SELECT COALESCE(array_agg(wanted.round_id), '{}'), COALESCE(array_agg(wanted.session_id), '{}')
    INTO v_rounds, v_sessions
    FROM (SELECT wr.id AS round_id, NULLIF(w.session_id, '') AS session_id
            FROM workshop_rounds wr
            LEFT JOIN unnest(p_round_ids, p_session_ids) AS w(round_id, session_id) ON w.round_id = wr.id
           WHERE wr.conference_id = v_conference_id) AS wanted
    LEFT JOIN workshop_choices cur ON cur.registration_id = p_registration_id AND cur.round_id = wanted.round_id
   WHERE wanted.session_id IS DISTINCT FROM cur.session_id;

  IF EXISTS (SELECT 1 FROM unnest(v_rounds, v_sessions) AS ch(round_id, session_id)
              WHERE ch.session_id IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM programme_sessions s WHERE s.id = ch.session_id AND s.workshop_round_id = ch.round_id))
     -- A ranked round hands out its places at its allocation, not before.
     OR EXISTS (SELECT 1 FROM workshop_rounds wr
                 WHERE wr.id = ANY (v_rounds) AND places_round_mode(wr.allocation, wr.allocated_at, wr.ranking_closes_at, v_now) <> 'choice') THEN
    RETURN json_build_object('outcome', 'invalidWorkshop');
  END IF;

  SELECT COALESCE(array_agg(s.id), '{}') INTO v_full
    FROM unnest(v_sessions) AS ch(session_id)
    JOIN programme_sessions s ON s.id = ch.session_id
    LEFT JOIN session_places sp ON sp.session_id = s.id
   WHERE s.capacity IS NOT NULL AND COALESCE(sp.confirmed + sp.offered, 0) >= s.capacity;
  IF r.status = 'CONFIRMED' AND cardinality(v_full) > 0 AND NOT p_wait_for_full THEN
    RETURN json_build_object('outcome', 'workshopFull', 'sessionIds', v_full);
  END IF;

  DELETE FROM workshop_choices WHERE registration_id = p_registration_id AND round_id = ANY (v_rounds);
  INSERT INTO workshop_choices (id, registration_id, round_id, session_id, status, created_at, updated_at)
  SELECT gen_random_uuid()::text, p_registration_id, ch.round_id, ch.session_id,
         CASE WHEN r.status = 'CONFIRMED' AND NOT (ch.session_id = ANY (v_full)) THEN 'CONFIRMED' ELSE 'WAITLISTED' END::"ChoiceStatus",
         v_now, v_now
    FROM unnest(v_rounds, v_sessions) AS ch(round_id, session_id)
   WHERE ch.session_id IS NOT NULL;
  UPDATE registrations SET updated_at = v_now WHERE id = p_registration_id;
  IF cardinality(v_rounds) > 0 THEN
    -- A draft not yet written would tell the same (it is written from the registration as it is then).
    DELETE FROM email_outbox
     WHERE registration_id = p_registration_id AND status = 'DRAFT' AND draft->>'template' = 'workshopsChanged';
    PERFORM places_enqueue(p_registration_id, jsonb_build_object('template', 'workshopsChanged'));
  END IF;
  -- The places this person left go to whoever waits for them.
  v_fill := places_fill(v_conference_id);
  RETURN json_build_object('outcome', 'changed', 'promoted', (v_fill->>'promoted')::int + (v_fill->>'workshopPromoted')::int);
END;
$$;

-- Erasure keeps the row (so attendance and capacity counts stay true) but nothing that identifies the person:
-- not their emails either, sent or not, and none of their manage links open it any more. Before the conference
-- ends it also cancels, which hands the places to whoever waits. Returns {"outcome": "notFound" | "erased"}.
CREATE OR REPLACE FUNCTION "places_erase"(p_registration_id TEXT)
RETURNS JSON LANGUAGE plpgsql
SET enable_seqscan = off
AS $$
DECLARE
  v_conference_id TEXT;
  r RECORD;
  v_cancel BOOLEAN;
  v_anonymous TEXT := 'verwijderd-' || p_registration_id || '@invalid.podium';
  v_now TIMESTAMPTZ := date_trunc('milliseconds', clock_timestamp());
BEGIN
  SELECT x.conference_id INTO v_conference_id FROM registrations x WHERE x.id = p_registration_id AND x.erased_at IS NULL;
  IF NOT FOUND THEN
    RETURN json_build_object('outcome', 'notFound');
  END IF;
  PERFORM places_lock(v_conference_id);
  SELECT x.status::text AS status, c.ends_at INTO r
    FROM registrations x JOIN conferences c ON c.id = x.conference_id WHERE x.id = p_registration_id FOR UPDATE OF x;
  v_cancel := r.ends_at > now() AND r.status <> 'CANCELLED';
  IF v_cancel THEN
    DELETE FROM workshop_choices WHERE registration_id = p_registration_id;
  END IF;
  UPDATE registrations
     SET name = 'Verwijderd', email = v_anonymous,
         active_email_key = CASE WHEN v_cancel OR r.status = 'CANCELLED' THEN NULL ELSE lower(v_anonymous) END,
         search_text = '', organisation = NULL, job_role = NULL, dietary_needs = NULL, accessibility_needs = NULL,
         host_note = NULL, photo_consent = FALSE, newsletter_opt_in = FALSE, idempotency_key = NULL,
         status = CASE WHEN v_cancel THEN 'CANCELLED' ELSE status END,
         cancelled_at = CASE WHEN v_cancel THEN v_now ELSE cancelled_at END,
         erased_at = v_now, updated_at = v_now
   WHERE id = p_registration_id;
  DELETE FROM manage_links WHERE registration_id = p_registration_id;
  -- What the person answered to the conference's own questions is theirs too.
  DELETE FROM registration_answers WHERE registration_id = p_registration_id;
  -- A new address asked for and not yet confirmed is the person's too.
  DELETE FROM email_changes WHERE registration_id = p_registration_id;
  -- An email still waiting is not sent any more; its row stays, as a record that it was not.
  UPDATE email_outbox SET status = 'FAILED', last_error = 'erased before sending'
   WHERE registration_id = p_registration_id AND status IN ('PENDING', 'DRAFT');
  UPDATE email_outbox
     SET to_address = v_anonymous, subject = '', text_body = '', html_body = NULL, attachments = '[]', headers = '{}',
         message_id = NULL, draft = NULL
   WHERE registration_id = p_registration_id;
  IF v_cancel THEN
    PERFORM places_fill(v_conference_id);
  END IF;
  RETURN json_build_object('outcome', 'erased');
END;
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Capacities and cancelling the conference (the organiser, inside the transaction of their edit)
-- ---------------------------------------------------------------------------------------------------------

-- A conference's capacity: never below its confirmed places; raised, the longest waiting get the new places.
-- With p_apply FALSE it only checks (and takes the lock, held until the caller's transaction ends), so that an
-- editor can report this with its other field errors before writing anything.
-- Returns {"outcome": "notFound" | "belowConfirmed" (with "confirmed") | "allowed" | "set" (with "promoted")}.
CREATE OR REPLACE FUNCTION "places_set_capacity"(p_conference_id TEXT, p_capacity INT, p_apply BOOLEAN)
RETURNS JSON LANGUAGE plpgsql AS $$
DECLARE
  v_old INT;
  v_confirmed INT;
  v_fill JSON;
BEGIN
  PERFORM places_lock(p_conference_id);
  SELECT c.capacity INTO v_old FROM conferences c WHERE c.id = p_conference_id;
  IF NOT FOUND THEN
    RETURN json_build_object('outcome', 'notFound');
  END IF;
  v_confirmed := COALESCE((SELECT p.confirmed FROM conference_places p WHERE p.conference_id = p_conference_id), 0);
  IF p_capacity < v_confirmed THEN
    RETURN json_build_object('outcome', 'belowConfirmed', 'confirmed', v_confirmed);
  END IF;
  IF NOT p_apply THEN
    RETURN json_build_object('outcome', 'allowed');
  END IF;
  UPDATE conferences SET capacity = p_capacity, updated_at = clock_timestamp() WHERE id = p_conference_id;
  IF p_capacity > v_old THEN
    v_fill := places_fill(p_conference_id);
  END IF;
  RETURN json_build_object('outcome', 'set', 'promoted', COALESCE((v_fill->>'promoted')::int, 0));
END;
$$;

-- A workshop's capacity (NULL: no limit): never below its confirmed places; raised or lifted, its waiting list
-- moves up. p_apply as for places_set_capacity.
-- Returns {"outcome": "notFound" | "belowTaken" (with "taken") | "allowed" | "set" (with "promoted")}.
CREATE OR REPLACE FUNCTION "places_set_session_capacity"(p_session_id TEXT, p_capacity INT, p_apply BOOLEAN)
RETURNS JSON LANGUAGE plpgsql AS $$
DECLARE
  s RECORD;
  v_taken INT;
  v_fill JSON;
BEGIN
  SELECT x.conference_id INTO s FROM programme_sessions x WHERE x.id = p_session_id;
  IF NOT FOUND THEN
    RETURN json_build_object('outcome', 'notFound');
  END IF;
  PERFORM places_lock(s.conference_id);
  SELECT x.conference_id, x.capacity INTO s FROM programme_sessions x WHERE x.id = p_session_id;
  v_taken := COALESCE((SELECT p.confirmed FROM session_places p WHERE p.session_id = p_session_id), 0);
  IF p_capacity IS NOT NULL AND p_capacity < v_taken THEN
    RETURN json_build_object('outcome', 'belowTaken', 'taken', v_taken);
  END IF;
  IF NOT p_apply THEN
    RETURN json_build_object('outcome', 'allowed');
  END IF;
  UPDATE programme_sessions SET capacity = p_capacity, updated_at = clock_timestamp() WHERE id = p_session_id;
  IF s.capacity IS NOT NULL AND (p_capacity IS NULL OR p_capacity > s.capacity) THEN
    v_fill := places_fill(s.conference_id);
  END IF;
  RETURN json_build_object('outcome', 'set', 'promoted',
                           COALESCE((v_fill->>'promoted')::int + (v_fill->>'workshopPromoted')::int, 0));
END;
$$;

-- Calls the conference off and queues one email to every registrant (confirmed or waiting), under the lock,
-- so nobody who signs up at that moment is missed or told twice. Cancelling twice tells nobody twice.
-- Returns {"outcome": "notFound" | "alreadyCancelled" | "cancelled", "emailed"}.
CREATE OR REPLACE FUNCTION "places_cancel_conference"(p_conference_id TEXT)
RETURNS JSON LANGUAGE plpgsql AS $$
DECLARE
  v_registrants TEXT[];
BEGIN
  PERFORM places_lock(p_conference_id);
  PERFORM 1 FROM conferences c WHERE c.id = p_conference_id;
  IF NOT FOUND THEN
    RETURN json_build_object('outcome', 'notFound', 'emailed', 0);
  END IF;
  UPDATE conferences SET status = 'CANCELLED', cancelled_at = clock_timestamp(), updated_at = clock_timestamp()
   WHERE id = p_conference_id AND status <> 'CANCELLED';
  IF NOT FOUND THEN
    RETURN json_build_object('outcome', 'alreadyCancelled', 'emailed', 0);
  END IF;
  SELECT COALESCE(array_agg(r.id ORDER BY r.created_at), '{}') INTO v_registrants
    FROM registrations r
   WHERE r.conference_id = p_conference_id AND r.status IN ('CONFIRMED', 'WAITLISTED') AND r.erased_at IS NULL;
  PERFORM places_enqueue(id, jsonb_build_object('template', 'conferenceCancelled')) FROM unnest(v_registrants) AS id;
  RETURN json_build_object('outcome', 'cancelled', 'emailed', cardinality(v_registrants));
END;
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Ranked choice (lib/places/allocation.ts computes the allocation; it is written here, under the lock)
-- ---------------------------------------------------------------------------------------------------------

-- A round's allocation mode, as the organiser sets it. RANKED needs a moment when the rankings close, and only a
-- round nobody has a workshop in yet can become one; a round goes back to first come, first served only while
-- nobody has ranked it. An allocated round keeps its mode. The lottery is drawn here, once.
-- Returns {"outcome": "notFound" | "hasChoices" | "hasRankings" | "allocated" | "set"}.
CREATE OR REPLACE FUNCTION "places_set_round_allocation"(p_round_id TEXT, p_mode "AllocationMode", p_ranking_closes_at TIMESTAMPTZ)
RETURNS JSON LANGUAGE plpgsql AS $$
DECLARE
  r RECORD;
BEGIN
  SELECT wr.conference_id INTO r FROM workshop_rounds wr WHERE wr.id = p_round_id;
  IF NOT FOUND THEN RETURN json_build_object('outcome', 'notFound'); END IF;
  PERFORM places_lock(r.conference_id);
  SELECT wr.allocation, wr.allocated_at INTO r FROM workshop_rounds wr WHERE wr.id = p_round_id;
  IF r.allocation = p_mode AND (p_mode = 'FIRST_COME' OR r.allocated_at IS NOT NULL) THEN
    RETURN json_build_object('outcome', 'set');
  END IF;
  IF r.allocated_at IS NOT NULL THEN RETURN json_build_object('outcome', 'allocated'); END IF;
  IF p_mode = 'RANKED' AND r.allocation = 'FIRST_COME' AND EXISTS (SELECT 1 FROM workshop_choices c WHERE c.round_id = p_round_id) THEN
    RETURN json_build_object('outcome', 'hasChoices');
  END IF;
  IF p_mode = 'FIRST_COME' AND EXISTS (SELECT 1 FROM workshop_preferences x WHERE x.round_id = p_round_id) THEN
    RETURN json_build_object('outcome', 'hasRankings');
  END IF;
  UPDATE workshop_rounds
     SET allocation = p_mode,
         ranking_closes_at = CASE WHEN p_mode = 'RANKED' THEN p_ranking_closes_at END,
         lottery_seed = CASE WHEN p_mode = 'RANKED' THEN COALESCE(lottery_seed, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')) END,
         updated_at = clock_timestamp()
   WHERE id = p_round_id;
  RETURN json_build_object('outcome', 'set');
END;
$$;

-- An attendee's new ranking of a ranked round (best first), until its rankings close.
-- Returns {"outcome": "notFound" | "cancelled" | "closed" | "invalidWorkshop" | "ranked"}.
CREATE OR REPLACE FUNCTION "places_set_ranking"(p_registration_id TEXT, p_round_id TEXT, p_session_ids TEXT[])
RETURNS JSON LANGUAGE plpgsql
SET enable_seqscan = off
AS $$
DECLARE
  r RECORD;
BEGIN
  SELECT x.conference_id INTO r FROM registrations x WHERE x.id = p_registration_id;
  IF NOT FOUND THEN RETURN json_build_object('outcome', 'notFound'); END IF;
  PERFORM places_lock(r.conference_id);
  SELECT x.status::text AS status, x.conference_id, wr.conference_id AS round_conference_id,
         places_round_mode(wr.allocation, wr.allocated_at, wr.ranking_closes_at, clock_timestamp()) AS mode
    INTO r FROM registrations x LEFT JOIN workshop_rounds wr ON wr.id = p_round_id WHERE x.id = p_registration_id;
  IF r.round_conference_id IS DISTINCT FROM r.conference_id THEN RETURN json_build_object('outcome', 'invalidWorkshop'); END IF;
  IF r.status = 'CANCELLED' THEN RETURN json_build_object('outcome', 'cancelled'); END IF;
  IF r.mode <> 'ranking' THEN RETURN json_build_object('outcome', 'closed'); END IF;
  IF cardinality(p_session_ids) = 0
     OR (SELECT count(DISTINCT s.id) FROM unnest(p_session_ids) AS w(session_id)
           JOIN programme_sessions s ON s.id = w.session_id AND s.workshop_round_id = p_round_id) <> cardinality(p_session_ids) THEN
    RETURN json_build_object('outcome', 'invalidWorkshop');
  END IF;
  DELETE FROM workshop_preferences WHERE registration_id = p_registration_id AND round_id = p_round_id;
  INSERT INTO workshop_preferences (registration_id, round_id, session_id, rank, created_at)
  SELECT p_registration_id, p_round_id, w.session_id, w.ord, clock_timestamp()
    FROM unnest(p_session_ids) WITH ORDINALITY AS w(session_id, ord);
  UPDATE registrations SET updated_at = clock_timestamp() WHERE id = p_registration_id;
  RETURN json_build_object('outcome', 'ranked');
END;
$$;

-- What the rankings and the places are now, in one text: an allocation computed from them is written only if
-- nothing changed since (a ranking, a cancellation, a capacity).
CREATE OR REPLACE FUNCTION "places_ranking_fingerprint"(p_round_id TEXT)
RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT md5(
    COALESCE((SELECT string_agg(p.registration_id || ':' || p.session_id || ':' || p.rank || ':' || r.status, ',' ORDER BY p.registration_id, p.rank)
                FROM workshop_preferences p JOIN registrations r ON r.id = p.registration_id
               WHERE p.round_id = p_round_id), '')
    || '|' ||
    COALESCE((SELECT string_agg(s.id || ':' || COALESCE(s.capacity::text, '-') || ':' || COALESCE(sp.confirmed, 0), ',' ORDER BY s.id)
                FROM programme_sessions s LEFT JOIN session_places sp ON sp.session_id = s.id
               WHERE s.workshop_round_id = p_round_id), ''))
$$;

-- Everything an allocation of the round is computed from: the round (with its lottery seed), its workshops with
-- their places still free, and who ranked what (active registrations only), with the fingerprint of all that.
CREATE OR REPLACE FUNCTION "places_ranking_input"(p_round_id TEXT)
RETURNS JSON LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
           'round', json_build_object('id', wr.id, 'conferenceId', wr.conference_id, 'title', wr.title,
                                      'allocation', wr.allocation, 'rankingClosesAt', wr.ranking_closes_at,
                                      'allocatedAt', wr.allocated_at, 'seed', wr.lottery_seed),
           'fingerprint', places_ranking_fingerprint(wr.id),
           'workshops', COALESCE((
             SELECT json_agg(json_build_object(
                      'id', s.id, 'title', s.title,
                      'capacity', CASE WHEN s.capacity IS NULL THEN NULL ELSE GREATEST(s.capacity - COALESCE(sp.confirmed, 0), 0) END)
                      ORDER BY s.starts_at, s.id)
               FROM programme_sessions s LEFT JOIN session_places sp ON sp.session_id = s.id
              WHERE s.workshop_round_id = wr.id), '[]'::json),
           -- In the order people signed up: what first come, first served would have done is compared with it.
           'people', COALESCE((
             SELECT json_agg(json_build_object('id', x.registration_id, 'status', x.status, 'ranking', x.ranking) ORDER BY x.created_at, x.registration_id)
               FROM (SELECT p.registration_id, r.status, r.created_at, json_agg(p.session_id ORDER BY p.rank) AS ranking
                       FROM workshop_preferences p JOIN registrations r ON r.id = p.registration_id
                      WHERE p.round_id = wr.id AND r.status IN ('CONFIRMED', 'WAITLISTED')
                      GROUP BY p.registration_id, r.status, r.created_at) AS x), '[]'::json))
    FROM workshop_rounds wr WHERE wr.id = p_round_id
$$;

-- Writes an allocation computed from places_ranking_input, under the lock, if nothing changed since
-- (p_fingerprint): the people placed (p_placed_ids with p_placed_sessions, all of them confirmed) get their
-- workshop; everyone else who ranked the round waits for their first choice, in the order of p_waiting_ids (the
-- lottery's). The capacities are checked again: an allocation can never overfill a workshop. From then on the
-- round is first come, first served. Queues each placed or waiting confirmed person's email.
-- Returns {"outcome": "notFound" | "notRanked" | "allocated" | "changed" | "published", "placed", "waiting"}.
CREATE OR REPLACE FUNCTION "places_publish_allocation"(
  p_round_id TEXT, p_fingerprint TEXT, p_placed_ids TEXT[], p_placed_sessions TEXT[], p_waiting_ids TEXT[])
RETURNS JSON LANGUAGE plpgsql AS $$
DECLARE
  r RECORD;
  v_now TIMESTAMPTZ := date_trunc('milliseconds', clock_timestamp());
  v_overfull TEXT;
BEGIN
  SELECT wr.conference_id INTO r FROM workshop_rounds wr WHERE wr.id = p_round_id;
  IF NOT FOUND THEN RETURN json_build_object('outcome', 'notFound'); END IF;
  PERFORM places_lock(r.conference_id);
  SELECT wr.conference_id, wr.allocation, wr.allocated_at INTO r FROM workshop_rounds wr WHERE wr.id = p_round_id;
  IF r.allocation <> 'RANKED' THEN RETURN json_build_object('outcome', 'notRanked'); END IF;
  IF r.allocated_at IS NOT NULL THEN RETURN json_build_object('outcome', 'allocated'); END IF;
  IF places_ranking_fingerprint(p_round_id) <> p_fingerprint THEN RETURN json_build_object('outcome', 'changed'); END IF;
  IF EXISTS (SELECT 1 FROM unnest(p_placed_ids, p_placed_sessions) AS a(registration_id, session_id)
              WHERE NOT EXISTS (SELECT 1 FROM workshop_preferences p JOIN registrations x ON x.id = p.registration_id
                                 WHERE p.registration_id = a.registration_id AND p.session_id = a.session_id
                                   AND p.round_id = p_round_id AND x.status = 'CONFIRMED')) THEN
    RAISE EXCEPTION 'places_publish_allocation: a placement that nobody ranked, or of someone without a place';
  END IF;

  DELETE FROM workshop_choices WHERE round_id = p_round_id AND registration_id = ANY (p_placed_ids || p_waiting_ids);
  INSERT INTO workshop_choices (id, registration_id, round_id, session_id, status, created_at, updated_at)
  SELECT gen_random_uuid()::text, a.registration_id, p_round_id, a.session_id, 'CONFIRMED', v_now, v_now
    FROM unnest(p_placed_ids, p_placed_sessions) AS a(registration_id, session_id);
  -- The waiting lists follow the lottery: earlier in it, earlier in line (and before anyone who chooses later).
  INSERT INTO workshop_choices (id, registration_id, round_id, session_id, status, created_at, updated_at)
  SELECT gen_random_uuid()::text, w.registration_id, p_round_id, p.session_id, 'WAITLISTED',
         v_now - make_interval(secs => (cardinality(p_waiting_ids) - w.ord + 1) / 1000.0), v_now
    FROM unnest(p_waiting_ids) WITH ORDINALITY AS w(registration_id, ord)
    JOIN workshop_preferences p ON p.registration_id = w.registration_id AND p.round_id = p_round_id AND p.rank = 1;

  SELECT s.title INTO v_overfull
    FROM programme_sessions s JOIN session_places sp ON sp.session_id = s.id
   WHERE s.workshop_round_id = p_round_id AND s.capacity IS NOT NULL AND sp.confirmed > s.capacity
   LIMIT 1;
  IF v_overfull IS NOT NULL THEN
    RAISE EXCEPTION 'places_publish_allocation: % would be overfull', v_overfull;
  END IF;

  UPDATE workshop_rounds SET allocated_at = v_now, updated_at = v_now WHERE id = p_round_id;
  PERFORM places_enqueue(x.id, jsonb_build_object('template', 'allocation', 'roundId', p_round_id))
     FROM registrations x WHERE x.id = ANY (p_placed_ids || p_waiting_ids) AND x.status = 'CONFIRMED';
  PERFORM places_fill(r.conference_id);
  RETURN json_build_object('outcome', 'published', 'placed', cardinality(p_placed_ids), 'waiting', cardinality(p_waiting_ids));
END;
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Reading places
-- ---------------------------------------------------------------------------------------------------------

-- The places of a conference as every page, form, email and export shows them: capacity, confirmed, waiting
-- and left for the conference and for each workshop (left NULL: no limit), the sign-up state and each round's
-- mode at p_now. p_as_published: the state a draft would have once published (its preview for the organisers).
-- Counts, not a decision: a page that shows them may be a moment old by the time someone acts on it.
CREATE OR REPLACE FUNCTION "places_of"(p_conference_id TEXT, p_now TIMESTAMPTZ, p_as_published BOOLEAN DEFAULT FALSE)
RETURNS JSON LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
           'capacity', c.capacity,
           'confirmed', COALESCE(p.confirmed, 0),
           'waitlisted', COALESCE(p.waitlisted, 0),
           -- A place held by an open offer is not left for anyone else.
           'left', GREATEST(c.capacity - COALESCE(p.confirmed + p.offered, 0), 0),
           'state', places_state(CASE WHEN p_as_published AND c.status = 'DRAFT' THEN 'PUBLISHED' ELSE c.status::text END,
                                 c.starts_at, c.ends_at, c.registration_opens_at, c.registration_closes_at,
                                 c.capacity, COALESCE(p.confirmed + p.offered, 0), p_now),
           'rounds', COALESCE((
             SELECT json_agg(json_build_object(
                      'id', wr.id,
                      'mode', places_round_mode(wr.allocation, wr.allocated_at, wr.ranking_closes_at, p_now),
                      'rankingClosesAt', wr.ranking_closes_at)
                      ORDER BY wr.position)
               FROM workshop_rounds wr WHERE wr.conference_id = c.id), '[]'::json),
           'sessions', COALESCE((
             SELECT json_agg(json_build_object(
                      'id', s.id,
                      'capacity', s.capacity,
                      'confirmed', COALESCE(sp.confirmed, 0),
                      'waitlisted', COALESCE(sp.waitlisted, 0),
                      'left', CASE WHEN s.capacity IS NULL THEN NULL ELSE GREATEST(s.capacity - COALESCE(sp.confirmed + sp.offered, 0), 0) END)
                      ORDER BY s.starts_at, s.id)
               FROM programme_sessions s LEFT JOIN session_places sp ON sp.session_id = s.id
              WHERE s.conference_id = c.id), '[]'::json))
    FROM conferences c LEFT JOIN conference_places p ON p.conference_id = c.id
   WHERE c.id = p_conference_id
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Offers with a claim window (issue 16, point 7)
-- ---------------------------------------------------------------------------------------------------------
-- Off by default (conferences.offers_hours_before NULL): a freed place goes to the longest waiting at once, as
-- above. When the organiser turns them on ("from 48 hours before the start, with 12 hours to claim"), a place
-- freed within those hours is offered, in the same order, to the next person waiting, instead of given:
--   * a conference place to the next person on the conference's waiting list; a workshop place to the next
--     person with a conference place on that workshop's waiting list (per workshop, as its list is);
--   * an open offer holds its place: conference_places.offered and session_places.offered (kept by the trigger
--     below) count as taken in places_register, places_change_workshops, places_fill and places_of, under the
--     same lock, so a held place is never sold to someone else;
--   * the person gets an email whose link opens a page with two buttons (claim, decline); claiming is the
--     promotion places_fill would have made (the same status change, email and webhook); declining, or the
--     window running out, takes them off that waiting list (a conference offer cancels their registration, a
--     workshop offer removes that choice) and offers the place to the next person, as pretix and Hi.Events do;
--   * the window never runs past the start. At the start offers stop: an offer still open then expires, and from
--     then on a freed place goes at once, as without offers: people are at the door, nobody can wait for an answer.
-- places_offers_expire ends the offers whose window ran out; every instance's mail worker calls it on each pass.

-- Whether freed places are offered rather than given at p_now.
CREATE OR REPLACE FUNCTION "places_offering"(p_hours_before INT, p_starts_at TIMESTAMPTZ, p_now TIMESTAMPTZ)
RETURNS BOOLEAN LANGUAGE sql IMMUTABLE AS $$
  SELECT p_hours_before IS NOT NULL AND p_now >= p_starts_at - make_interval(hours => p_hours_before) AND p_now < p_starts_at
$$;

-- Makes the offers for p_free conference places and for every workshop's free places, in waiting order, to people
-- who have no open offer for that place yet, open until p_expires_at; queues each offer's email. Under the lock
-- (places_fill_at). Returns how many offers were made.
CREATE OR REPLACE FUNCTION "places_offer"(p_conference_id TEXT, p_now TIMESTAMPTZ, p_free INT, p_expires_at TIMESTAMPTZ)
RETURNS INT LANGUAGE plpgsql
SET enable_seqscan = off
AS $$
DECLARE
  v_offers TEXT[];
  v_registrations TEXT[];
BEGIN
  WITH chosen AS (
    SELECT r.id FROM registrations r
     WHERE r.conference_id = p_conference_id AND r.status = 'WAITLISTED'
       AND NOT EXISTS (SELECT 1 FROM place_offers o WHERE o.registration_id = r.id AND o.open_key = 'conference')
     ORDER BY r.waitlisted_at, r.id
     LIMIT p_free),
  workshop_waiting AS (
    SELECT w.registration_id, w.session_id,
           s.capacity - COALESCE(sp.confirmed, 0) - COALESCE(sp.offered, 0) AS room,
           row_number() OVER (PARTITION BY w.session_id ORDER BY w.created_at, w.id) AS place_in_line
      FROM workshop_choices w
      JOIN registrations r ON r.id = w.registration_id AND r.status = 'CONFIRMED'
      JOIN programme_sessions s ON s.id = w.session_id
      LEFT JOIN session_places sp ON sp.session_id = s.id
     WHERE s.conference_id = p_conference_id AND w.status = 'WAITLISTED' AND s.capacity IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM place_offers o WHERE o.registration_id = w.registration_id AND o.open_key = w.session_id)),
  made AS (
    INSERT INTO place_offers (id, conference_id, registration_id, session_id, status, open_key, offered_at, expires_at)
    SELECT gen_random_uuid()::text, p_conference_id, x.registration_id, x.session_id, 'OPEN', COALESCE(x.session_id, 'conference'),
           p_now, p_expires_at
      FROM (SELECT chosen.id AS registration_id, NULL::text AS session_id FROM chosen
            UNION ALL
            SELECT ww.registration_id, ww.session_id FROM workshop_waiting ww WHERE ww.place_in_line <= ww.room) AS x
    RETURNING id, registration_id)
  SELECT COALESCE(array_agg(id), '{}'), COALESCE(array_agg(registration_id), '{}') INTO v_offers, v_registrations FROM made;
  -- The email's link is the person's manage link (minted by the mail worker, stored hashed) to this offer's page.
  PERFORM places_enqueue(m.registration_id, jsonb_build_object('template', 'placeOffer', 'offerId', m.offer_id,
                                                               'sessionId', o.session_id, 'expiresAt', o.expires_at))
     FROM unnest(v_offers, v_registrations) AS m(offer_id, registration_id) JOIN place_offers o ON o.id = m.offer_id;
  RETURN cardinality(v_offers);
END;
$$;

-- Ends an open offer without a claim, under the lock: p_status 'DECLINED' or 'EXPIRED'. The person leaves that
-- waiting list (for a conference place their registration is cancelled, as the manage page's cancel does; for a
-- workshop place that choice goes) and is told by email; the place goes to the next person (places_fill_at).
CREATE OR REPLACE FUNCTION "places_offer_end"(p_offer_id TEXT, p_status "OfferStatus", p_now TIMESTAMPTZ)
RETURNS VOID LANGUAGE plpgsql
SET enable_seqscan = off
AS $$
DECLARE
  o RECORD;
  v_now TIMESTAMPTZ := date_trunc('milliseconds', p_now);
BEGIN
  -- A cancelled conference told everyone already (places_cancel_conference): its offers just end, unanswered.
  UPDATE place_offers x
     SET status = CASE WHEN c.status = 'CANCELLED' THEN 'WITHDRAWN' ELSE p_status END, open_key = NULL, decided_at = v_now
    FROM conferences c
   WHERE x.id = p_offer_id AND x.status = 'OPEN' AND c.id = x.conference_id
  RETURNING x.conference_id, x.registration_id, x.session_id, x.status INTO o;
  IF NOT FOUND OR o.status = 'WITHDRAWN' THEN RETURN; END IF;
  IF o.session_id IS NULL THEN
    -- The two statements of places_cancel, at this moment (places_cancel reads the clock itself).
    DELETE FROM workshop_choices WHERE registration_id = o.registration_id;
    UPDATE registrations SET status = 'CANCELLED', active_email_key = NULL, cancelled_at = v_now, updated_at = v_now
     WHERE id = o.registration_id AND status = 'WAITLISTED';
  ELSE
    DELETE FROM workshop_choices WHERE registration_id = o.registration_id AND session_id = o.session_id AND status = 'WAITLISTED';
    UPDATE registrations SET updated_at = v_now WHERE id = o.registration_id;
  END IF;
  PERFORM places_enqueue(o.registration_id, jsonb_build_object('template', 'offerEnded', 'offerId', p_offer_id,
                                                                'sessionId', o.session_id, 'status', p_status,
                                                                'workshop', (SELECT s.title FROM programme_sessions s WHERE s.id = o.session_id)));
  PERFORM places_fill_at(o.conference_id, v_now);
END;
$$;

-- The person's answer to an offer (p_claim: claim, else decline), from the page its email links to; the offer
-- must be theirs (p_registration_id, from their manage link). Claiming is the promotion places_fill would have
-- made: the same status change, email and webhook. Returns {"outcome": "notFound" | "claimed" | "declined" |
-- "expired" | "withdrawn" | "conferenceCancelled", "sessionId"}; for an offer decided before, how it ended
-- (claiming twice is "claimed" twice).
CREATE OR REPLACE FUNCTION "places_offer_answer"(p_offer_id TEXT, p_registration_id TEXT, p_claim BOOLEAN, p_now TIMESTAMPTZ)
RETURNS JSON LANGUAGE plpgsql
SET enable_seqscan = off
AS $$
DECLARE
  o RECORD;
  v_now TIMESTAMPTZ := date_trunc('milliseconds', p_now);
  v_room BOOLEAN;
BEGIN
  SELECT x.conference_id INTO o FROM place_offers x WHERE x.id = p_offer_id AND x.registration_id = p_registration_id;
  IF NOT FOUND THEN RETURN json_build_object('outcome', 'notFound'); END IF;
  PERFORM places_lock(o.conference_id);
  SELECT x.status::text AS status, x.session_id, x.expires_at, x.conference_id, c.status::text AS conference_status, c.capacity
    INTO o FROM place_offers x JOIN conferences c ON c.id = x.conference_id WHERE x.id = p_offer_id FOR UPDATE OF x;
  IF o.status <> 'OPEN' THEN RETURN json_build_object('outcome', lower(o.status), 'sessionId', o.session_id); END IF;
  IF o.conference_status = 'CANCELLED' THEN RETURN json_build_object('outcome', 'conferenceCancelled', 'sessionId', o.session_id); END IF;
  IF o.expires_at <= v_now THEN
    -- Its window ran out before the expiry pass came by: it ends now, as that pass would end it.
    PERFORM places_offer_end(p_offer_id, 'EXPIRED', v_now);
    RETURN json_build_object('outcome', 'expired', 'sessionId', o.session_id);
  END IF;
  IF NOT p_claim THEN
    PERFORM places_offer_end(p_offer_id, 'DECLINED', v_now);
    RETURN json_build_object('outcome', 'declined', 'sessionId', o.session_id);
  END IF;

  UPDATE place_offers SET status = 'CLAIMED', open_key = NULL, decided_at = v_now WHERE id = p_offer_id;
  -- The held place is this person's; should an organiser have lowered the capacity below what was held
  -- meanwhile, there is none, and the offer is withdrawn rather than a place sold twice.
  IF o.session_id IS NULL THEN
    v_room := (SELECT COALESCE(p.confirmed + p.offered, 0) FROM conference_places p WHERE p.conference_id = o.conference_id) < o.capacity;
  ELSE
    v_room := (SELECT s.capacity IS NULL OR COALESCE(sp.confirmed + sp.offered, 0) < s.capacity
                 FROM programme_sessions s LEFT JOIN session_places sp ON sp.session_id = s.id WHERE s.id = o.session_id);
  END IF;
  IF NOT COALESCE(v_room, FALSE) THEN
    UPDATE place_offers SET status = 'WITHDRAWN' WHERE id = p_offer_id;
    RETURN json_build_object('outcome', 'withdrawn', 'sessionId', o.session_id);
  END IF;
  IF o.session_id IS NULL THEN
    UPDATE registrations SET status = 'CONFIRMED', confirmed_at = v_now, updated_at = v_now
     WHERE id = p_registration_id AND status = 'WAITLISTED';
    PERFORM places_enqueue(p_registration_id, jsonb_build_object('template', 'promoted'));
  ELSE
    UPDATE workshop_choices SET status = 'CONFIRMED', updated_at = v_now
     WHERE registration_id = p_registration_id AND session_id = o.session_id AND status = 'WAITLISTED';
    UPDATE registrations SET updated_at = v_now WHERE id = p_registration_id;
    PERFORM places_enqueue(p_registration_id, jsonb_build_object('template', 'workshopPromoted', 'sessionId', o.session_id));
  END IF;
  -- With a conference place now, their workshops' waiting lists count them in.
  PERFORM places_fill_at(o.conference_id, v_now);
  RETURN json_build_object('outcome', 'claimed', 'sessionId', o.session_id);
END;
$$;

-- Ends every open offer whose window ran out at p_now (the clock; a test sets it) and offers each place to the
-- next person; returns how many ended. Every instance's mail worker calls it on each pass: each conference's
-- offers are ended under its places lock and only while still open, so two instances at once end each offer
-- once (the second waits for the first's lock, then finds them decided). Conferences are locked in id order, so
-- two passes cannot deadlock; a pass that times out on a busy lock is rolled back whole and tried again next pass.
CREATE OR REPLACE FUNCTION "places_offers_expire"(p_now TIMESTAMPTZ)
RETURNS INT LANGUAGE plpgsql AS $$
DECLARE
  v_conference_id TEXT;
  v_offer_id TEXT;
  v_ended INT := 0;
BEGIN
  FOR v_conference_id IN
    SELECT DISTINCT o.conference_id FROM place_offers o WHERE o.status = 'OPEN' AND o.expires_at <= p_now ORDER BY 1
  LOOP
    PERFORM places_lock(v_conference_id);
    FOR v_offer_id IN
      SELECT o.id FROM place_offers o
       WHERE o.conference_id = v_conference_id AND o.status = 'OPEN' AND o.expires_at <= p_now
       ORDER BY o.expires_at, o.id
    LOOP
      -- Ending one offer can make another (for the next person): those are open until later than p_now.
      PERFORM places_offer_end(v_offer_id, 'EXPIRED', p_now);
      v_ended := v_ended + 1;
    END LOOP;
  END LOOP;
  RETURN v_ended;
END;
$$;

-- conference_places.offered and session_places.offered: the places held by open offers.
CREATE OR REPLACE FUNCTION "place_offers_count_places"()
RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.status = 'OPEN' THEN
    IF OLD.session_id IS NULL THEN
      UPDATE conference_places SET offered = offered - 1 WHERE conference_id = OLD.conference_id;
    ELSE
      UPDATE session_places SET offered = offered - 1 WHERE session_id = OLD.session_id;
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.status = 'OPEN' THEN
    IF NEW.session_id IS NULL THEN
      INSERT INTO conference_places AS p (conference_id, offered) VALUES (NEW.conference_id, 1)
      ON CONFLICT (conference_id) DO UPDATE SET offered = p.offered + 1;
    ELSE
      INSERT INTO session_places AS p (session_id, offered) VALUES (NEW.session_id, 1)
      ON CONFLICT (session_id) DO UPDATE SET offered = p.offered + 1;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

-- An offer whose reason is gone ends without an answer: its person cancelled or was erased (every open offer of
-- theirs), or got the conference place another way (their conference offer).
CREATE OR REPLACE FUNCTION "place_offers_withdraw_for_registration"()
RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  UPDATE place_offers SET status = 'WITHDRAWN', open_key = NULL, decided_at = clock_timestamp()
   WHERE registration_id = NEW.id AND status = 'OPEN'
     AND (NEW.status = 'CANCELLED' OR open_key = 'conference');
  RETURN NULL;
END;
$$;

-- The same for a workshop offer when the person's waiting choice of that workshop goes or changes.
CREATE OR REPLACE FUNCTION "place_offers_withdraw_for_choice"()
RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.status <> 'WAITLISTED' OR NEW.session_id <> OLD.session_id THEN
    UPDATE place_offers SET status = 'WITHDRAWN', open_key = NULL, decided_at = clock_timestamp()
     WHERE registration_id = OLD.registration_id AND open_key = OLD.session_id;
  END IF;
  RETURN NULL;
END;
$$;
