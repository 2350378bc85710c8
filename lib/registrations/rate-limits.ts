import { env } from "@/lib/env";
import type { RateLimitRule } from "@/lib/rate-limit/rate-limit";

// Generous for a team signing up colleagues from one office, tight enough to stop a script.
export const REGISTRATION_RATE_LIMIT: RateLimitRule = {
  bucket: "registration",
  limit: env.RATE_LIMIT_REGISTRATIONS,
  windowSeconds: 600,
};

// An address that is already registered gets its owner an email with the manage link when someone registers it
// again. Anyone can type anyone's address, so that email leaves at most once per 10 minutes per address and
// conference (keyed by both, hashed); further attempts in the window send and change nothing.
export const OWNER_MAIL_THROTTLE: RateLimitRule = {
  bucket: "registration-owner-mail",
  limit: 1,
  windowSeconds: 600,
};
