-- AlterTable
ALTER TABLE "conferences" ADD COLUMN     "certificates_enabled" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "conference_accreditations" (
    "conference_id" TEXT NOT NULL,
    "register" TEXT NOT NULL,
    "code" TEXT NOT NULL,

    CONSTRAINT "conference_accreditations_pkey" PRIMARY KEY ("conference_id","register")
);

-- CreateTable
CREATE TABLE "session_credits" (
    "session_id" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,

    CONSTRAINT "session_credits_pkey" PRIMARY KEY ("session_id")
);

-- CreateTable
CREATE TABLE "session_accreditations" (
    "session_id" TEXT NOT NULL,
    "register" TEXT NOT NULL,
    "code" TEXT NOT NULL,

    CONSTRAINT "session_accreditations_pkey" PRIMARY KEY ("session_id","register")
);

-- CreateTable
CREATE TABLE "registry_numbers" (
    "registration_id" TEXT NOT NULL,
    "register" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "consented_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "registry_numbers_pkey" PRIMARY KEY ("registration_id","register")
);

-- CreateTable
CREATE TABLE "certificates" (
    "id" TEXT NOT NULL,
    "conference_id" TEXT NOT NULL,
    "registration_id" TEXT,
    "verification_code" TEXT NOT NULL,
    "holder_name" TEXT NOT NULL,
    "conference_title" TEXT NOT NULL,
    "conference_starts_at" TIMESTAMPTZ(3) NOT NULL,
    "minutes" INTEGER NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by_user_id" TEXT,

    CONSTRAINT "certificates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "certificates_registration_id_key" ON "certificates"("registration_id");

-- CreateIndex
CREATE UNIQUE INDEX "certificates_verification_code_key" ON "certificates"("verification_code");

-- CreateIndex
CREATE INDEX "certificates_conference_id_idx" ON "certificates"("conference_id");

-- AddForeignKey
ALTER TABLE "conference_accreditations" ADD CONSTRAINT "conference_accreditations_conference_id_fkey" FOREIGN KEY ("conference_id") REFERENCES "conferences"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_credits" ADD CONSTRAINT "session_credits_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "programme_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_accreditations" ADD CONSTRAINT "session_accreditations_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "programme_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registry_numbers" ADD CONSTRAINT "registry_numbers_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_conference_id_fkey" FOREIGN KEY ("conference_id") REFERENCES "conferences"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_revoked_by_user_id_fkey" FOREIGN KEY ("revoked_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- What the domain promises, kept by the database (lib/certificates/registers.ts names the registers).
ALTER TABLE "session_credits" ADD CONSTRAINT "session_credits_minutes" CHECK ("minutes" > 0 AND "minutes" <= 1440);
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_minutes" CHECK ("minutes" >= 0);
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_code_length" CHECK (length("verification_code") >= 26);
ALTER TABLE "conference_accreditations" ADD CONSTRAINT "conference_accreditations_register" CHECK ("register" IN ('SKJ', 'REGISTERPLEIN', 'VVN', 'BIG'));
ALTER TABLE "session_accreditations" ADD CONSTRAINT "session_accreditations_register" CHECK ("register" IN ('SKJ', 'REGISTERPLEIN', 'VVN', 'BIG'));
ALTER TABLE "registry_numbers" ADD CONSTRAINT "registry_numbers_register" CHECK ("register" IN ('SKJ', 'REGISTERPLEIN', 'VVN', 'BIG'));

-- An erased registration keeps no registry numbers (the function is in prisma/sql/certificates.sql, repeated
-- here because a trigger needs its function to exist when it is created).
CREATE OR REPLACE FUNCTION "certificates_on_erase"()
RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM registry_numbers WHERE registration_id = NEW.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "registrations_certificates_on_erase"
AFTER UPDATE OF erased_at ON registrations
FOR EACH ROW WHEN (OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL)
EXECUTE FUNCTION certificates_on_erase();
