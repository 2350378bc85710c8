-- AlterTable
ALTER TABLE "conferences" ADD COLUMN     "still_coming_days" INTEGER;

-- AlterTable
ALTER TABLE "registrations" ADD COLUMN     "coming_confirmed_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "still_coming_requests" (
    "registration_id" TEXT NOT NULL,
    "queued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "still_coming_requests_pkey" PRIMARY KEY ("registration_id")
);

-- AddForeignKey
ALTER TABLE "still_coming_requests" ADD CONSTRAINT "still_coming_requests_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Asked between one and thirty days before the start, or not at all.
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_still_coming_days" CHECK ("still_coming_days" IS NULL OR "still_coming_days" BETWEEN 1 AND 30);
