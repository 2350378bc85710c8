import { db } from "@/lib/db";
import { conferenceIcs } from "@/lib/registrations/emails";
import { registrationOfToken } from "@/lib/registrations/manage-links";

export async function GET(_request: Request, { params }: RouteContext<"/api/manage/[token]/calendar">) {
  const { token } = await params;
  const found = await registrationOfToken(token);
  if (!found) return new Response("Not found", { status: 404 });
  const registration = await db.registration.findUniqueOrThrow({
    where: { id: found.id },
    select: { locale: true, conference: { include: { venue: true } } },
  });
  const body = conferenceIcs(registration.conference, registration.locale === "en" ? "en" : "nl");
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${registration.conference.slug}.ics"`,
      "Cache-Control": "no-store",
    },
  });
}
