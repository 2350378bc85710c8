// Cached public pages, answered again for a moment without Next (npm start only).
//
// A page Next serves from its cache (ISR) is the same for every visitor until it is rendered again, yet each
// request for it costs Next's whole request path: proxy.ts with next-intl, routing, the cache lookup, an ETag
// hashed over the whole HTML, and here its Content-Security-Policy and gzip. Under load that made a cached
// page several times dearer than a static file (README, "Public pages under load"). So the answer npm start
// sent for such a page, headers and gzipped body, is kept here and sent as it is to whoever asks for the same
// address within MAX_AGE_MS, and never after this process learns of any revalidation: from this instance or,
// read back from PostgreSQL once a second, from another (lib/cache/tag-revalidations.js). A change therefore
// shows as soon as it does without this; a page's own revalidate time is at most MAX_AGE_MS late.
//
// Only what is the same for everyone is kept: GET of an address without a query, no RSC or router headers, no
// conditional request, a 200 that Next served from its cache as fresh (x-nextjs-cache HIT or MISS, never a
// STALE copy it is rendering again), with a shared-cache lifetime (s-maxage) and no cookie. Nothing here is
// state another instance needs: each keeps its own copies, and a copy is at most a second old.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { revalidationGeneration } from "../lib/cache/cluster-cache-handler.js";
import { databaseHealth } from "../lib/health";

const MAX_AGE_MS = 1_000;
// Bounded: the public pages that are read most; an address nobody asks for again is dropped first.
const MAX_ENTRIES = 200;
// Set per request by server/serve.ts or by Node itself, never replayed.
const PER_REQUEST = new Set(["strict-transport-security", "date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"]);

interface Entry {
  at: number;
  generation: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  gzipped: Buffer | null;
}

const entries = new Map<string, Entry>();

/** The address whose answer may be kept and replayed, or null when this request must reach Next. */
export function memoKey(request: IncomingMessage): string | null {
  if (request.method !== "GET") return null;
  const url = request.url ?? "/";
  if (url.includes("?")) return null;
  const h = request.headers;
  const personal = ["rsc", "next-action", "next-router-prefetch", "next-router-state-tree", "if-none-match", "if-modified-since", "range", "authorization"];
  return personal.some((name) => h[name] !== undefined) ? null : url;
}

/** Keeps the answer just sent for `key`, when it is one that is the same for everyone. */
export function rememberPage(key: string | null, response: ServerResponse, status: number, body: Buffer, gzipped: Buffer | null): void {
  if (key === null || status !== 200) return;
  const generation = revalidationGeneration();
  if (generation === null) return;
  const cacheState = String(response.getHeader("x-nextjs-cache") ?? "");
  const cacheControl = String(response.getHeader("cache-control") ?? "");
  if ((cacheState !== "HIT" && cacheState !== "MISS") || !/\bs-maxage=\d/.test(cacheControl) || response.hasHeader("set-cookie")) return;
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(response.getHeaders())) {
    if (value !== undefined && !PER_REQUEST.has(name)) headers[name] = value;
  }
  // Rendered for the first visitor (MISS) or not, the next ones get it from a cache.
  headers["x-nextjs-cache"] = "HIT";
  entries.delete(key);
  entries.set(key, { at: Date.now(), generation, headers, body, gzipped });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
}

/**
 * Answers from a kept copy when there is a fresh one; false when the request must go to Next. While the
 * database is unreachable Next answers (proxy.ts's friendly 503), as it would without this.
 */
export async function replayPage(request: IncomingMessage, response: ServerResponse, acceptsGzip: boolean): Promise<boolean> {
  const key = memoKey(request);
  const entry = key === null ? undefined : entries.get(key);
  if (!entry || key === null) return false;
  if (Date.now() - entry.at > MAX_AGE_MS || entry.generation !== revalidationGeneration()) {
    entries.delete(key);
    return false;
  }
  if (!(await databaseHealth()).ok) return false;
  const body = acceptsGzip && entry.gzipped ? entry.gzipped : entry.body;
  const headers: OutgoingHttpHeaders = { ...entry.headers, "content-length": body.length };
  if (body === entry.gzipped) headers["content-encoding"] = "gzip";
  response.writeHead(200, headers);
  response.end(body);
  return true;
}
