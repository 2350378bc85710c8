// The API's reads: every one scoped to the token's organisation in its where clause, so a stranger's id finds
// nothing (a 404, as an unknown one). Places come from lib/places, their one home; nothing here counts them.
import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { placesOf, placesOfMany, sessionPlaces, type Places } from "@/lib/places/queries";
import { afterCursor, PAGE_ORDER, pageFrom, type Cursor } from "./pagination";
import type { checkInSchema, conferenceSchema, conferenceSummarySchema, registrationSchema, reportSchema, speakerSchema, venueSchema } from "./schemas";

type Page = { cursor: Cursor | undefined; limit: number };
type Output<S extends z.ZodType> = z.output<S>;

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

function placesLeft(places: Places | undefined | null) {
  return places ? { capacity: places.capacity, confirmed: places.confirmed, waitlisted: places.waitlisted, left: places.left, state: places.state } : null;
}

const CONFERENCE_FIELDS = {
  id: true,
  slug: true,
  title: true,
  subtitle: true,
  status: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
  venueId: true,
  updatedAt: true,
  createdAt: true,
} as const;

type ConferenceRow = { id: string; slug: string; title: string; subtitle: string | null; status: string; startsAt: Date; endsAt: Date; timeZone: string; registrationOpensAt: Date | null; registrationClosesAt: Date | null; venueId: string | null; updatedAt: Date };

function conferenceSummary(row: ConferenceRow, places: Places | undefined | null): Output<typeof conferenceSummarySchema> {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    subtitle: row.subtitle,
    status: row.status.toLowerCase() as "draft" | "published" | "cancelled",
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    timeZone: row.timeZone,
    registrationOpensAt: isoOrNull(row.registrationOpensAt),
    registrationClosesAt: isoOrNull(row.registrationClosesAt),
    venueId: row.venueId,
    places: placesLeft(places),
    updatedAt: iso(row.updatedAt),
  };
}

export async function listConferences(organisationId: string, page: Page) {
  const rows = await db.conference.findMany({
    where: { organisationId, ...afterCursor(page.cursor) },
    orderBy: PAGE_ORDER,
    take: page.limit + 1,
    select: CONFERENCE_FIELDS,
  });
  const { rows: shown, nextCursor } = pageFrom(rows, page.limit);
  const places = await placesOfMany(shown.map((row) => row.id));
  return { data: shown.map((row) => conferenceSummary(row, places.get(row.id))), next_cursor: nextCursor };
}

const VENUE_FIELDS = {
  id: true,
  name: true,
  street: true,
  postalCode: true,
  city: true,
  country: true,
  website: true,
  accessibilityNotes: true,
  createdAt: true,
  rooms: { orderBy: { name: "asc" as const }, select: { id: true, name: true, capacity: true } },
} as const;

function venue(row: { id: string; name: string; street: string; postalCode: string; city: string; country: string; website: string | null; accessibilityNotes: string | null; rooms: Array<{ id: string; name: string; capacity: number }> }): Output<typeof venueSchema> {
  const { id, name, street, postalCode, city, country, website, accessibilityNotes, rooms } = row;
  return { id, name, street, postalCode, city, country, website, accessibilityNotes, rooms };
}

