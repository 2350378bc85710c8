import { env } from "@/lib/env";
import type { RateLimitRule } from "@/lib/rate-limit/rate-limit";

// Generous for a team signing up colleagues from one office, tight enough to stop a script.
export const REGISTRATION_RATE_LIMIT: RateLimitRule = {
  bucket: "registration",
  limit: env.RATE_LIMIT_REGISTRATIONS,
  windowSeconds: 600,
};
