// The secret that signs Auth.js cookies and salts the hash of every sign-in token. Read when the first auth
// request arrives, not at import: `next build` imports this code without a secret and must not fail.
import { env } from "@/lib/env";

// Published in the source on purpose: it only ever protects a developer's own machine. Anyone could forge
// sessions with it, which is why production refuses to start signing in without a real AUTH_SECRET.
const DEVELOPMENT_SECRET = "podium-development-only-secret-do-not-use-in-production";

let warned = false;

export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET is not set: sign-in is disabled. Set it to at least 32 random characters (openssl rand -base64 32).");
  }
  if (!warned) {
    warned = true;
    console.warn("[auth] WARNING: AUTH_SECRET is not set; using a fixed development secret. Never run production like this.");
  }
  return DEVELOPMENT_SECRET;
}
