-- The organisation's logo on its badges (issue 14, item 12): one of its own photos, re-encoded like every upload.

-- AlterTable
ALTER TABLE "organisations" ADD COLUMN     "logo_photo_id" TEXT;

-- AddForeignKey
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_logo_photo_id_fkey" FOREIGN KEY ("logo_photo_id") REFERENCES "photos"("id") ON DELETE SET NULL ON UPDATE CASCADE;
