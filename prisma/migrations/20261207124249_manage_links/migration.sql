-- Every manage link an attendee received keeps working until the registration is erased. A registration held
-- one token hash, and each later email (signing up again with the same address, a promotion from a waiting
-- list) replaced it, so the link in the first email led to "Deze pagina bestaat niet". Links are rows now.

-- CreateTable
CREATE TABLE "manage_links" (
    "token_hash" TEXT NOT NULL,
    "registration_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "manage_links_pkey" PRIMARY KEY ("token_hash")
);

-- CreateIndex
CREATE INDEX "manage_links_registration_id_idx" ON "manage_links"("registration_id");

-- AddForeignKey
ALTER TABLE "manage_links" ADD CONSTRAINT "manage_links_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The link each registration has now keeps working; an erased registration's link was already dead.
INSERT INTO "manage_links" ("token_hash", "registration_id", "created_at")
SELECT "manage_token_hash", "id", "updated_at" FROM "registrations" WHERE "erased_at" IS NULL;

-- DropIndex
DROP INDEX "registrations_manage_token_hash_key";

-- AlterTable
ALTER TABLE "registrations" DROP COLUMN "manage_token_hash";
