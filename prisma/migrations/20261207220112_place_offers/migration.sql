-- CreateEnum
CREATE TYPE "OfferStatus" AS ENUM ('OPEN', 'CLAIMED', 'DECLINED', 'EXPIRED', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "conference_places" ADD COLUMN     "offered" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "conferences" ADD COLUMN     "offer_claim_hours" INTEGER NOT NULL DEFAULT 12,
ADD COLUMN     "offers_hours_before" INTEGER;

-- AlterTable
ALTER TABLE "session_places" ADD COLUMN     "offered" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "place_offers" (
    "id" TEXT NOT NULL,
    "conference_id" TEXT NOT NULL,
    "registration_id" TEXT NOT NULL,
    "session_id" TEXT,
    "status" "OfferStatus" NOT NULL DEFAULT 'OPEN',
    "open_key" TEXT,
    "offered_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "place_offers_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "place_offers_conference_id_status_idx" ON "place_offers"("conference_id", "status");

-- CreateIndex
CREATE INDEX "place_offers_status_expires_at_idx" ON "place_offers"("status", "expires_at");

-- CreateIndex
CREATE INDEX "place_offers_session_id_idx" ON "place_offers"("session_id");

-- CreateIndex
CREATE UNIQUE INDEX "place_offers_registration_id_open_key_key" ON "place_offers"("registration_id", "open_key");

-- AddForeignKey
ALTER TABLE "place_offers" ADD CONSTRAINT "place_offers_conference_id_fkey" FOREIGN KEY ("conference_id") REFERENCES "conferences"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "place_offers" ADD CONSTRAINT "place_offers_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "place_offers" ADD CONSTRAINT "place_offers_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "programme_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Offers from 1 hour to 30 days before the start, each with a claim window of 1 hour to 7 days.
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_offers_hours_before" CHECK ("offers_hours_before" IS NULL OR "offers_hours_before" BETWEEN 1 AND 720);
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_offer_claim_hours" CHECK ("offer_claim_hours" BETWEEN 1 AND 168);
-- An open offer has its key (the session, or "conference"); a decided one has none and its moment.
ALTER TABLE "place_offers" ADD CONSTRAINT "place_offers_open_key" CHECK (
  ("status" = 'OPEN') = ("open_key" IS NOT NULL)
  AND ("open_key" IS NULL OR "open_key" = COALESCE("session_id", 'conference'))
  AND (("status" = 'OPEN') = ("decided_at" IS NULL)));
-- The held places are never negative: a count that went below zero is a bug, not a number to show.
ALTER TABLE "conference_places" ADD CONSTRAINT "conference_places_offered" CHECK ("offered" >= 0);
ALTER TABLE "session_places" ADD CONSTRAINT "session_places_offered" CHECK ("offered" >= 0);

-- The triggers that keep the held counts and end offers whose reason is gone. Their functions' live text is
-- prisma/sql/places.sql (applied after this migration); these placeholders exist so the triggers can be made now.
CREATE OR REPLACE FUNCTION "place_offers_count_places"() RETURNS TRIGGER LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END; $$;
CREATE OR REPLACE FUNCTION "place_offers_withdraw_for_registration"() RETURNS TRIGGER LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END; $$;
CREATE OR REPLACE FUNCTION "place_offers_withdraw_for_choice"() RETURNS TRIGGER LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END; $$;

CREATE TRIGGER "place_offers_count_places" AFTER INSERT OR UPDATE OF status OR DELETE ON "place_offers"
FOR EACH ROW EXECUTE FUNCTION place_offers_count_places();
CREATE TRIGGER "place_offers_withdraw_for_registration" AFTER UPDATE OF status ON "registrations"
FOR EACH ROW WHEN (OLD.status = 'WAITLISTED' AND NEW.status <> 'WAITLISTED' OR NEW.status = 'CANCELLED' AND OLD.status <> 'CANCELLED')
EXECUTE FUNCTION place_offers_withdraw_for_registration();
CREATE TRIGGER "place_offers_withdraw_for_choice" AFTER UPDATE OR DELETE ON "workshop_choices"
FOR EACH ROW WHEN (OLD.status = 'WAITLISTED')
EXECUTE FUNCTION place_offers_withdraw_for_choice();
