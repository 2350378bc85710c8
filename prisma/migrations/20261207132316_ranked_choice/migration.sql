-- Workshop allocation by ranked choice (issue 13, part 2): a round is handed out first come, first served, or by
-- the attendees' rankings all at once when the organiser publishes the allocation (lib/places/allocation.ts).

-- CreateEnum
CREATE TYPE "AllocationMode" AS ENUM ('FIRST_COME', 'RANKED');

-- AlterTable
ALTER TABLE "workshop_rounds" ADD COLUMN     "allocated_at" TIMESTAMPTZ(3),
ADD COLUMN     "allocation" "AllocationMode" NOT NULL DEFAULT 'FIRST_COME',
ADD COLUMN     "lottery_seed" TEXT,
ADD COLUMN     "ranking_closes_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "workshop_preferences" (
    "registration_id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workshop_preferences_pkey" PRIMARY KEY ("registration_id","session_id")
);

-- CreateIndex
CREATE INDEX "workshop_preferences_round_id_idx" ON "workshop_preferences"("round_id");

-- CreateIndex
CREATE UNIQUE INDEX "workshop_preferences_registration_id_round_id_rank_key" ON "workshop_preferences"("registration_id", "round_id", "rank");

-- AddForeignKey
ALTER TABLE "workshop_preferences" ADD CONSTRAINT "workshop_preferences_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workshop_preferences" ADD CONSTRAINT "workshop_preferences_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "workshop_rounds"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workshop_preferences" ADD CONSTRAINT "workshop_preferences_session_id_round_id_fkey" FOREIGN KEY ("session_id", "round_id") REFERENCES "programme_sessions"("id", "workshop_round_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A rank is 1 or more; a RANKED round knows when its rankings close.
ALTER TABLE "workshop_preferences" ADD CONSTRAINT "workshop_preferences_rank_positive" CHECK ("rank" >= 1);
ALTER TABLE "workshop_rounds" ADD CONSTRAINT "workshop_rounds_ranked_closes" CHECK ("allocation" = 'FIRST_COME' OR "ranking_closes_at" IS NOT NULL);
