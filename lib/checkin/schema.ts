// What travels between the host's phone and the server: request schemas (zod, strict) and verdicts. Client-
// safe: the host screen imports these types and the offline queue builds these shapes.
import { z } from "zod";
import { registrationIdSchema } from "@/lib/places/registration-id";
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
  })
  .strict()
  .refine((scan) => (scan.code === undefined) !== (scan.registrationId === undefined), "codeOrRegistrationId");

export const MAX_SCANS_PER_BATCH = 200;

export const scanBatchSchema = z.object({ scans: z.array(scanSchema).min(1).max(MAX_SCANS_PER_BATCH) }).strict();
export type ScanInput = z.infer<typeof scanSchema>;

export const undoSchema = z.object({ nonce, checkInNonce: nonce, undoneAt: deviceTime, deviceId }).strict();
export type UndoInput = z.infer<typeof undoSchema>;

export const walkInSchema = z
  .object({
    nonce,
    deviceId,
    scannedAt: deviceTime,
    name: lineText().min(2, "nameRequired").max(120, "tooLong"),
    email: z.string().trim().max(254, "tooLong").pipe(z.email("emailInvalid")),
    organisation: lineText().max(160, "tooLong").optional(),
    // The host asks; the visitor agrees to the privacy statement before their data is stored.
    privacyConsent: z.literal(true, "privacyRequired"),
  })
  .strict();
export type WalkInInput = z.infer<typeof walkInSchema>;

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

export type Verdict =
  | { kind: "welcome"; nonce: string; attendee: Attendee }
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
}

/** One ticket in the list a host's phone keeps for offline use. */
export interface TicketEntry extends Attendee {
  /** SHA-256 (hex) of the normalised ticket code: enough to recognise a scan, useless as a ticket. */
  codeHash: string;
  status: "CONFIRMED" | "WAITLISTED" | "CANCELLED";
  /** First check-in that still counts, if any. */
  checkedInAt: string | null;
  checkedInBy: string | null;
}
