// The attendee's own calendar file: the conference, and each workshop they chose with its room, so that their
// calendar shows where to be when. A workshop they wait for is TENTATIVE. The conference's UID is the public
// calendar's (lib/conferences/calendar.ts), so a calendar with both shows one event. Attached to the ticket
// emails and served from the manage page (app/api/manage/[token]/calendar).
import { calendar, type CalendarEvent } from "@/lib/calendar/ics";
import { translatorsFor } from "@/lib/i18n/translator";
import { localizedUrl } from "@/lib/site/urls";

type Locale = "nl" | "en";

const registrationTranslator = translatorsFor("registration");

export type CalendarRegistration = {
  id: string;
  conference: {
    slug: string;
    title: string;
    startsAt: Date;
    endsAt: Date;
    status: string;
    venue: { name: string; street: string; postalCode: string; city: string } | null;
  };
  choices: Array<{
    sessionId: string;
    status: "CONFIRMED" | "WAITLISTED";
    session: { title: string; startsAt: Date; endsAt: Date; room: { name: string } | null };
  }>;
};

export function venueLine(venue: CalendarRegistration["conference"]["venue"]): string {
  return venue ? `${venue.name}, ${venue.street}, ${venue.postalCode} ${venue.city}` : "";
}

export function personalCalendar(registration: CalendarRegistration, locale: Locale): string {
  const t = registrationTranslator(locale);
  const { conference } = registration;
  const url = localizedUrl(locale, `/conferenties/${conference.slug}`);
  const cancelled = conference.status === "CANCELLED";
  const venue = venueLine(conference.venue);
  const workshops: CalendarEvent[] = [...registration.choices]
    .sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime())
    .map((choice) => {
      const waiting = choice.status === "WAITLISTED";
      const room = choice.session.room?.name;
      return {
        uid: `${choice.sessionId}.${registration.id}@podium`,
        title: `${choice.session.title}${waiting ? ` (${t("mail.workshopWaitlisted")})` : ""}`,
        description: [conference.title, waiting ? t("calendar.waitingNote") : null, url].filter(Boolean).join("\n\n"),
        location: [room && t("calendar.room", { room }), venue].filter(Boolean).join(", ") || undefined,
        url,
        startsAt: choice.session.startsAt,
        endsAt: choice.session.endsAt,
        cancelled,
        tentative: waiting,
      };
    });
  return calendar(
    [
      {
        uid: `${conference.slug}@podium`,
        title: conference.title,
        location: venue || undefined,
        url,
        startsAt: conference.startsAt,
        endsAt: conference.endsAt,
        cancelled,
      },
      ...workshops,
    ],
    conference.title,
  );
}
