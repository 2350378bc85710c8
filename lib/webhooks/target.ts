// Where a webhook may be sent (issue 17, item 4): http(s) only, and only to public addresses, checked on the
// addresses the name resolves to (not the name), and again for every redirect. The connection is then made to
// the very address that was checked, so a name that resolves differently a moment later (DNS rebinding) cannot
// slip past. WEBHOOKS_ALLOW_PRIVATE_TARGETS opens loopback and private ranges for self-hosted setups.
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

const blocked = new BlockList();
// IPv4: "this network", private, carrier-grade NAT, loopback, link-local, IETF protocol assignments, TEST-NETs,
// benchmarking, multicast and reserved, broadcast.
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
// IPv6: unspecified, loopback, IPv4-mapped (checked as IPv4 below), NAT64, discard, documentation, unique local,
// link-local, multicast.
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** True for an address a webhook must not reach from here (unless private targets are allowed). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return blocked.check(mapped, "ipv4");
  return blocked.check(address, "ipv6");
}

export type Target =
  | { ok: true; url: URL; address: string; family: 4 | 6 }
  | { ok: false; reason: "invalidUrl" | "unresolvable" | "privateAddress" };

/** The address to connect to for a URL, or why it is refused. */
export async function resolveTarget(raw: string, allowPrivate: boolean): Promise<Target> {
  if (!URL.canParse(raw)) return { ok: false, reason: "invalidUrl" };
  const url = new URL(raw);
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, reason: "invalidUrl" };
  if (url.username || url.password) return { ok: false, reason: "invalidUrl" };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: Array<{ address: string; family: number }>;
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true, verbatim: true });
  } catch {
    return { ok: false, reason: "unresolvable" };
  }
  if (addresses.length === 0) return { ok: false, reason: "unresolvable" };
  // Every address the name has must be public: a client would pick any of them.
  if (!allowPrivate && addresses.some((a) => isPrivateAddress(a.address))) return { ok: false, reason: "privateAddress" };
  const first = addresses[0]!;
  return { ok: true, url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
