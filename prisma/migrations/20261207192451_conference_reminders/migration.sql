-- AlterTable
ALTER TABLE "conferences" ADD COLUMN     "reminder_day_before" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "reminder_week_before" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "reminder_deliveries" (
    "registration_id" TEXT NOT NULL,
    "days_before" INTEGER NOT NULL,
    "queued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reminder_deliveries_pkey" PRIMARY KEY ("registration_id","days_before")
);

-- AddForeignKey
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Only the two reminders the conference editor offers.
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_days" CHECK ("days_before" IN (1, 7));
