import "server-only";
import QRCode from "qrcode";
import { db } from "@/lib/db";
import { registrationOfToken } from "./manage-links";
import { placesOf, sessionPlaces, waitlistPosition, type SessionPlaces } from "@/lib/places/queries";
import { pendingEmailChange } from "./manage";

// Everything the attendee's manage page shows, found by the link's token. Read fresh (places change).
export async function getManageView(token: string) {
  const found = await registrationOfToken(token);
  if (!found) return null;
  const registration = await db.registration.findUnique({
    where: { id: found.id },
    include: {
      choices: true,
      preferences: { orderBy: { rank: "asc" }, select: { roundId: true, sessionId: true } },
      conference: {
        include: {
          venue: true,
          organisation: { select: { name: true, contactEmail: true } },
          rounds: {
            orderBy: { position: "asc" },
            include: {
              sessions: {
                orderBy: { startsAt: "asc" },
                select: { id: true, title: true, startsAt: true, endsAt: true, capacity: true, room: { select: { name: true } } },
              },
            },
          },
        },
      },
    },
  });
  if (!registration) return null;
  const [places, position, emailChange] = await Promise.all([
    placesOf(registration.conferenceId),
    waitlistPosition(registration.id),
    pendingEmailChange(registration.id),
  ]);
  const workshops = places ? sessionPlaces(places) : new Map<string, SessionPlaces>();
  // The QR code is drawn on the server as SVG: no script on the page, and it prints sharply.
  const qrSvg = await QRCode.toString(registration.ticketCode, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  // How each round hands out its workshops now (lib/places decides): choose, rank, or wait for the allocation.
  const roundModes = new Map((places?.rounds ?? []).map((r) => [r.id, r.mode] as const));
  return { registration, workshops, roundModes, position, qrSvg, emailChange };
}