/** The conference whole: venue, programme, rounds with their workshops and the places left in each. */
export async function conferenceOf(organisationId: string, conferenceId: string): Promise<Output<typeof conferenceSchema> | null> {
  const row = await db.conference.findFirst({
    where: { id: conferenceId, organisationId },
    select: {
      ...CONFERENCE_FIELDS,
      description: true,
      venue: { select: VENUE_FIELDS },
      sessions: {
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        select: { id: true, title: true, kind: true, startsAt: true, endsAt: true, capacity: true, workshopRoundId: true, room: { select: { name: true } }, speakers: { orderBy: { position: "asc" }, select: { speakerId: true } } },
      },
      rounds: { orderBy: { position: "asc" }, select: { id: true, title: true, allocation: true } },
    },
  });
  if (!row) return null;
  const places = await placesOf(row.id);
  const bySession = places ? sessionPlaces(places) : new Map();
  return {
    ...conferenceSummary(row, places),
    description: row.description,
    venue: row.venue ? venue(row.venue) : null,
    programme: row.sessions.map((s) => ({
      id: s.id,
      title: s.title,
      kind: s.kind.toLowerCase(),
      startsAt: iso(s.startsAt),
      endsAt: iso(s.endsAt),
      room: s.room?.name ?? null,
      roundId: s.workshopRoundId,
      speakerIds: s.speakers.map((sp) => sp.speakerId),
    })),
    rounds: row.rounds.map((round) => ({
      id: round.id,
      title: round.title,
      allocation: round.allocation,
      workshops: row.sessions
        .filter((s) => s.workshopRoundId === round.id)
        .map((s) => {
          const p = bySession.get(s.id);
          return {
            id: s.id,
            title: s.title,
            startsAt: iso(s.startsAt),
            endsAt: iso(s.endsAt),
            capacity: p?.capacity ?? s.capacity,
            confirmed: p?.confirmed ?? 0,
            waitlisted: p?.waitlisted ?? 0,
            left: p ? p.left : null,
          };
        }),
    })),
  };
}

/** The conference's id if it is this organisation's; null for an unknown one and a stranger's alike. */
export async function ownConference(organisationId: string, conferenceId: string): Promise<string | null> {
  const row = await db.conference.findFirst({ where: { id: conferenceId, organisationId }, select: { id: true } });
  return row?.id ?? null;
}

const REGISTRATION_FIELDS = {
  id: true,
  conferenceId: true,
  name: true,
  email: true,
  organisation: true,
  jobRole: true,
  status: true,
  source: true,
  createdAt: true,
  updatedAt: true,
  cancelledAt: true,
  choices: { orderBy: { roundId: "asc" as const }, select: { roundId: true, sessionId: true, status: true } },
  checkIns: { select: { action: true } },
} as const;

type RegistrationRow = {
  id: string;
  conferenceId: string;
  name: string;
  email: string;
  organisation: string | null;
  jobRole: string | null;
  status: string;
  source: string;
  createdAt: Date;
  updatedAt: Date;
  cancelledAt: Date | null;
  choices: Array<{ roundId: string; sessionId: string; status: string }>;
  checkIns: Array<{ action: string }>;
};

function registration(row: RegistrationRow): Output<typeof registrationSchema> {
  // Each undo takes back one check-in: in when more check-ins than undos remain.
  const net = row.checkIns.reduce((sum, c) => sum + (c.action === "UNDO" ? -1 : 1), 0);
  return {
    id: row.id,
    conferenceId: row.conferenceId,
    name: row.name,
    email: row.email,
    organisation: row.organisation,
    jobRole: row.jobRole,
    status: row.status.toLowerCase() as "confirmed" | "waitlisted" | "cancelled",
    source: row.source === "WALK_IN" ? "walk_in" : "online",
    workshops: row.choices.map((c) => ({ roundId: c.roundId, sessionId: c.sessionId, status: c.status === "WAITLISTED" ? "waitlisted" : "confirmed" })),
    checkedIn: net > 0,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    cancelledAt: isoOrNull(row.cancelledAt),
  };
}

export async function listRegistrations(
  organisationId: string,
  conferenceId: string,
  query: Page & { status?: "confirmed" | "waitlisted" | "cancelled"; modifiedSince?: Date },
) {
  const rows = await db.registration.findMany({
    where: {
      conferenceId,
      conference: { organisationId },
      // Erased registrations are gone for every reader (their owner asked).
      erasedAt: null,
      ...(query.status ? { status: query.status.toUpperCase() as "CONFIRMED" | "WAITLISTED" | "CANCELLED" } : {}),
      ...(query.modifiedSince ? { updatedAt: { gte: query.modifiedSince } } : {}),
      ...afterCursor(query.cursor),
    },
    orderBy: PAGE_ORDER,
    take: query.limit + 1,
    select: REGISTRATION_FIELDS,
  });
  const { rows: shown, nextCursor } = pageFrom(rows, query.limit);
  return { data: shown.map(registration), next_cursor: nextCursor };
}

