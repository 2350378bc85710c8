// Ticket codes and door codes as scanned or typed, normalised the same way as lib/tokens.ts's
// normaliseTicketCode. Kept here because lib/tokens.ts imports node:crypto and so cannot ship to the host's
// phone; code.test.ts keeps the two in step.
export function normaliseScannedCode(input: string): string {
  return input
    .trim()
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
}

/** Codes are Crockford base32; anything else can be answered "unknown" without asking the database. */
export function looksLikeTicketCode(normalised: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]{16,40}$/.test(normalised);
}

/**
 * The door code (6 characters, prisma/sql/checkin.sql's checkin_door_code): what a host types when the
 * attendee reads it out, instead of the ticket code's 26.
 */
export const DOOR_CODE_LENGTH = 6;

export function looksLikeDoorCode(normalised: string): boolean {
  return normalised.length === DOOR_CODE_LENGTH && /^[0-9A-HJKMNP-TV-Z]+$/.test(normalised);
}

/** Anything the door looks up: a ticket code or a door code. */
export function looksLikeCode(normalised: string): boolean {
  return looksLikeTicketCode(normalised) || looksLikeDoorCode(normalised);
}
