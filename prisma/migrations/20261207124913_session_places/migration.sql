-- Per-workshop counts, kept by a trigger as conference_places is: every page, form and decision read the
-- places a workshop has left from one place instead of counting choices in four ways. The function's live
-- text is prisma/sql/places.sql (applied after this migration); it is created here too because the trigger
-- needs it now.

-- CreateTable
CREATE TABLE "session_places" (
    "session_id" TEXT NOT NULL,
    "confirmed" INTEGER NOT NULL DEFAULT 0,
    "waitlisted" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "session_places_pkey" PRIMARY KEY ("session_id")
);

-- AddForeignKey
ALTER TABLE "session_places" ADD CONSTRAINT "session_places_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "programme_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A count below zero is a counting bug: refused at once rather than shown as places left.
ALTER TABLE "session_places" ADD CONSTRAINT "session_places_non_negative" CHECK ("confirmed" >= 0 AND "waitlisted" >= 0);
ALTER TABLE "conference_places" ADD CONSTRAINT "conference_places_non_negative" CHECK ("confirmed" >= 0 AND "waitlisted" >= 0);

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

CREATE TRIGGER "workshop_choices_count_places"
AFTER INSERT OR DELETE OR UPDATE OF status, session_id ON workshop_choices
FOR EACH ROW EXECUTE FUNCTION workshop_choices_count_places();

INSERT INTO session_places (session_id, confirmed, waitlisted)
SELECT session_id, count(*) FILTER (WHERE status = 'CONFIRMED'), count(*) FILTER (WHERE status = 'WAITLISTED')
  FROM workshop_choices GROUP BY session_id;
