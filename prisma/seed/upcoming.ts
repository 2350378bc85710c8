// The upcoming conference of 11 March 2027 with open registration: two workshop rounds whose small
// workshops show every state (places left, one place left, full with a waitlist).
import { emailKey, searchKey } from "../../lib/text";
import { hashToken, newTicketCode, randomToken } from "../../lib/tokens";
import { SPEAKERS_2027 } from "./content";
import { createPhoto, type Tx } from "./db";
import type { DemoImages } from "./images";
import type { DemoBase } from "./organisation";
import { addSession } from "./programme";
import { REGISTRANTS, type WorkshopKey } from "./registrants";
import { addMinutes, amsterdam } from "./time";

export const UPCOMING_SLUG = "samen-sterker-in-de-wijk-2027";
const DATE = "2027-03-11";
const CAPACITY = 80;

export async function createUpcoming(
  tx: Tx,
  organisationId: string,
  base: DemoBase,
  images: DemoImages,
  now: Date,
): Promise<{ conferenceId: string }> {
  const { rooms, speakers } = base;
  const coverPhotoId = await createPhoto(tx, organisationId, images.scenes.cover2027);
  const opensAt = amsterdam("2026-10-01", "00:00");
  const closesAt = amsterdam("2027-03-10", "23:59");
  const conference = await tx.conference.create({
    data: {
      organisationId,
      slug: UPCOMING_SLUG,
      title: "Werkconferentie Samen Sterker in de Wijk",
      subtitle: "Praktijk, beleid en onderzoek samen aan tafel",
      description: [
        "Hoe werken bewoners, professionals, gemeenten en onderzoekers samen aan een sterke wijk? Tijdens deze middag in Theater aan de Schie leer je van elkaars ervaringen.",
        "Na de keynote kies je in twee workshoprondes elk één workshop. De workshops zijn klein, zodat iedereen aan het woord komt. We sluiten af met een panelgesprek en een netwerkborrel.",
        "Deelname is gratis. Heb je een dieetwens of iets nodig om goed mee te kunnen doen? Geef het aan bij je aanmelding.",
      ].join("\n\n"),
      startsAt: amsterdam(DATE, "12:30"),
      endsAt: amsterdam(DATE, "17:30"),
      timeZone: "Europe/Amsterdam",
      venueId: base.venueId,
      capacity: CAPACITY,
      registrationOpensAt: opensAt,
      registrationClosesAt: closesAt,
      status: "PUBLISHED",
      coverPhotoId,
      publishedAt: amsterdam("2026-09-15", "10:00"),
    },
    select: { id: true },
  });
  const id = conference.id;

  await addSession(tx, id, DATE, {
    title: "Inloop en welkom",
    description: "Koffie, thee en een welkom door de dagvoorzitter.",
    kind: "WELCOME",
    from: "12:30",
    to: "13:00",
    roomId: rooms["Grote zaal"],
    speakers: [{ id: speakers.kok, part: "HOST" }],
  });
  await addSession(tx, id, DATE, {
    title: "Keynote: kleine verbindingen, groot verschil",
    description: "Wat werkt er in de wijk, en waarom? Lessen uit onderzoek dat samen met bewoners is gedaan.",
    kind: "KEYNOTE",
    from: "13:00",
    to: "13:45",
    roomId: rooms["Grote zaal"],
    speakers: [{ id: speakers.verhoef }],
  });

  const round1 = await tx.workshopRound.create({ data: { conferenceId: id, title: "Workshopronde 1", position: 0 }, select: { id: true } });
  const round2 = await tx.workshopRound.create({ data: { conferenceId: id, title: "Workshopronde 2", position: 1 }, select: { id: true } });

  type WorkshopSeed = { title: string; description: string; room: keyof typeof rooms; capacity: number; leader: keyof typeof SPEAKERS_2027 };
  const workshops: Record<WorkshopKey, WorkshopSeed & { round: 1 | 2 }> = {
    A: { round: 1, title: "Eenzaamheid doorbreken met buurtnetwerken", description: "Hoe zet je samen met bewoners een netwerk op dat eenzaamheid echt vermindert?", room: "Repetitieruimte", capacity: 6, leader: "bosman" },
    B: { round: 1, title: "Zelfredzaamheid van jongeren met een beperking", description: "Wat hebben jongeren nodig om zelf de regie te houden? Met voorbeelden uit de praktijk.", room: "Studio", capacity: 8, leader: "ouali" },
    C: { round: 1, title: "Wat spelen sociaal werkers klaar?", description: "Maak zichtbaar wat je werk oplevert, zonder eindeloze formulieren.", room: "Kleine zaal", capacity: 12, leader: "demir" },
    D: { round: 2, title: "Tussenwerkers: verbinden tussen bewoners en gemeente", description: "Over de professional die schakelt tussen leefwereld en systeemwereld.", room: "Kleine zaal", capacity: 12, leader: "jansen" },
    E: { round: 2, title: "Samen onderzoeken in de wijk", description: "Praktijkgericht onderzoek dat beleidsmakers en uitvoerders direct kunnen gebruiken.", room: "Studio", capacity: 8, leader: "demir" },
    F: { round: 2, title: "Ervaringskennis aan tafel", description: "Hoe geef je ervaringsdeskundigen een echte plek in beleid en uitvoering?", room: "Repetitieruimte", capacity: 6, leader: "ouali" },
  };
  const sessionIds = {} as Record<WorkshopKey, { sessionId: string; roundId: string; capacity: number }>;
  for (const [key, workshop] of Object.entries(workshops) as Array<[WorkshopKey, WorkshopSeed & { round: 1 | 2 }]>) {
    const roundId = workshop.round === 1 ? round1.id : round2.id;
    const [from, to] = workshop.round === 1 ? ["13:55", "14:55"] : ["15:20", "16:20"];
    const sessionId = await addSession(tx, id, DATE, {
      title: workshop.title,
      description: workshop.description,
      kind: "WORKSHOP",
      from,
      to,
      roomId: rooms[workshop.room],
      roundId,
      capacity: workshop.capacity,
      speakers: [{ id: speakers[workshop.leader] }],
    });
    sessionIds[key] = { sessionId, roundId, capacity: workshop.capacity };
  }

  await addSession(tx, id, DATE, { title: "Pauze", description: "Koffie, thee en iets lekkers in de foyer.", kind: "BREAK", from: "14:55", to: "15:20", roomId: rooms.Foyer });
  await addSession(tx, id, DATE, {
    title: "Panelgesprek: wie doet wat in de wijk?",
    description: "Beleid, praktijk, onderzoek en ervaringskennis in gesprek met elkaar en met de zaal.",
    kind: "PANEL",
    from: "16:30",
    to: "17:00",
    roomId: rooms["Grote zaal"],
    speakers: [
      { id: speakers.kok, part: "MODERATOR" },
      { id: speakers.verhoef },
      { id: speakers.ouali },
      { id: speakers.jansen },
    ],
  });
  await addSession(tx, id, DATE, { title: "Netwerkborrel", description: "Napraten in de foyer.", kind: "NETWORKING", from: "17:00", to: "17:30", roomId: rooms.Foyer });

  await createRegistrations(tx, id, sessionIds, opensAt, closesAt, now);
  return { conferenceId: id };
}

