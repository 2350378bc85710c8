-- A short code for the door (issue 14, item 8): a host cannot type the ticket code's 26 characters while a queue
-- waits, so every registration gets 6 characters derived one way from its ticket code (SHA-256): knowing the door
-- code says nothing about the ticket code, so the QR code's secret is as strong as before. Not unique: within a
-- conference two people can share one, and the door then asks which of the two it is. The functions' live text is
-- prisma/sql/checkin.sql (applied after this migration); they are created here too because the trigger and the
-- backfill need them now.

-- AlterTable
ALTER TABLE "registrations" ADD COLUMN     "door_code" TEXT;

-- CreateIndex
CREATE INDEX "registrations_conference_id_door_code_idx" ON "registrations"("conference_id", "door_code");

CREATE OR REPLACE FUNCTION "checkin_door_code"(p_ticket_code TEXT)
RETURNS TEXT LANGUAGE sql STABLE STRICT AS $$
  SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((h.bits >> (25 - 5 * i)) & 31)::int + 1, 1), '' ORDER BY i)
    FROM (SELECT ('x' || left(encode(sha256(convert_to('podium-door-code:' || p_ticket_code, 'UTF8')), 'hex'), 8))::bit(32)::bigint >> 2 AS bits) h,
         generate_series(0, 5) AS i
$$;

CREATE OR REPLACE FUNCTION "registrations_door_code"()
RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  NEW.door_code := checkin_door_code(NEW.ticket_code);
  RETURN NEW;
END;
$$;

CREATE TRIGGER "registrations_door_code"
BEFORE INSERT OR UPDATE OF ticket_code, door_code ON registrations
FOR EACH ROW EXECUTE FUNCTION registrations_door_code();

UPDATE "registrations" SET "door_code" = checkin_door_code("ticket_code");
