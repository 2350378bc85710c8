// iCalendar feed of the conferences still to come, to subscribe to in any calendar app. A cancelled
// conference stays in the feed with STATUS:CANCELLED so subscribers' calendars update instead of keeping it.
import { calendar } from "@/lib/calendar/ics";
import { conferenceCalendarEvent } from "@/lib/conferences/calendar";
import { listPublicConferences } from "@/lib/conferences/queries";

export async function GET(request: Request) {
  const locale = new URL(request.url).searchParams.get("taal") === "en" ? "en" : "nl";
  const now = new Date();
  const upcoming = (await listPublicConferences()).filter((c) => c.endsAt > now);
  const name = locale === "nl" ? "Podium: conferenties" : "Podium: conferences";
  return new Response(calendar(upcoming.map((c) => conferenceCalendarEvent(c, locale)), name), {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
