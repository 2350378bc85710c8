import "server-only";
import { db } from "@/lib/db";
import { reminderEmail } from "./emails";

/**
 * A conference's reminder as its people will read it, for the organiser: written for a made-up person with the
 * conference's real date, venue and organiser (no attendee's data is shown), in the language asked for.
 */
export async function reminderPreview(organisationId: string, conferenceId: string, daysBefore: 1 | 7, locale: "nl" | "en") {
  const conference = await db.conference.findFirst({
    where: { id: conferenceId, organisationId },
    select: {
      slug: true,
      title: true,
      startsAt: true,
      endsAt: true,
      status: true,
      venue: { select: { name: true, street: true, postalCode: true, city: true } },
      organisation: { select: { name: true, contactEmail: true } },
    },
  });
  if (!conference) return null;
  const email = reminderEmail(
    {
      id: "voorbeeld",
      name: locale === "nl" ? "Voorbeeld Deelnemer" : "Sample Attendee",
      email: "deelnemer@voorbeeld.nl",
      locale,
      ticketCode: "VOORBEELD0000000000000000",
      status: "CONFIRMED",
      doorCode: null,
      conference,
      choices: [],
    },
    "voorbeeld",
    daysBefore,
  );
  return { title: conference.title, subject: email.subject, text: email.text, attachments: (email.attachments ?? []).map((a) => a.filename) };
}
