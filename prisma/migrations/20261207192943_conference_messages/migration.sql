-- CreateTable
CREATE TABLE "conference_messages" (
    "id" TEXT NOT NULL,
    "conference_id" TEXT NOT NULL,
    "segment" JSONB NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sent_by_user_id" TEXT,
    "recipient_count" INTEGER NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conference_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "message_recipients" (
    "message_id" TEXT NOT NULL,
    "registration_id" TEXT NOT NULL,

    CONSTRAINT "message_recipients_pkey" PRIMARY KEY ("message_id","registration_id")
);

-- CreateIndex
CREATE INDEX "conference_messages_conference_id_sent_at_idx" ON "conference_messages"("conference_id", "sent_at");

-- CreateIndex
CREATE INDEX "message_recipients_registration_id_idx" ON "message_recipients"("registration_id");

-- AddForeignKey
ALTER TABLE "conference_messages" ADD CONSTRAINT "conference_messages_conference_id_fkey" FOREIGN KEY ("conference_id") REFERENCES "conferences"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conference_messages" ADD CONSTRAINT "conference_messages_sent_by_user_id_fkey" FOREIGN KEY ("sent_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_recipients" ADD CONSTRAINT "message_recipients_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "conference_messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_recipients" ADD CONSTRAINT "message_recipients_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A message says something: the editor refuses empty ones, and so does the database.
ALTER TABLE "conference_messages"
  ADD CONSTRAINT "conference_messages_text" CHECK (btrim("subject") <> '' AND btrim("body") <> ''),
  ADD CONSTRAINT "conference_messages_count" CHECK ("recipient_count" >= 0);