async function createRegistrations(
  tx: Tx,
  conferenceId: string,
  sessions: Record<WorkshopKey, { sessionId: string; roundId: string; capacity: number }>,
  opensAt: Date,
  closesAt: Date,
  now: Date,
): Promise<void> {
  // Spread the sign-ups over the time the registration has been open (or the month before, on a machine
  // whose clock says registration has not opened yet).
  const end = now < closesAt ? now : closesAt;
  const start = end.getTime() - opensAt.getTime() > 3 * 86_400_000 ? opensAt : addMinutes(end, -30 * 24 * 60);
  const step = (end.getTime() - start.getTime()) / (REGISTRANTS.length + 1);

  const confirmedPerSession = new Map<string, number>();
  let confirmed = 0;
  for (const [index, person] of REGISTRANTS.entries()) {
    const createdAt = new Date(Math.floor(start.getTime() + step * (index + 1)));
    const cancelled = person.state === "cancelled";
    const registration = await tx.registration.create({
      data: {
        conferenceId,
        name: person.name,
        email: person.email,
        activeEmailKey: cancelled ? null : emailKey(person.email),
        searchText: searchKey(person.name, person.organisation),
        organisation: person.organisation,
        jobRole: person.jobRole,
        dietaryNeeds: person.dietaryNeeds ?? null,
        accessibilityNeeds: person.accessibilityNeeds ?? null,
        hostNote: person.hostNote ?? null,
        privacyConsentAt: createdAt,
        photoConsent: person.photoConsent ?? false,
        newsletterOptIn: person.newsletterOptIn ?? false,
        locale: "nl",
        status: cancelled ? "CANCELLED" : "CONFIRMED",
        source: "ONLINE",
        ticketCode: newTicketCode(),
        manageLinks: { create: { tokenHash: hashToken(randomToken()) } },
        confirmedAt: createdAt,
        cancelledAt: cancelled ? new Date(Math.min(addMinutes(createdAt, 3 * 24 * 60).getTime(), end.getTime())) : null,
        createdAt,
      },
      select: { id: true },
    });
    if (cancelled) continue; // a cancellation frees its workshop places: no choices remain
    confirmed += 1;

    for (const [round, key] of [[1, person.round1], [2, person.round2]] as const) {
      if (!key) continue;
      if ((round === 1) !== (key === "A" || key === "B" || key === "C")) {
        throw new Error(`Seed data puts ${person.name} in workshop ${key} for round ${round}`);
      }
      const session = sessions[key];
      const taken = confirmedPerSession.get(session.sessionId) ?? 0;
      const waitlisted = round === 1 && person.state === "waitlisted";
      if (!waitlisted && taken >= session.capacity) {
        throw new Error(`Seed data puts ${person.name} in full workshop ${key}`);
      }
      if (waitlisted && taken < session.capacity) {
        throw new Error(`Seed data waitlists ${person.name} for workshop ${key}, which still has places`);
      }
      await tx.workshopChoice.create({
        data: {
          registrationId: registration.id,
          roundId: session.roundId,
          sessionId: session.sessionId,
          status: waitlisted ? "WAITLISTED" : "CONFIRMED",
          createdAt,
        },
      });
      if (!waitlisted) confirmedPerSession.set(session.sessionId, taken + 1);
    }
  }
  if (confirmed > CAPACITY) throw new Error(`Seed data confirms ${confirmed} people for ${CAPACITY} places`);
}
