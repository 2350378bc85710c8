import { env } from "@/lib/env";

// The client's address for rate limiting. `next start` puts the socket's peer address at the right end of
// X-Forwarded-For; each trusted reverse proxy in front appends one more. Anything further left was written
// by the client and cannot be trusted, so we count TRUSTED_PROXY_HOPS entries from the right.
export function clientAddress(headers: Headers): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const index = forwarded.length - 1 - env.TRUSTED_PROXY_HOPS;
  return forwarded[index] ?? headers.get("x-real-ip") ?? "unknown";
}
