// The Content-Security-Policy of the pages npm start serves (the policy itself: lib/security-headers.js).
//
// Next puts a nonce on every script it writes when the request carries a policy with one, so each page
// request gets a fresh nonce. What the answer's policy then allows depends on where its HTML came from:
// - rendered for this request (Cache-Control: no-store: the dashboard, the door, forms posted without
//   JavaScript): the nonce, and the answer streams as Next writes it;
// - from Next's cache (ISR: the public pages), rendered earlier for someone else: the hashes of its inline
//   scripts (lib/csp/inline-scripts.ts), so the page stays cached. Next sends such a page in one piece.
// To read the HTML, pages are compressed here instead of by Next: the request reaches Next without
// Accept-Encoding, and the answer is gzipped on its way out, as Next's own compression did (level 6, from 1 KiB,
// on zlib's thread pool).
import { randomBytes } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import zlib from "node:zlib";
import { cachedPageHashes } from "../lib/csp/inline-scripts";
import { env } from "../lib/env";
import { contentSecurityPolicy } from "../lib/security-headers.js";
import { memoKey, rememberPage } from "./page-memo";

const CSP = "Content-Security-Policy";
const appOrigin = new URL(env.APP_URL).origin;

// The paths proxy.ts runs for (its matcher, which must stay a literal there): pages, not API routes, Next's
// own files, uploaded media or files with an extension.
const PAGE_PATH = /^\/(?!api|_next|_vercel|media|[^?]*\.)/;

/** A request for a page, as a browser navigates or posts a form without JavaScript; not Next's own fetches. */
export function isPageRequest(request: IncomingMessage): boolean {
  const method = request.method ?? "GET";
  if (method !== "GET" && method !== "HEAD" && method !== "POST") return false;
  // Client-side navigation and server actions fetch React's payload, not a document.
  if (request.headers.rsc !== undefined || request.headers["next-action"] !== undefined) return false;
  return PAGE_PATH.test(request.url ?? "/");
}

export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? "").split(",").some((entry) => {
    const [coding = "", ...parameters] = entry.split(";").map((s) => s.trim().toLowerCase());
    const q = parameters.find((p) => p.startsWith("q="));
    return (coding === "gzip" || coding === "*") && (q === undefined || Number(q.slice(2)) > 0);
  });
}

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript|xml|rss\+xml|[\w.+-]*\+json)|image\/svg\+xml)/i;
const THRESHOLD = 1024;

function header(response: ServerResponse, name: string): string {
  const value = response.getHeader(name);
  return Array.isArray(value) ? value.join(", ") : String(value ?? "");
}

function addVary(response: ServerResponse, name: string): void {
  const vary = header(response, "vary");
  if (!vary.split(",").some((v) => v.trim().toLowerCase() === name.toLowerCase())) {
    response.setHeader("Vary", vary ? `${vary}, ${name}` : name);
  }
}

/** Whether this answer's body may be gzipped, judged from its headers; if so, it varies with Accept-Encoding. */
function compressible(response: ServerResponse, request: IncomingMessage, statusCode: number): boolean {
  const may =
    request.method !== "HEAD" &&
    statusCode !== 204 &&
    statusCode !== 304 &&
    COMPRESSIBLE.test(header(response, "content-type")) &&
    !response.hasHeader("content-encoding") &&
    !/\bno-transform\b/i.test(header(response, "cache-control"));
  if (may) addVary(response, "Accept-Encoding");
  return may;
}

type WriteCallback = (error?: Error | null) => void;
type Chunk = string | Buffer | Uint8Array;

function toBuffer(chunk: Chunk, encoding?: BufferEncoding): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  return typeof chunk === "string" ? Buffer.from(chunk, encoding) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** Split write/end's optional (encoding, callback) arguments. */
function optional(args: unknown[]): { encoding?: BufferEncoding; callback?: WriteCallback } {
  const callback = args.find((a): a is WriteCallback => typeof a === "function");
  const encoding = args.find((a): a is BufferEncoding => typeof a === "string");
  return { encoding, callback };
}

/**
 * Prepares a page request for Next (a fresh nonce, no Accept-Encoding) and takes over the answer's head and
 * body: adds the policy, and gzips when the client accepts it.
 */
