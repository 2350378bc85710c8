// Secrets in links and tickets. 16 random bytes = 128 bits, the floor for anything that grants access;
// tokens that grant access are stored only as their SHA-256.
import { createHash, randomBytes } from "node:crypto";

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

// Ticket codes are read aloud at the door and typed by hand: Crockford base32 (no I, L, O, U), 130 bits.
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newTicketCode(): string {
  const bytes = randomBytes(17);
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.slice(0, 26);
}

// Accepts what a person or a scanner may produce: lower case, spaces, dashes, and the letters Crockford
// maps onto digits.
export function normaliseTicketCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
