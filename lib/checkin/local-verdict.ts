// The verdict a host's phone gives on its own while offline, from its ticket list: the same rules as the
// server's recordScan, so a scan reads the same with or without network. The server has the last word when
// the queue is sent (another device may have checked the same person in meanwhile).
import { formatTime } from "@/lib/format";
import { searchKey } from "@/lib/text";
import type { Attendee, TicketEntry, Verdict } from "./schema";

function attendeeOf(entry: TicketEntry): Attendee {
  const { registrationId, name, organisation, workshops, hostNote, dietaryNeeds, accessibilityNeeds } = entry;
  return { registrationId, name, organisation, workshops, hostNote, dietaryNeeds, accessibilityNeeds };
}

export function decideLocally(entry: TicketEntry | undefined, nonce: string): Verdict {
  if (!entry) return { kind: "unknown", nonce };
  if (entry.status === "CANCELLED") return { kind: "cancelled", nonce, name: entry.name };
  if (entry.status === "WAITLISTED") return { kind: "waitlisted", nonce, name: entry.name };
  if (entry.checkedInAt) {
    const at = new Date(entry.checkedInAt);
    return { kind: "already", nonce, attendee: attendeeOf(entry), at: entry.checkedInAt, time: formatTime(at, "nl"), by: entry.checkedInBy };
  }
  return { kind: "welcome", nonce, attendee: attendeeOf(entry) };
}

/** The entry after a verdict: checked in when the verdict says so, keeping the first moment. */
export function afterVerdict(entry: TicketEntry, verdict: Verdict, now: Date, host: string | null): TicketEntry {
  if (verdict.kind === "welcome" && !entry.checkedInAt) return { ...entry, checkedInAt: now.toISOString(), checkedInBy: host };
  if (verdict.kind === "already") return { ...entry, checkedInAt: verdict.at, checkedInBy: verdict.by };
  return entry;
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
