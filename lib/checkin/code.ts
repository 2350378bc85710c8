// Ticket codes as scanned or typed, normalised the same way as lib/tokens.ts's normaliseTicketCode. Kept
// here because lib/tokens.ts imports node:crypto and so cannot ship to the host's phone; code.test.ts keeps
// the two in step.
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
