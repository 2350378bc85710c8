-- pg_trgm first: the registrations search index below uses it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OWNER', 'ORGANISER', 'HOST');

-- CreateEnum
CREATE TYPE "ConferenceStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "SessionKind" AS ENUM ('WELCOME', 'KEYNOTE', 'TALK', 'WORKSHOP', 'PANEL', 'BREAK', 'NETWORKING');

-- CreateEnum
CREATE TYPE "SpeakerPart" AS ENUM ('SPEAKER', 'MODERATOR', 'HOST');

-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('CONFIRMED', 'WAITLISTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RegistrationSource" AS ENUM ('ONLINE', 'WALK_IN');

-- CreateEnum
CREATE TYPE "ChoiceStatus" AS ENUM ('CONFIRMED', 'WAITLISTED');

-- CreateEnum
CREATE TYPE "CheckInMethod" AS ENUM ('QR', 'SEARCH', 'MANUAL');

-- CreateEnum
CREATE TYPE "CheckInAction" AS ENUM ('CHECK_IN', 'UNDO');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'SCHEDULED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "organisations" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "website" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organisations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT NOT NULL,
    "email_verified" TIMESTAMPTZ(3),
    "image" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'nl',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "user_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_account_id" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("provider","provider_account_id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "session_token" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL
);

-- CreateTable
CREATE TABLE "verification_tokens" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "verification_tokens_pkey" PRIMARY KEY ("identifier","token")
);

