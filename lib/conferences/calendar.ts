// A public conference as an iCalendar event. The UID matches the .ics in the registration email, so a
// calendar that has both shows one event, and a cancellation in the feed updates it.
import type { CalendarEvent } from "@/lib/calendar/ics";
import { localizedUrl } from "@/lib/site/urls";
import type { Locale } from "@/i18n/routing";

type ConferenceForCalendar = {
  slug: string;
  title: string;
  subtitle: string | null;
  startsAt: Date;
  endsAt: Date;
  status: string;
  updatedAt: Date;
  venue: { name: string; street: string; postalCode: string; city: string } | null;
};

export function conferenceCalendarEvent(conference: ConferenceForCalendar, locale: Locale): CalendarEvent {
  const url = localizedUrl(locale, `/conferenties/${conference.slug}`);
  const venue = conference.venue;
  return {
    uid: `${conference.slug}@podium`,
    title: conference.title,
    description: [conference.subtitle, url].filter(Boolean).join("\n\n"),
    location: venue ? `${venue.name}, ${venue.street}, ${venue.postalCode} ${venue.city}` : undefined,
    url,
    startsAt: conference.startsAt,
    endsAt: conference.endsAt,
    cancelled: conference.status === "CANCELLED",
    updatedAt: conference.updatedAt,
  };
}
