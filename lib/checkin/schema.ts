// What travels between the host's phone and the server: request schemas (zod, strict) and verdicts. Client-
// safe: the host screen imports these types and the offline queue builds these shapes.
import { z } from "zod";
import { registrationIdSchema } from "@/lib/places/registration-id";
import { registrationSchema } from "@/lib/registrations/schema";
import { lineText } from "@/lib/text";

export const CHECK_IN_METHODS = ["QR", "SEARCH", "MANUAL"] as const;
export type CheckInMethod = (typeof CHECK_IN_METHODS)[number];

// crypto.randomUUID() on the phone; anything else of that size is accepted so other clients can integrate.
const nonce = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const deviceId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
// Ticket codes are 26 characters; typed codes may carry spaces and dashes. Longer input is never a ticket.
const code = lineText().min(1).max(64);
const DAY = 86_400_000;

// A phone's clock can be off, and a queue can wait a while; a time far outside that is a broken client.
const deviceTime = z.iso.datetime({ offset: true }).refine((value) => {
  const at = Date.parse(value);
  return at > Date.now() - 30 * DAY && at < Date.now() + DAY;
}, "scannedAtOutOfRange");

export const scanSchema = z
  .object({
    nonce,
    code: code.optional(),
    registrationId: registrationIdSchema.optional(),
    method: z.enum(CHECK_IN_METHODS),
    scannedAt: deviceTime,
    deviceId,
    // Issue 15: a scan at a session's room (the door screen's room mode); absent at the front door.
    sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).optional(),
    // The host let in someone whose place is in another workshop of the round: recorded as such.
    admitAnyway: z.boolean().optional(),
  })
  .strict()
  .refine((scan) => (scan.code === undefined) !== (scan.registrationId === undefined), "codeOrRegistrationId");

export const MAX_SCANS_PER_BATCH = 200;

export const scanBatchSchema = z.object({ scans: z.array(scanSchema).min(1).max(MAX_SCANS_PER_BATCH) }).strict();
export type ScanInput = z.infer<typeof scanSchema>;

export const undoSchema = z.object({ nonce, checkInNonce: nonce, undoneAt: deviceTime, deviceId }).strict();
export type UndoInput = z.infer<typeof undoSchema>;

const recordId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

/**
 * Someone registered at the door (issue 14, item 14): a name is enough. The address is asked for (the ticket
 * comes by email) but may be left out; the name follows the public form's rules. Workshops: round id to the
 * session chosen there, given only within capacity (places_register decides). The privacy statement is asked
 * in one tap: the button that registers says the visitor agreed.
 */
export const walkInSchema = z
  .object({
    nonce,
    deviceId,
    scannedAt: deviceTime,
    name: registrationSchema.shape.name,
    email: z
      .string()
      .trim()
      .max(254, "tooLong")
      .pipe(z.union([z.literal(""), z.email("emailInvalid")]))
      .default(""),
    organisation: lineText().max(160, "tooLong").optional(),
    workshops: z.record(recordId, recordId).refine((w) => Object.keys(w).length <= 20, "invalid").default({}),
    privacyConsent: z.literal(true, "privacyRequired"),
  })
  .strict();
export type WalkInInput = z.infer<typeof walkInSchema>;

/** A workshop a walk-in can be given, as the walk-in form lists them (places left: null when unlimited). */
export interface WalkInRound {
  id: string;
  title: string;
  sessions: Array<{ id: string; title: string; room: string | null; left: number | null }>;
}

/** The door's search box (?q=): what a host types, at most 80 characters of it. */
export const searchQuerySchema = z.object({ q: lineText().transform((q) => q.slice(0, 80)) });

/** What a host may see of a person at the door. */
export interface Attendee {
  registrationId: string;
  name: string;
  organisation: string | null;
  workshops: string[];
  hostNote: string | null;
  dietaryNeeds: string | null;
  accessibilityNeeds: string | null;
}

/** One of the people a typed door code fits, when it fits more than one: the host asks which one by name. */
export interface Candidate {
  registrationId: string;
  name: string;
  organisation: string | null;
  status: "CONFIRMED" | "WAITLISTED" | "CANCELLED";
}

/** A workshop as the room mode names it: where someone's place is. */
export interface RoomSession {
  sessionId: string;
  title: string;
  room: string | null;
}

export type Verdict =
  // outsideChoice: let in at a room whose workshop is not the person's own (the host chose to admit them).
  | { kind: "welcome"; nonce: string; attendee: Attendee; outsideChoice?: boolean }
  // Room mode: a confirmed person whose place in this round is elsewhere (own: that workshop, null for none).
  // Nothing is recorded; the host may admit them anyway, which is a new scan with admitAnyway.
  | { kind: "wrongRoom"; nonce: string; attendee: Attendee; own: RoomSession | null }
  // A door code that fits several people: nothing is recorded until the host picks one.
  | { kind: "choose"; nonce: string; candidates: Candidate[] }
  // `at` is the first check-in that still counts (ISO); `time` the same as "13.02" in Amsterdam.
  | { kind: "already"; nonce: string; attendee: Attendee; at: string; time: string; by: string | null }
  // An unknown code and another conference's code get this same answer, with nothing about anyone.
  | { kind: "unknown"; nonce: string }
  | { kind: "cancelled"; nonce: string; name: string }
  | { kind: "waitlisted"; nonce: string; name: string };

export type VerdictKind = Verdict["kind"];

export interface CheckInCounts {
  checkedIn: number;
  confirmed: number;
  workshops: Array<{ sessionId: string; title: string; round: string; checkedIn: number; confirmed: number }>;
  /** Issue 15: people checked in at each session's room (a check-in no undo points at), by session id. */
  rooms: Record<string, number>;
}

/** One ticket in the list a host's phone keeps for offline use. */
export interface TicketEntry extends Attendee {
  /** SHA-256 (hex) of the normalised ticket code: enough to recognise a scan, useless as a ticket. */
  codeHash: string;
  /**
   * The door code (6 characters), in plain text: a hash of 30 bits would be undone by trying them all in
   * seconds, so hashing it would only pretend. It opens nothing by itself: a host types it and sees the name.
   */
  doorCode: string | null;
  status: "CONFIRMED" | "WAITLISTED" | "CANCELLED";
  /** First check-in at the front door that still counts, if any. */
  checkedInAt: string | null;
  checkedInBy: string | null;
  /** Issue 15, the room mode offline: round id to the session of the person's confirmed place in that round. */
  /**
   * Absent in a list a phone stored before room mode existed: offline, a workshop's room then turns everyone amber
   * without naming a room (the host can still admit them) until the list is fetched again.
   */
  places?: Record<string, string>;
  /** Room check-ins that still count, by session id: the first one's moment and host. */
  rooms?: Record<string, { at: string; by: string | null }>;
}

/** A session the door screen can work as a room (issue 15): a workshop (with its round) or a plenary session. */
export interface DoorSession extends RoomSession {
  roundId: string | null;
  roundTitle: string | null;
  startsAt: string;
}
