// What a client says about itself is believed only from the reverse proxies we were told about
// (TRUSTED_PROXY_HOPS). Rate limits need the client's address, and `next start` passes on whatever
// X-Forwarded-For the client sent, so anyone could pose as a new address per request. Here the header is
// rebuilt: the entries added by trusted proxies are kept, anything older (written by the client) is dropped,
// and the socket's peer is appended; lib/rate-limit/client-address.ts reads it back from the right. The host
// and protocol the client used (X-Forwarded-Host, -Proto, -Port) likewise: Next, next-intl and Auth.js build
// absolute URLs, redirects and the server actions' origin check from them.
import type { IncomingMessage } from "node:http";

function entries(request: IncomingMessage, name: string): string[] {
  const header = request.headers[name];
  return (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

// What a forwarded host, protocol and port may look like; anything else is dropped, as from an untrusted hop.
const FORWARDED_VALUE: Record<string, RegExp> = {
  "x-forwarded-host": /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i,
  "x-forwarded-proto": /^https?$/,
  "x-forwarded-port": /^\d{1,5}$/,
};

export function rebuildForwardedHeaders(request: IncomingMessage, trustedHops: number): void {
  const fromProxies = trustedHops > 0 ? entries(request, "x-forwarded-for").slice(-trustedHops) : [];
  const peer = request.socket.remoteAddress ?? "unknown";
  request.headers["x-forwarded-for"] = [...fromProxies, peer].join(", ");
  delete request.headers["x-real-ip"];
  // A proxy either sets these (one value, from the nearest proxy) or appends to them (what the client sent
  // comes first): either way the entry TRUSTED_PROXY_HOPS from the right is the outermost trusted proxy's.
  for (const [name, valid] of Object.entries(FORWARDED_VALUE)) {
    const values = trustedHops > 0 ? entries(request, name) : [];
    const value = values[Math.max(0, values.length - trustedHops)];
    if (value !== undefined && valid.test(value)) request.headers[name] = value;
    else delete request.headers[name];
  }
  // RFC 7239's Forwarded: nothing here reads it, so nothing a client writes in it can mislead what might.
  delete request.headers.forwarded;
}

