-- A scan's nonce was unique across every organisation's doors: one organisation's scanner could make another's
-- scans vanish by sending the same nonce first (the second was answered as a resend). Unique per conference now.

-- DropIndex
DROP INDEX "check_ins_client_nonce_key";

-- CreateIndex
CREATE UNIQUE INDEX "check_ins_conference_id_client_nonce_key" ON "check_ins"("conference_id", "client_nonce");
