import type { RateLimitRule } from "@/lib/rate-limit/rate-limit";

// Per client address: a whole office behind one address can still sign up, a script cannot.
export const NEWSLETTER_CLIENT_LIMIT: RateLimitRule = { bucket: "newsletter-client", limit: 10, windowSeconds: 600 };

// Per email address: however many clients try, one inbox gets at most a few of our emails an hour. Beyond
// that the form answers as usual and sends nothing, so it cannot be used to flood someone's inbox.
export const NEWSLETTER_ADDRESS_LIMIT: RateLimitRule = { bucket: "newsletter-address", limit: 3, windowSeconds: 3600 };
