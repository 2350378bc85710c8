-- AlterTable
ALTER TABLE "email_outbox" ADD COLUMN     "registration_id" TEXT;

-- CreateIndex
CREATE INDEX "email_outbox_registration_id_idx" ON "email_outbox"("registration_id");
