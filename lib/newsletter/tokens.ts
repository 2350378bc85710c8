// Tokens in newsletter links. Both are stored only as their SHA-256 (lib/tokens.ts).
//
// The confirmation token is random and lives in one email. The unsubscribe token has to be in every
// newsletter, also ones sent months later, yet we keep only its hash: so it is derived from a server
// secret and the address (HMAC-SHA256, 256 bits), and any sender can compute it again. Rotating AUTH_SECRET
// makes old unsubscribe links stop working; the unsubscribe page then still answers kindly.
import "server-only";
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";
import { hashToken, randomToken } from "@/lib/tokens";

const DEVELOPMENT_SECRET = "podium-development-only-newsletter-secret-not-for-production";

function secret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production") throw new Error("AUTH_SECRET is required for newsletter unsubscribe links");
  return DEVELOPMENT_SECRET;
}

export function unsubscribeToken(organisationId: string, emailKey: string): string {
  return createHmac("sha256", secret()).update(`newsletter-unsubscribe\u0000${organisationId}\u0000${emailKey}`).digest("base64url");
}

export function newConfirmToken(): { token: string; hash: string } {
  const token = randomToken(32);
  return { token, hash: hashToken(token) };
}

/** Tokens arrive from URLs: anything that is not base64url of a sane length is not worth a query. */
export function isPlausibleToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{22,128}$/.test(token);
}
