import "server-only";
import QRCode from "qrcode";
import { db } from "@/lib/db";
import { registrationOfToken } from "./manage-links";
import { takenPerSession, waitlistPosition } from "./places";

// Everything the attendee's manage page shows, found by the link's token. Read fresh (places change).
export async function getManageView(token: string) {
  const found = await registrationOfToken(token);
  if (!found) return null;
  const registration = await db.registration.findUnique({
    where: { id: found.id },
    include: {
      choices: true,
      conference: {
        include: {
          venue: true,
          rounds: {
            orderBy: { position: "asc" },
            include: { sessions: { orderBy: { startsAt: "asc" }, select: { id: true, title: true, startsAt: true, endsAt: true, capacity: true } } },
          },
        },
      },
    },
  });
  if (!registration) return null;
  const sessionIds = registration.conference.rounds.flatMap((r) => r.sessions.map((s) => s.id));
  const taken = await db.$transaction((tx) => takenPerSession(tx, sessionIds));
  const position =
    registration.status === "WAITLISTED" && registration.waitlistedAt
      ? await db.$transaction((tx) => waitlistPosition(tx, registration.conferenceId, registration.waitlistedAt as Date))
      : null;
  // The QR code is drawn on the server as SVG: no script on the page, and it prints sharply.
  const qrSvg = await QRCode.toString(registration.ticketCode, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return { registration, taken, position, qrSvg };
}
