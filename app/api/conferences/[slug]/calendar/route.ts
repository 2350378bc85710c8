// "Zet in je agenda": one conference as an .ics file, for everyone (not only registrants). English links
// with ?taal=en. The data comes from the same tagged cache as the conference page.
import { calendar } from "@/lib/calendar/ics";
import { conferenceCalendarEvent } from "@/lib/conferences/calendar";
import { getPublicConference } from "@/lib/conferences/queries";

export async function GET(request: Request, { params }: RouteContext<"/api/conferences/[slug]/calendar">) {
  const { slug } = await params;
  const conference = await getPublicConference(slug);
  if (!conference) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  const locale = new URL(request.url).searchParams.get("taal") === "en" ? "en" : "nl";
  return new Response(calendar([conferenceCalendarEvent(conference, locale)], conference.title), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}.ics"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
