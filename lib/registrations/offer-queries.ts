// Reads of offers with a claim window (prisma/sql/places.sql decides them): for the offer's page, the attendee's
// manage page and the organiser's registrations page.
import "server-only";
import { db } from "@/lib/db";

const offerSelect = {
  id: true,
  status: true,
  sessionId: true,
  expiresAt: true,
  session: { select: { title: true } },
} as const;

/** One offer of this registration (from the person's manage link), or null: someone else's is not found. */
export async function offerOfRegistration(offerId: string, registrationId: string) {
  return db.placeOffer.findFirst({ where: { id: offerId, registrationId }, select: offerSelect });
}

/** The person's offers still open, soonest deadline first (the manage page shows them with the same buttons). */
export async function openOffersOfRegistration(registrationId: string) {
  return db.placeOffer.findMany({ where: { registrationId, status: "OPEN" }, orderBy: { expiresAt: "asc" }, select: offerSelect });
}

/** A conference's open offers, who and until when, for its organisers (the caller checked their access). */
export async function openOffersOfConference(conferenceId: string) {
  return db.placeOffer.findMany({
    where: { conferenceId, status: "OPEN" },
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
    select: { ...offerSelect, registration: { select: { id: true, name: true } } },
  });
}
