// The door's reads: search, counts and the ticket list for offline use. Every query is scoped to one
// conference; callers have passed the door check (lib/checkin/access.ts) for it.
import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { searchKey } from "@/lib/text";
import { ATTENDEE_SELECT, toAttendee } from "./attendee";
import { hostLabel } from "./scan";
import type { CheckInCounts, DoorSession, TicketEntry } from "./schema";
import type { SearchResult } from "./search-result";

export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_LIMIT = 12;

export type { SearchResult };

// The first check-in that still counts (a CHECK_IN no UNDO points at) per registration and place: the front
// door (sessionId null) and each session's room (issue 15) are counted apart, as checkin_first_active does.
const ACTIVE_CHECK_INS = (conferenceId: string) => db.$queryRaw<Array<{ registrationId: string; sessionId: string | null; scannedAt: Date; hostName: string | null; hostEmail: string | null }>>`
  SELECT DISTINCT ON (c.registration_id, c.session_id) c.registration_id AS "registrationId", c.session_id AS "sessionId",
         c.scanned_at AS "scannedAt", u.name AS "hostName", u.email AS "hostEmail"
    FROM check_ins c LEFT JOIN users u ON u.id = c.host_user_id
   WHERE c.conference_id = ${conferenceId} AND c.action = 'CHECK_IN'
     AND NOT EXISTS (SELECT 1 FROM check_ins x WHERE x.undoes_id = c.id)
   ORDER BY c.registration_id, c.session_id, c.scanned_at, c.received_at`;

/**
 * Checked in means at the place the host works (sessionId: a session's room, issue 15; null: the front door).
 * Name or organisation containing the term, accent- and case-insensitively ("aaken" finds "Patricia van
 * Aaken"). search_text is stored as searchKey(name, organisation) and has a trigram index, which serves
 * LIKE '%term%' from three letters on; two letters scan one conference's rows, still a few milliseconds.
 * Words that start with the term come first, then by name.
 */
export async function searchRegistrations(conferenceId: string, term: string, sessionId: string | null = null): Promise<SearchResult[]> {
  const key = searchKey(term);
  if (key.length < SEARCH_MIN_LENGTH) return [];
  const escaped = key.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await db.$queryRaw<Array<Omit<SearchResult, "checkedInAt"> & { checkedInAt: Date | null }>>`
    SELECT r.id AS "registrationId", r.name, r.organisation, r.status::text AS status,
           (SELECT min(c.scanned_at) FROM check_ins c
             WHERE c.registration_id = r.id AND c.action = 'CHECK_IN' AND c.session_id IS NOT DISTINCT FROM ${sessionId}
               AND NOT EXISTS (SELECT 1 FROM check_ins x WHERE x.undoes_id = c.id)) AS "checkedInAt"
      FROM registrations r
     WHERE r.conference_id = ${conferenceId} AND r.search_text LIKE ${`%${escaped}%`}
     ORDER BY (r.search_text LIKE ${`${escaped}%`} OR r.search_text LIKE ${`% ${escaped}%`}) DESC,
              (r.status = 'CONFIRMED') DESC, r.name
     LIMIT ${SEARCH_LIMIT}`;
  return rows.map((row) => ({ ...row, checkedInAt: row.checkedInAt?.toISOString() ?? null }));
}

/**
 * Checked in of confirmed, for the conference (arrived anywhere) and per workshop (confirmed places only), and
 * per session the people checked in at its room.
 */
