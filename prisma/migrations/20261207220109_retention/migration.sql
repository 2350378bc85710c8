-- CreateEnum
CREATE TYPE "RetentionStep" AS ENUM ('NEEDS', 'PERSONAL_DATA');

-- AlterTable
ALTER TABLE "organisations" ADD COLUMN     "needs_retention_days" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "retention_months" INTEGER NOT NULL DEFAULT 12;

-- CreateTable
CREATE TABLE "retention_purges" (
    "conference_id" TEXT NOT NULL,
    "step" "RetentionStep" NOT NULL,
    "purged_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "registrations" INTEGER NOT NULL,

    CONSTRAINT "retention_purges_pkey" PRIMARY KEY ("conference_id","step")
);

-- AddForeignKey
ALTER TABLE "retention_purges" ADD CONSTRAINT "retention_purges_conference_id_fkey" FOREIGN KEY ("conference_id") REFERENCES "conferences"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The bounds the settings form offers (lib/retention/schema.ts), kept by the database too.
ALTER TABLE "organisations"
  ADD CONSTRAINT "organisations_retention_months_range" CHECK ("retention_months" BETWEEN 1 AND 120),
  ADD CONSTRAINT "organisations_needs_retention_days_range" CHECK ("needs_retention_days" BETWEEN 1 AND 365);
ALTER TABLE "retention_purges" ADD CONSTRAINT "retention_purges_registrations_non_negative" CHECK ("registrations" >= 0);
