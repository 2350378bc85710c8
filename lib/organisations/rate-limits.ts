import type { RateLimitRule } from "@/lib/rate-limit/rate-limit";

// Invitations come from signed-in owners only; this keeps a taken-over account from mass-mailing.
export const INVITATIONS_PER_USER: RateLimitRule = { bucket: "invite:user", limit: 30, windowSeconds: 60 * 60 };