export async function checkInCounts(conferenceId: string): Promise<CheckInCounts> {
  const [totals, workshops, rooms] = await Promise.all([
    db.$queryRaw<Array<{ checkedIn: number; confirmed: number }>>`
      SELECT count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM check_ins c WHERE c.registration_id = r.id AND c.action = 'CHECK_IN'
                  AND NOT EXISTS (SELECT 1 FROM check_ins x WHERE x.undoes_id = c.id)))::int AS "checkedIn",
             count(*)::int AS confirmed
        FROM registrations r WHERE r.conference_id = ${conferenceId} AND r.status = 'CONFIRMED'`,
    db.$queryRaw<CheckInCounts["workshops"]>`
      SELECT s.id AS "sessionId", s.title, wr.title AS round,
             count(w.id) FILTER (WHERE EXISTS (
               SELECT 1 FROM check_ins c WHERE c.registration_id = w.registration_id AND c.action = 'CHECK_IN'
                  AND NOT EXISTS (SELECT 1 FROM check_ins x WHERE x.undoes_id = c.id)))::int AS "checkedIn",
             count(w.id)::int AS confirmed
        FROM programme_sessions s
        JOIN workshop_rounds wr ON wr.id = s.workshop_round_id
        LEFT JOIN (workshop_choices w JOIN registrations r ON r.id = w.registration_id AND r.status = 'CONFIRMED')
               ON w.session_id = s.id AND w.status = 'CONFIRMED'
       WHERE s.conference_id = ${conferenceId}
       GROUP BY s.id, s.title, wr.title, wr.position, s.starts_at
       ORDER BY wr.position, s.starts_at, s.title`,
    db.$queryRaw<Array<{ sessionId: string; checkedIn: number }>>`
      SELECT c.session_id AS "sessionId", count(DISTINCT c.registration_id)::int AS "checkedIn"
        FROM check_ins c
       WHERE c.conference_id = ${conferenceId} AND c.session_id IS NOT NULL AND c.action = 'CHECK_IN'
         AND NOT EXISTS (SELECT 1 FROM check_ins x WHERE x.undoes_id = c.id)
       GROUP BY c.session_id`,
  ]);
  const total = totals[0] ?? { checkedIn: 0, confirmed: 0 };
  return { checkedIn: total.checkedIn, confirmed: total.confirmed, workshops, rooms: Object.fromEntries(rooms.map((r) => [r.sessionId, r.checkedIn])) };
}

export function ticketCodeHash(ticketCode: string): string {
  return createHash("sha256").update(ticketCode, "utf8").digest("hex");
}

/**
 * Every ticket of the conference with only what a host needs at the door, for the phone's offline list. The
 * ticket code itself is not in it: its SHA-256 lets the phone recognise a scanned code, and a lost phone's
 * list cannot be turned back into tickets. The door code is, so that a typed one is found offline too; it is
 * derived one way from the ticket code. Erased registrations are left out.
 */
export async function ticketList(conferenceId: string): Promise<TicketEntry[]> {
  const [registrations, active, places] = await Promise.all([
    db.registration.findMany({
      where: { conferenceId, erasedAt: null },
      select: { ...ATTENDEE_SELECT, ticketCode: true, doorCode: true, status: true },
      orderBy: { name: "asc" },
    }),
    ACTIVE_CHECK_INS(conferenceId),
    // Each person's workshop per round, so that a room can tell offline who belongs in it (issue 15).
    db.workshopChoice.findMany({ where: { status: "CONFIRMED", registration: { conferenceId, erasedAt: null } }, select: { registrationId: true, roundId: true, sessionId: true } }),
  ]);
  const atDoor = new Map<string, (typeof active)[number]>();
  const inRooms = new Map<string, NonNullable<TicketEntry["rooms"]>>();
  for (const row of active) {
    if (!row.sessionId) atDoor.set(row.registrationId, row);
    else inRooms.set(row.registrationId, { ...inRooms.get(row.registrationId), [row.sessionId]: { at: row.scannedAt.toISOString(), by: hostOf(row) } });
  }
  const placesOf = new Map<string, Record<string, string>>();
  for (const place of places) placesOf.set(place.registrationId, { ...placesOf.get(place.registrationId), [place.roundId]: place.sessionId });
  return registrations.map((row) => {
    const first = atDoor.get(row.id);
    return {
      ...toAttendee(row),
      codeHash: ticketCodeHash(row.ticketCode),
      doorCode: row.doorCode,
      status: row.status,
      checkedInAt: first?.scannedAt.toISOString() ?? null,
      checkedInBy: first ? hostOf(first) : null,
      places: placesOf.get(row.id) ?? {},
      rooms: inRooms.get(row.id) ?? {},
    };
  });
}

function hostOf(row: { hostName: string | null; hostEmail: string | null }): string | null {
  return row.hostEmail ? hostLabel({ name: row.hostName, email: row.hostEmail }) : null;
}

/** The sessions the door screen can work as rooms (issue 15): every session of the programme, in order. */
export async function doorSessions(conferenceId: string): Promise<DoorSession[]> {
  const sessions = await db.programmeSession.findMany({
    where: { conferenceId },
    orderBy: [{ startsAt: "asc" }, { title: "asc" }],
    select: { id: true, title: true, startsAt: true, room: { select: { name: true } }, round: { select: { id: true, title: true } } },
  });
  return sessions.map((s) => ({
    sessionId: s.id,
    title: s.title,
    room: s.room?.name ?? null,
    roundId: s.round?.id ?? null,
    roundTitle: s.round?.title ?? null,
    startsAt: s.startsAt.toISOString(),
  }));
}
