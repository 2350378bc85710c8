// The attendee's own calendar file from the manage page: the conference and their workshops with rooms
// (lib/registrations/personal-calendar.ts), read fresh: workshops change.
import { db } from "@/lib/db";
import { registrationOfToken } from "@/lib/registrations/manage-links";
import { personalCalendar } from "@/lib/registrations/personal-calendar";

export async function GET(request: Request, { params }: RouteContext<"/api/manage/[token]/calendar">) {
  const { token } = await params;
  const found = await registrationOfToken(token);
  if (!found) return new Response("Not found", { status: 404 });
  const registration = await db.registration.findUniqueOrThrow({
    where: { id: found.id },
    select: {
      id: true,
      locale: true,
      conference: { include: { venue: true } },
      choices: { select: { sessionId: true, status: true, session: { select: { title: true, startsAt: true, endsAt: true, room: { select: { name: true } } } } } },
    },
  });
  const asked = new URL(request.url).searchParams.get("taal");
  const locale = asked === "en" || asked === "nl" ? asked : registration.locale === "en" ? "en" : "nl";
  return new Response(personalCalendar(registration, locale), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${registration.conference.slug}.ics"`,
      "Cache-Control": "no-store",
    },
  });
}
