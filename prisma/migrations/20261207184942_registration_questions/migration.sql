-- CreateEnum
CREATE TYPE "QuestionType" AS ENUM ('SHORT_TEXT', 'LONG_TEXT', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'YES_NO', 'NUMBER', 'DATE');

-- CreateTable
CREATE TABLE "registration_questions" (
    "id" TEXT NOT NULL,
    "conference_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "type" "QuestionType" NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "label_nl" TEXT NOT NULL,
    "label_en" TEXT NOT NULL,
    "help_nl" TEXT,
    "help_en" TEXT,
    "options" JSONB NOT NULL DEFAULT '[]',
    "condition_question_id" TEXT,
    "condition_value" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "registration_questions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "registration_answers" (
    "registration_id" TEXT NOT NULL,
    "question_id" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "question_version" INTEGER NOT NULL,
    "label_nl" TEXT NOT NULL,
    "label_en" TEXT NOT NULL,
    "text_nl" TEXT NOT NULL,
    "text_en" TEXT NOT NULL,
    "answered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "registration_answers_pkey" PRIMARY KEY ("registration_id","question_id")
);

-- CreateIndex
CREATE INDEX "registration_questions_condition_question_id_idx" ON "registration_questions"("condition_question_id");

-- CreateIndex
CREATE UNIQUE INDEX "registration_questions_conference_id_position_key" ON "registration_questions"("conference_id", "position");

-- CreateIndex
CREATE INDEX "registration_answers_question_id_idx" ON "registration_answers"("question_id");

-- AddForeignKey
ALTER TABLE "registration_questions" ADD CONSTRAINT "registration_questions_conference_id_fkey" FOREIGN KEY ("conference_id") REFERENCES "conferences"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registration_questions" ADD CONSTRAINT "registration_questions_condition_question_id_fkey" FOREIGN KEY ("condition_question_id") REFERENCES "registration_questions"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registration_answers" ADD CONSTRAINT "registration_answers_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registration_answers" ADD CONSTRAINT "registration_answers_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "registration_questions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What Prisma's schema cannot say (issue 16). A question reads the same in both languages, so both labels are
-- needed; the choice types have options and the others none; a condition names both the earlier question and
-- the answer it waits for, and never the question itself.
ALTER TABLE "registration_questions"
  ADD CONSTRAINT "registration_questions_labels" CHECK (btrim("label_nl") <> '' AND btrim("label_en") <> ''),
  ADD CONSTRAINT "registration_questions_position" CHECK ("position" >= 0),
  ADD CONSTRAINT "registration_questions_version" CHECK ("version" >= 1),
  ADD CONSTRAINT "registration_questions_options" CHECK (
    jsonb_typeof("options") = 'array'
    AND ("type" IN ('SINGLE_CHOICE', 'MULTIPLE_CHOICE')) = (jsonb_array_length("options") > 0)),
  ADD CONSTRAINT "registration_questions_condition" CHECK (
    ("condition_question_id" IS NULL) = ("condition_value" IS NULL)
    AND "condition_question_id" IS DISTINCT FROM "id");

-- An answer is a string, a list of option ids, a yes/no or a number (lib/questions/schema.ts), never empty.
ALTER TABLE "registration_answers"
  ADD CONSTRAINT "registration_answers_value" CHECK (
    jsonb_typeof("value") IN ('string', 'number', 'boolean')
    OR (jsonb_typeof("value") = 'array' AND jsonb_array_length("value") > 0)),
  ADD CONSTRAINT "registration_answers_not_blank" CHECK ("value" <> '""'::jsonb);
