import { env } from "@/lib/env";

// The client's address for rate limiting. `npm start` (server/serve.ts) rebuilds X-Forwarded-For: it
// keeps only the entries written by TRUSTED_PROXY_HOPS reverse proxies and appends the socket's peer. So the
// entry TRUSTED_PROXY_HOPS places from the right is the client as the outermost trusted proxy saw it.
// (Plain `next start` keeps whatever header the client sent; it is not used in production for that reason.)
export function clientAddress(headers: Pick<Headers, "get">): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const index = forwarded.length - 1 - env.TRUSTED_PROXY_HOPS;
  return forwarded[index] ?? headers.get("x-real-ip") ?? "unknown";
}