-- CreateTable
CREATE TABLE "memberships" (
    "id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member_invitations" (
    "id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "invited_by_id" TEXT,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "member_invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "venues" (
    "id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "postal_code" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "country" TEXT NOT NULL DEFAULT 'NL',
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "accessibility_notes" TEXT,
    "website" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "venues_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rooms" (
    "id" TEXT NOT NULL,
    "venue_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rooms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conferences" (
    "id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "subtitle" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "time_zone" TEXT NOT NULL DEFAULT 'Europe/Amsterdam',
    "venue_id" TEXT,
    "capacity" INTEGER NOT NULL,
    "registration_opens_at" TIMESTAMPTZ(3),
    "registration_closes_at" TIMESTAMPTZ(3),
    "status" "ConferenceStatus" NOT NULL DEFAULT 'DRAFT',
    "cover_photo_id" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conferences_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "speakers" (
    "id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT,
    "affiliation" TEXT,
    "bio" TEXT NOT NULL DEFAULT '',
    "photo_id" TEXT,
    "links" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "speakers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workshop_rounds" (
    "id" TEXT NOT NULL,
    "conference_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "workshop_rounds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "programme_sessions" (
    "id" TEXT NOT NULL,
    "conference_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" "SessionKind" NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "room_id" TEXT,
    "workshop_round_id" TEXT,
    "capacity" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "programme_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session_speakers" (
    "session_id" TEXT NOT NULL,
    "speaker_id" TEXT NOT NULL,
    "part" "SpeakerPart" NOT NULL DEFAULT 'SPEAKER',
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "session_speakers_pkey" PRIMARY KEY ("session_id","speaker_id")
);

-- CreateTable
CREATE TABLE "registrations" (
    "id" TEXT NOT NULL,
    "conference_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "active_email_key" TEXT,
    "search_text" TEXT NOT NULL DEFAULT '',
    "organisation" TEXT,
    "job_role" TEXT,
    "dietary_needs" TEXT,
    "accessibility_needs" TEXT,
    "host_note" TEXT,
    "privacy_consent_at" TIMESTAMPTZ(3) NOT NULL,
    "photo_consent" BOOLEAN NOT NULL DEFAULT false,
    "newsletter_opt_in" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL DEFAULT 'nl',
    "status" "RegistrationStatus" NOT NULL,
    "source" "RegistrationSource" NOT NULL DEFAULT 'ONLINE',
    "ticket_code" TEXT NOT NULL,
    "manage_token_hash" TEXT NOT NULL,
    "idempotency_key" TEXT,
    "waitlisted_at" TIMESTAMPTZ(3),
    "confirmed_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "erased_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "registrations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workshop_choices" (
    "id" TEXT NOT NULL,
    "registration_id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "status" "ChoiceStatus" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "workshop_choices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "check_ins" (
    "id" TEXT NOT NULL,
    "conference_id" TEXT NOT NULL,
    "registration_id" TEXT NOT NULL,
    "action" "CheckInAction" NOT NULL DEFAULT 'CHECK_IN',
    "undoes_id" TEXT,
    "method" "CheckInMethod" NOT NULL,
    "scanned_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "host_user_id" TEXT,
    "device_id" TEXT NOT NULL,
    "client_nonce" TEXT NOT NULL,
    "duplicate" BOOLEAN NOT NULL DEFAULT false,
    "late_upload" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "check_ins_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "photos" (
    "id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL DEFAULT 0,
    "alt_text" TEXT NOT NULL,
    "caption" TEXT,
    "credit" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "photos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reports" (
    "id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "lead" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "cover_photo_id" TEXT,
    "author_name" TEXT,
    "author_user_id" TEXT,
    "conference_id" TEXT,
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_speakers" (
    "report_id" TEXT NOT NULL,
    "speaker_id" TEXT NOT NULL,

    CONSTRAINT "report_speakers_pkey" PRIMARY KEY ("report_id","speaker_id")
);

-- CreateTable
CREATE TABLE "report_quotes" (
    "id" TEXT NOT NULL,
    "report_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attribution" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "report_quotes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_links" (
    "id" TEXT NOT NULL,
    "report_id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "report_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_photos" (
    "report_id" TEXT NOT NULL,
    "photo_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "report_photos_pkey" PRIMARY KEY ("report_id","photo_id")
);

-- CreateTable
CREATE TABLE "dossiers" (
    "id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dossiers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dossier_reports" (
    "dossier_id" TEXT NOT NULL,
    "report_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "dossier_reports_pkey" PRIMARY KEY ("dossier_id","report_id")
);

-- CreateTable
CREATE TABLE "newsletter_subscribers" (
    "id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_key" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'nl',
    "confirm_token_hash" TEXT,
    "unsubscribe_token_hash" TEXT NOT NULL,
    "confirmed_at" TIMESTAMPTZ(3),
    "unsubscribed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "newsletter_subscribers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_outbox" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text_body" TEXT NOT NULL,
    "html_body" TEXT,
    "attachments" JSONB NOT NULL DEFAULT '[]',
    "headers" JSONB NOT NULL DEFAULT '{}',
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "message_id" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "actor_user_id" TEXT,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit_buckets" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "rate_limit_buckets_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "organisations_slug_key" ON "organisations"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_session_token_key" ON "sessions"("session_token");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "memberships_user_id_idx" ON "memberships"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "memberships_organisation_id_user_id_key" ON "memberships"("organisation_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "member_invitations_token_hash_key" ON "member_invitations"("token_hash");

-- CreateIndex
CREATE INDEX "member_invitations_organisation_id_idx" ON "member_invitations"("organisation_id");

-- CreateIndex
CREATE INDEX "venues_organisation_id_idx" ON "venues"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "rooms_venue_id_name_key" ON "rooms"("venue_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "conferences_slug_key" ON "conferences"("slug");

-- CreateIndex
CREATE INDEX "conferences_organisation_id_starts_at_idx" ON "conferences"("organisation_id", "starts_at");

-- CreateIndex
CREATE INDEX "conferences_status_starts_at_idx" ON "conferences"("status", "starts_at");

-- CreateIndex
CREATE UNIQUE INDEX "speakers_organisation_id_slug_key" ON "speakers"("organisation_id", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "workshop_rounds_conference_id_position_key" ON "workshop_rounds"("conference_id", "position");

-- CreateIndex
CREATE INDEX "programme_sessions_conference_id_starts_at_idx" ON "programme_sessions"("conference_id", "starts_at");

-- CreateIndex
CREATE INDEX "programme_sessions_workshop_round_id_idx" ON "programme_sessions"("workshop_round_id");

-- CreateIndex
CREATE UNIQUE INDEX "programme_sessions_id_workshop_round_id_key" ON "programme_sessions"("id", "workshop_round_id");

-- CreateIndex
CREATE INDEX "session_speakers_speaker_id_idx" ON "session_speakers"("speaker_id");

-- CreateIndex
CREATE UNIQUE INDEX "registrations_ticket_code_key" ON "registrations"("ticket_code");

-- CreateIndex
CREATE UNIQUE INDEX "registrations_manage_token_hash_key" ON "registrations"("manage_token_hash");

-- CreateIndex
CREATE INDEX "registrations_conference_id_status_waitlisted_at_idx" ON "registrations"("conference_id", "status", "waitlisted_at");

-- CreateIndex
CREATE INDEX "registrations_conference_id_created_at_idx" ON "registrations"("conference_id", "created_at");

-- CreateIndex
CREATE INDEX "registrations_search_text_trgm_idx" ON "registrations" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "registrations_conference_id_active_email_key_key" ON "registrations"("conference_id", "active_email_key");

-- CreateIndex
CREATE UNIQUE INDEX "registrations_conference_id_idempotency_key_key" ON "registrations"("conference_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "workshop_choices_session_id_status_created_at_idx" ON "workshop_choices"("session_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "workshop_choices_round_id_idx" ON "workshop_choices"("round_id");

-- CreateIndex
CREATE UNIQUE INDEX "workshop_choices_registration_id_round_id_key" ON "workshop_choices"("registration_id", "round_id");

-- CreateIndex
CREATE UNIQUE INDEX "check_ins_undoes_id_key" ON "check_ins"("undoes_id");

-- CreateIndex
CREATE UNIQUE INDEX "check_ins_client_nonce_key" ON "check_ins"("client_nonce");

-- CreateIndex
CREATE INDEX "check_ins_conference_id_received_at_idx" ON "check_ins"("conference_id", "received_at");

-- CreateIndex
CREATE INDEX "check_ins_registration_id_idx" ON "check_ins"("registration_id");

-- CreateIndex
CREATE UNIQUE INDEX "photos_file_key" ON "photos"("file");

-- CreateIndex
CREATE INDEX "photos_organisation_id_idx" ON "photos"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "reports_slug_key" ON "reports"("slug");

-- CreateIndex
CREATE INDEX "reports_status_published_at_idx" ON "reports"("status", "published_at");

-- CreateIndex
CREATE INDEX "reports_organisation_id_updated_at_idx" ON "reports"("organisation_id", "updated_at");

-- CreateIndex
CREATE INDEX "reports_conference_id_idx" ON "reports"("conference_id");

-- CreateIndex
CREATE INDEX "report_speakers_speaker_id_idx" ON "report_speakers"("speaker_id");

-- CreateIndex
CREATE UNIQUE INDEX "report_quotes_report_id_position_key" ON "report_quotes"("report_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "report_links_report_id_position_key" ON "report_links"("report_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "report_photos_report_id_position_key" ON "report_photos"("report_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "dossiers_slug_key" ON "dossiers"("slug");

-- CreateIndex
CREATE INDEX "dossier_reports_report_id_idx" ON "dossier_reports"("report_id");

-- CreateIndex
CREATE UNIQUE INDEX "dossier_reports_dossier_id_position_key" ON "dossier_reports"("dossier_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "newsletter_subscribers_confirm_token_hash_key" ON "newsletter_subscribers"("confirm_token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "newsletter_subscribers_unsubscribe_token_hash_key" ON "newsletter_subscribers"("unsubscribe_token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "newsletter_subscribers_organisation_id_email_key_key" ON "newsletter_subscribers"("organisation_id", "email_key");

-- CreateIndex
CREATE INDEX "email_outbox_status_next_attempt_at_idx" ON "email_outbox"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "email_outbox_created_at_idx" ON "email_outbox"("created_at");

-- CreateIndex
CREATE INDEX "audit_log_organisation_id_created_at_idx" ON "audit_log"("organisation_id", "created_at");

-- CreateIndex
CREATE INDEX "rate_limit_buckets_window_start_idx" ON "rate_limit_buckets"("window_start");

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_invitations" ADD CONSTRAINT "member_invitations_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "venues" ADD CONSTRAINT "venues_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_venue_id_fkey" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_venue_id_fkey" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_cover_photo_id_fkey" FOREIGN KEY ("cover_photo_id") REFERENCES "photos"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "speakers" ADD CONSTRAINT "speakers_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "speakers" ADD CONSTRAINT "speakers_photo_id_fkey" FOREIGN KEY ("photo_id") REFERENCES "photos"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workshop_rounds" ADD CONSTRAINT "workshop_rounds_conference_id_fkey" FOREIGN KEY ("conference_id") REFERENCES "conferences"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme_sessions" ADD CONSTRAINT "programme_sessions_conference_id_fkey" FOREIGN KEY ("conference_id") REFERENCES "conferences"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme_sessions" ADD CONSTRAINT "programme_sessions_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme_sessions" ADD CONSTRAINT "programme_sessions_workshop_round_id_fkey" FOREIGN KEY ("workshop_round_id") REFERENCES "workshop_rounds"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_speakers" ADD CONSTRAINT "session_speakers_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "programme_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_speakers" ADD CONSTRAINT "session_speakers_speaker_id_fkey" FOREIGN KEY ("speaker_id") REFERENCES "speakers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_conference_id_fkey" FOREIGN KEY ("conference_id") REFERENCES "conferences"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workshop_choices" ADD CONSTRAINT "workshop_choices_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workshop_choices" ADD CONSTRAINT "workshop_choices_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "workshop_rounds"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workshop_choices" ADD CONSTRAINT "workshop_choices_session_id_round_id_fkey" FOREIGN KEY ("session_id", "round_id") REFERENCES "programme_sessions"("id", "workshop_round_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_conference_id_fkey" FOREIGN KEY ("conference_id") REFERENCES "conferences"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_host_user_id_fkey" FOREIGN KEY ("host_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_undoes_id_fkey" FOREIGN KEY ("undoes_id") REFERENCES "check_ins"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "photos" ADD CONSTRAINT "photos_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_cover_photo_id_fkey" FOREIGN KEY ("cover_photo_id") REFERENCES "photos"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_author_user_id_fkey" FOREIGN KEY ("author_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_conference_id_fkey" FOREIGN KEY ("conference_id") REFERENCES "conferences"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_speakers" ADD CONSTRAINT "report_speakers_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_speakers" ADD CONSTRAINT "report_speakers_speaker_id_fkey" FOREIGN KEY ("speaker_id") REFERENCES "speakers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_quotes" ADD CONSTRAINT "report_quotes_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_links" ADD CONSTRAINT "report_links_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_photos" ADD CONSTRAINT "report_photos_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_photos" ADD CONSTRAINT "report_photos_photo_id_fkey" FOREIGN KEY ("photo_id") REFERENCES "photos"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier_reports" ADD CONSTRAINT "dossier_reports_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier_reports" ADD CONSTRAINT "dossier_reports_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "newsletter_subscribers" ADD CONSTRAINT "newsletter_subscribers_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Invariants Prisma's schema language cannot say (check constraints, the append-only check-in log).


ALTER TABLE "rooms" ADD CONSTRAINT "rooms_capacity_non_negative" CHECK ("capacity" >= 0);

ALTER TABLE "conferences"
  ADD CONSTRAINT "conferences_capacity_non_negative" CHECK ("capacity" >= 0),
  ADD CONSTRAINT "conferences_ends_after_start" CHECK ("ends_at" > "starts_at"),
  ADD CONSTRAINT "conferences_registration_window" CHECK (
    "registration_opens_at" IS NULL OR "registration_closes_at" IS NULL
    OR "registration_closes_at" > "registration_opens_at");

ALTER TABLE "programme_sessions"
  ADD CONSTRAINT "programme_sessions_ends_after_start" CHECK ("ends_at" > "starts_at"),
  ADD CONSTRAINT "programme_sessions_capacity_non_negative" CHECK ("capacity" IS NULL OR "capacity" >= 0);

-- One active registration per conference and address, case-insensitively: the unique index on
-- (conference_id, active_email_key) does the work, this keeps the key honest.
ALTER TABLE "registrations"
  ADD CONSTRAINT "registrations_active_email_key" CHECK (
    ("status" = 'CANCELLED' AND "active_email_key" IS NULL)
    OR ("status" <> 'CANCELLED' AND "active_email_key" IS NOT NULL AND "active_email_key" = lower("email"))),
  ADD CONSTRAINT "registrations_waitlisted_since" CHECK ("status" <> 'WAITLISTED' OR "waitlisted_at" IS NOT NULL),
  ADD CONSTRAINT "registrations_ticket_code_length" CHECK (length("ticket_code") >= 16);

ALTER TABLE "check_ins"
  ADD CONSTRAINT "check_ins_undo_points_back" CHECK (("action" = 'UNDO') = ("undoes_id" IS NOT NULL));

-- The check-in log is append-only: an undo is a new row. Rows may still disappear with their conference or
-- when an attendee's data is erased, so DELETE stays allowed (cascades).
CREATE FUNCTION "check_ins_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'check_ins is append-only';
END;
$$;
CREATE TRIGGER "check_ins_no_update" BEFORE UPDATE ON "check_ins"
  FOR EACH ROW EXECUTE FUNCTION "check_ins_append_only"();

ALTER TABLE "photos"
  ADD CONSTRAINT "photos_alt_text_required" CHECK (length(btrim("alt_text")) > 0),
  ADD CONSTRAINT "photos_dimensions_positive" CHECK ("width" > 0 AND "height" > 0);

ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_attempts_non_negative" CHECK ("attempts" >= 0);
ALTER TABLE "rate_limit_buckets" ADD CONSTRAINT "rate_limit_buckets_count_non_negative" CHECK ("count" >= 0);
