// The verdict a host's phone gives on its own while offline, from its ticket list: the same rules as the
// server's recordScan, so a scan reads the same with or without network. The server has the last word when
// the queue is sent (another device may have checked the same person in meanwhile).
import { formatTime } from "@/lib/format";
import { searchKey } from "@/lib/text";
import type { Attendee, DoorSession, TicketEntry, Verdict } from "./schema";

/** Where the phone scans: the front door (null), or a session's room (issue 15) with the conference's sessions. */
export interface LocalPlace {
  session: DoorSession;
  sessions: ReadonlyMap<string, DoorSession>;
  /** The host chose to let in someone whose place is in another workshop. */
  admitAnyway: boolean;
}

function attendeeOf(entry: TicketEntry): Attendee {
  const { registrationId, name, organisation, workshops, hostNote, dietaryNeeds, accessibilityNeeds } = entry;
  return { registrationId, name, organisation, workshops, hostNote, dietaryNeeds, accessibilityNeeds };
}

function already(entry: TicketEntry, nonce: string, at: string, by: string | null): Verdict {
  return { kind: "already", nonce, attendee: attendeeOf(entry), at, time: formatTime(new Date(at), "nl"), by };
}

export function decideLocally(entry: TicketEntry | undefined, nonce: string, place: LocalPlace | null = null): Verdict {
  if (!entry) return { kind: "unknown", nonce };
  if (entry.status === "CANCELLED") return { kind: "cancelled", nonce, name: entry.name };
  if (entry.status === "WAITLISTED") return { kind: "waitlisted", nonce, name: entry.name };
  if (!place) {
    if (entry.checkedInAt) return already(entry, nonce, entry.checkedInAt, entry.checkedInBy);
    return { kind: "welcome", nonce, attendee: attendeeOf(entry) };
  }
  // As checkin_record_scan (prisma/sql/checkin.sql): a second scan at the same room is "already here", whatever
  // the workshop; a workshop's room lets in its own people, and others only when the host admits them.
  const { session } = place;
  const here = entry.rooms?.[session.sessionId];
  if (here) return already(entry, nonce, here.at, here.by);
  const ownId = session.roundId ? entry.places?.[session.roundId] : undefined;
  if (session.roundId && ownId !== session.sessionId) {
    if (!place.admitAnyway) {
      const own = ownId ? place.sessions.get(ownId) : undefined;
      return { kind: "wrongRoom", nonce, attendee: attendeeOf(entry), own: own ? { sessionId: own.sessionId, title: own.title, room: own.room } : null };
    }
    return { kind: "welcome", nonce, attendee: attendeeOf(entry), outsideChoice: true };
  }
  return { kind: "welcome", nonce, attendee: attendeeOf(entry) };
}

/** The entry after a verdict at a place (null: the front door): checked in there when the verdict says so. */
export function afterVerdict(entry: TicketEntry, verdict: Verdict, now: Date, host: string | null, sessionId: string | null = null): TicketEntry {
  if (sessionId) {
    const rooms = entry.rooms ?? {};
    if (verdict.kind === "welcome" && !rooms[sessionId]) return { ...entry, rooms: { ...rooms, [sessionId]: { at: now.toISOString(), by: host } } };
    if (verdict.kind === "already") return { ...entry, rooms: { ...rooms, [sessionId]: { at: verdict.at, by: verdict.by } } };
    return entry;
  }
  if (verdict.kind === "welcome" && !entry.checkedInAt) return { ...entry, checkedInAt: now.toISOString(), checkedInBy: host };
  if (verdict.kind === "already") return { ...entry, checkedInAt: verdict.at, checkedInBy: verdict.by };
  return entry;
}

/** The entry after an undo at a place (null: the front door). */
export function afterUndo(entry: TicketEntry, sessionId: string | null): TicketEntry {
  if (!sessionId) return { ...entry, checkedInAt: null, checkedInBy: null };
  const rooms = { ...entry.rooms };
  delete rooms[sessionId];
  return { ...entry, rooms };
}

/** Offline search over the ticket list, with the same matching as the server's (accent- and case-free). */
export function searchLocally(entries: Iterable<TicketEntry>, term: string, limit = 12): TicketEntry[] {
  const key = searchKey(term);
  if (key.length < 2) return [];
  const found: TicketEntry[] = [];
  for (const entry of entries) {
    if (searchKey(entry.name, entry.organisation).includes(key)) found.push(entry);
    if (found.length >= limit) break;
  }
  return found;
}