export function securePage(request: IncomingMessage, response: ServerResponse): void {
  const key = memoKey(request);
  const nonce = randomBytes(16).toString("base64");
  request.headers["content-security-policy"] = `script-src 'nonce-${nonce}'`;
  const gzip = acceptsGzip(request.headers["accept-encoding"] as string | undefined);
  delete request.headers["accept-encoding"];

  const writeHead = response.writeHead.bind(response) as (statusCode: number, statusMessage?: string) => ServerResponse;
  const write = response.write.bind(response) as (chunk: Chunk, callback?: WriteCallback) => boolean;
  const end = response.end.bind(response) as (chunk?: Chunk | (() => void), callback?: () => void) => ServerResponse;

  let mode: "pass" | "stream" | "hashed" | undefined;
  let status = 200;
  let message: string | undefined;
  const buffered: Buffer[] = [];
  let stream: zlib.Gzip | undefined;
  let flushing = false;

  const policy = (scripts: string[]) => contentSecurityPolicy({ scripts, appOrigin });

  response.writeHead = function (statusCode: number, ...rest: unknown[]): ServerResponse {
    if (mode !== undefined) return mode === "hashed" ? response : writeHead(statusCode, ...(rest as [string?]));
    const headers = rest.find((a): a is OutgoingHttpHeaders => typeof a === "object" && a !== null && !Array.isArray(a));
    for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) response.setHeader(name, value);
    status = statusCode;
    message = rest.find((a): a is string => typeof a === "string");

    const html = /^text\/html\b/i.test(header(response, "content-type"));
    const renderedNow = /\bno-store\b/i.test(header(response, "cache-control"));
    if (statusCode === 304 || (html && !renderedNow && request.method === "HEAD")) {
      // No body to read hashes from. A 304's headers replace the ones the browser stored with the page, so it
      // must not carry a policy without that page's hashes: the stored one stays.
      response.removeHeader(CSP);
    } else if (html && !renderedNow) {
      // From the cache: the policy needs the whole HTML (Next sends a cached page as one piece anyway).
      mode = "hashed";
      return response;
    } else if (html) {
      response.setHeader(CSP, policy([`'nonce-${nonce}'`]));
    }
    if (compressible(response, request, statusCode) && gzip) {
      mode = "stream";
      response.removeHeader("content-length");
      response.setHeader("Content-Encoding", "gzip");
      stream = zlib.createGzip();
      stream.on("data", (compressed: Buffer) => write(compressed));
      stream.on("end", () => end());
      stream.on("error", (error) => response.destroy(error));
    } else {
      mode = "pass";
    }
    return writeHead(status, message);
  } as typeof response.writeHead;

  const ensureHead = () => {
    if (mode === undefined) response.writeHead(response.statusCode);
  };

  response.write = function (chunk: Chunk, ...rest: unknown[]): boolean {
    ensureHead();
    const { encoding, callback } = optional(rest);
    if (mode === "hashed") {
      buffered.push(toBuffer(chunk, encoding));
      callback?.();
      return true;
    }
    if (mode === "stream" && stream) {
      stream.write(toBuffer(chunk, encoding), callback);
      // Streamed pages reach the browser as Next writes them: the writes of one turn of the event loop
      // leave together.
      if (!flushing) {
        flushing = true;
        setImmediate(() => {
          flushing = false;
          if (!stream?.writableEnded) stream?.flush();
        });
      }
      return true;
    }
    return write(toBuffer(chunk, encoding), callback);
  } as typeof response.write;

  response.end = function (...args: unknown[]): ServerResponse {
    const chunk = args.find((a): a is Chunk => typeof a === "string" || Buffer.isBuffer(a) || a instanceof Uint8Array);
    const { encoding, callback } = optional(args.filter((a) => a !== chunk));
    ensureHead();
    if (mode === "hashed") {
      if (chunk !== undefined) buffered.push(toBuffer(chunk, encoding));
      void finishHashed(buffered.length === 1 ? buffered[0]! : Buffer.concat(buffered)).then(
        () => callback?.(),
        (error: unknown) => response.destroy(error as Error),
      );
      return response;
    }
    if (mode === "stream" && stream) {
      if (chunk !== undefined) stream.write(toBuffer(chunk, encoding));
      if (callback) response.once("finish", callback);
      stream.end();
      return response;
    }
    return chunk === undefined ? end(callback) : (end as (c: Chunk, cb?: () => void) => ServerResponse)(toBuffer(chunk, encoding), callback);
  } as typeof response.end;

  async function finishHashed(body: Buffer): Promise<void> {
    response.setHeader(CSP, policy(cachedPageHashes(body, header(response, "etag"))));
    let gzipped: Buffer | null = null;
    if (compressible(response, request, status) && body.length >= THRESHOLD) {
      // Also for a client without gzip: the copy kept for the next visitors (./page-memo.ts) serves both.
      gzipped = await new Promise<Buffer>((resolve, reject) => zlib.gzip(body, (error, result) => (error ? reject(error) : resolve(result))));
    }
    const sent = gzip && gzipped ? gzipped : body;
    if (sent === gzipped) response.setHeader("Content-Encoding", "gzip");
    response.setHeader("Content-Length", sent.length);
    rememberPage(key, response, status, body, gzipped);
    writeHead(status, message);
    await new Promise<void>((resolve) => end(sent, resolve));
  }
}
