-- A walk-in at the door needs only a name (issue 14, item 14): the host asks for an email address, but a visitor
-- may not want to give one. Without an address a registration has no email key (so it never blocks anyone's
-- address) and is sent no email (places_enqueue in prisma/sql/places.sql). Only a walk-in may be without one:
-- the public form, the JSON API and an organiser's addition always have an address.
ALTER TABLE "registrations" DROP CONSTRAINT "registrations_active_email_key",
  ADD CONSTRAINT "registrations_active_email_key" CHECK (
    ("status" = 'CANCELLED' AND "active_email_key" IS NULL)
    OR ("status" <> 'CANCELLED' AND "email" = '' AND "active_email_key" IS NULL)
    OR ("status" <> 'CANCELLED' AND "active_email_key" IS NOT NULL AND "active_email_key" = lower("email"))),
  ADD CONSTRAINT "registrations_email_only_for_walk_ins" CHECK ("email" <> '' OR "source" = 'WALK_IN');
