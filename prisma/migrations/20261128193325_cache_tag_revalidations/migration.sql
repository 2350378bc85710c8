-- CreateTable
CREATE TABLE "cache_tag_revalidations" (
    "tag" TEXT NOT NULL,
    "stale_at" TIMESTAMPTZ(3) NOT NULL,
    "expired_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cache_tag_revalidations_pkey" PRIMARY KEY ("tag")
);

-- CreateIndex
CREATE INDEX "cache_tag_revalidations_updated_at_idx" ON "cache_tag_revalidations"("updated_at");