export async function registrationOf(organisationId: string, registrationId: string) {
  const row = await db.registration.findFirst({ where: { id: registrationId, erasedAt: null, conference: { organisationId } }, select: REGISTRATION_FIELDS });
  return row ? registration(row) : null;
}

export async function listCheckIns(organisationId: string, conferenceId: string, query: Page & { since?: Date }) {
  // Ordered by when they were received (an offline device's scans arrive late): "since" is then what is new.
  const rows = await db.checkIn.findMany({
    where: { conferenceId, conference: { organisationId }, ...(query.since ? { receivedAt: { gt: query.since } } : {}), ...receivedAfter(query.cursor) },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: { id: true, registrationId: true, action: true, method: true, scannedAt: true, receivedAt: true, duplicate: true, sessionId: true, outsideChoice: true },
  });
  const { rows: shown, nextCursor } = pageFrom(rows.map((row) => ({ ...row, createdAt: row.receivedAt })), query.limit);
  return {
    data: shown.map(
      (row): Output<typeof checkInSchema> => ({
        id: row.id,
        registrationId: row.registrationId,
        action: row.action === "UNDO" ? "undo" : "check_in",
        method: row.method.toLowerCase(),
        scannedAt: iso(row.scannedAt),
        receivedAt: iso(row.receivedAt),
        duplicate: row.duplicate,
        sessionId: row.sessionId,
        outsideChoice: row.outsideChoice,
      }),
    ),
    next_cursor: nextCursor,
  };
}

function receivedAfter(cursor: Cursor | undefined) {
  if (!cursor) return {};
  return { OR: [{ receivedAt: { gt: cursor.createdAt } }, { receivedAt: cursor.createdAt, id: { gt: cursor.id } }] };
}

export async function listSpeakers(organisationId: string, page: Page) {
  const rows = await db.speaker.findMany({
    where: { organisationId, ...afterCursor(page.cursor) },
    orderBy: PAGE_ORDER,
    take: page.limit + 1,
    select: { id: true, slug: true, name: true, role: true, affiliation: true, bio: true, createdAt: true },
  });
  const { rows: shown, nextCursor } = pageFrom(rows, page.limit);
  return { data: shown.map(({ id, slug, name, role, affiliation, bio }): Output<typeof speakerSchema> => ({ id, slug, name, role, affiliation, bio })), next_cursor: nextCursor };
}

export async function listVenues(organisationId: string, page: Page) {
  const rows = await db.venue.findMany({ where: { organisationId, ...afterCursor(page.cursor) }, orderBy: PAGE_ORDER, take: page.limit + 1, select: VENUE_FIELDS });
  const { rows: shown, nextCursor } = pageFrom(rows, page.limit);
  return { data: shown.map(venue), next_cursor: nextCursor };
}

export async function listReports(organisationId: string, page: Page) {
  const rows = await db.report.findMany({
    where: { organisationId, ...afterCursor(page.cursor) },
    orderBy: PAGE_ORDER,
    take: page.limit + 1,
    select: { id: true, slug: true, title: true, lead: true, body: true, status: true, conferenceId: true, authorName: true, publishedAt: true, updatedAt: true, createdAt: true },
  });
  const { rows: shown, nextCursor } = pageFrom(rows, page.limit);
  return {
    data: shown.map(
      (row): Output<typeof reportSchema> => ({
        id: row.id,
        slug: row.slug,
        title: row.title,
        lead: row.lead,
        body: row.body,
        status: row.status.toLowerCase(),
        conferenceId: row.conferenceId,
        authorName: row.authorName,
        publishedAt: isoOrNull(row.publishedAt),
        updatedAt: iso(row.updatedAt),
      }),
    ),
    next_cursor: nextCursor,
  };
}
