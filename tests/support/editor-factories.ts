// Conferences with a venue, rooms and speakers inside a test organisation, for the conference editor's tests.
import { db } from "@/lib/db";
import { toAmsterdamInput } from "@/lib/time/amsterdam";
import { uniqueSuffix } from "./factories";

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

export interface EditorConference {
  id: string;
  slug: string;
  startsAt: Date;
  endsAt: Date;
  venueId: string;
  rooms: { big: string; small: string };
  roundId: string;
}

/** A published conference of `organisationId`, 13.00-17.00 (30 days ahead), at a venue with a big and a small room. */
export async function createEditorConference(organisationId: string, options: { capacity?: number; status?: "DRAFT" | "PUBLISHED" } = {}): Promise<EditorConference> {
  const suffix = uniqueSuffix();
  const venue = await db.venue.create({
    data: {
      organisationId,
      name: `Theater ${suffix}`,
      street: "Stadserf 1",
      postalCode: "3112 DZ",
      city: "Schiedam",
      rooms: { create: [{ name: "Grote zaal", capacity: 200 }, { name: "Studio", capacity: 20 }] },
    },
    include: { rooms: true },
  });
  const startsAt = new Date(Math.floor((Date.now() + 30 * DAY) / HOUR) * HOUR);
  const status = options.status ?? "PUBLISHED";
  const conference = await db.conference.create({
    data: {
      organisationId,
      slug: `editor-${suffix}`,
      title: `Werkconferentie ${suffix}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 4 * HOUR),
      venueId: venue.id,
      capacity: options.capacity ?? 100,
      registrationOpensAt: new Date(Date.now() - DAY),
      status,
      publishedAt: status === "PUBLISHED" ? new Date() : null,
      rounds: { create: [{ title: "Workshopronde 1", position: 0 }] },
    },
    include: { rounds: true },
  });
  const room = (name: string) => venue.rooms.find((r) => r.name === name)?.id ?? "";
  return {
    id: conference.id,
    slug: conference.slug,
    startsAt,
    endsAt: conference.endsAt,
    venueId: venue.id,
    rooms: { big: room("Grote zaal"), small: room("Studio") },
    roundId: conference.rounds[0]?.id ?? "",
  };
}

export async function createSpeaker(organisationId: string, name = "Spreker"): Promise<string> {
  const speaker = await db.speaker.create({ data: { organisationId, slug: `spreker-${uniqueSuffix()}`, name }, select: { id: true } });
  return speaker.id;
}

/** The session form's fields for one chosen speaker: "speaker.<id>" (their position) and "part.<id>". */
export function speakerFields(speakerId: string, position = 1, part = "SPEAKER"): Record<string, string> {
  return { [`speaker.${speakerId}`]: String(position), [`part.${speakerId}`]: part };
}

/** What the session form sends: Amsterdam wall-clock strings, minutes after the conference's start. */
export function sessionForm(conference: EditorConference, from: number, to: number, fields: Record<string, string> = {}) {
  const at = (minutes: number) => toAmsterdamInput(new Date(conference.startsAt.getTime() + minutes * 60_000));
  return {
    title: `Sessie ${uniqueSuffix()}`,
    description: "",
    kind: "TALK",
    startsAt: at(from),
    endsAt: at(to),
    roomId: "",
    workshopRoundId: "",
    capacity: "",
    newRoundTitle: "",
    ...fields,
  };
}

/** The conference as its edit form sends it, with some fields changed. */
export async function conferenceForm(conferenceId: string, fields: Record<string, string> = {}) {
  const c = await db.conference.findUniqueOrThrow({ where: { id: conferenceId } });
  return {
    conferenceId,
    title: c.title,
    subtitle: c.subtitle ?? "",
    slug: c.slug,
    description: c.description,
    venueId: c.venueId ?? "",
    coverPhotoId: c.coverPhotoId ?? "",
    startsAt: toAmsterdamInput(c.startsAt),
    endsAt: toAmsterdamInput(c.endsAt),
    capacity: String(c.capacity),
    registrationOpensAt: toAmsterdamInput(c.registrationOpensAt),
    registrationClosesAt: toAmsterdamInput(c.registrationClosesAt),
    coverAlt: "",
    // As the edit form sends it: the start as shown, so an unchanged start in the past is not asked about again.
    savedStartsAt: toAmsterdamInput(c.startsAt),
    ...fields,
  };
}
