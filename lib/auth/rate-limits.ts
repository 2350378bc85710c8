import { env } from "@/lib/env";
import type { RateLimitRule } from "@/lib/rate-limit/rate-limit";

// Per client address: an office behind one NAT address may have a few organisers signing in at once, but a
// script trying addresses is stopped within minutes.
export const SIGN_IN_PER_CLIENT: RateLimitRule = { bucket: "sign-in:client", limit: env.RATE_LIMIT_SIGN_IN_PER_CLIENT, windowSeconds: 15 * 60 };

// Per target address, whoever asks: nobody can fill a colleague's inbox with sign-in links, from however
// many addresses. Counted for unknown addresses too, so the answer never differs between the two.
export const SIGN_IN_PER_ADDRESS: RateLimitRule = { bucket: "sign-in:address", limit: 5, windowSeconds: 60 * 60 };

