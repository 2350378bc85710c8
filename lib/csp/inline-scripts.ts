// The hashes that allow the inline scripts of a page that Next rendered earlier and now serves from its cache
// (ISR), for its Content-Security-Policy (lib/security-headers.js). A per-request nonce cannot work there: the
// HTML is the same for everyone until it is rendered again.
//
// Only Next's own scripts may be allowed, not a script that found its way into the page's content. When npm
// start renders a page it gives Next a fresh nonce (server/page-policy.ts), and Next puts it on every
// script it writes. So the nonce on Next's first bundle script, in <head>, is the one that page was rendered
// with, and the inline scripts that carry it are Next's: nobody could have known it when the content was
// written. A page rendered without a nonce (by plain `next start`, whose pages npm start may find in the cache
// folder) has no such mark; then every inline script is hashed, as 'unsafe-inline' would allow them anyway.
import { createHash } from "node:crypto";

// React escapes < > " in text and attribute values, and "<" inside the scripts it writes: in its HTML every
// "<script" is a tag, a script's text ends at the first "</script>", and a quote ends an attribute. React
// writes them in lower case; a tag in any other case is not Next's and stays unhashed.
// Scanned as bytes: decoding a page to a string cost more than finding and hashing its scripts.
const OPEN = Buffer.from("<script");
const CLOSE = Buffer.from("</script>");
const AFTER_NAME = new Set([0x20, 0x09, 0x0a, 0x0c, 0x0d, 0x2f, 0x3e]); // whitespace, "/" or ">"
const CR = 0x0d;
const NEXT_BUNDLE = /\ssrc="\/_next\//;
const NONCE = /\snonce="([^"]*)"/;
const SRC = /\ssrc=/;
// Scripts of another type (JSON-LD, for one) are data, not run, and need no allowing.
const TYPE = /\stype="([^"]*)"/;
const RUNS = /^(?:text\/javascript|application\/javascript|module)$/i;

function runs(attributes: string): boolean {
  const type = TYPE.exec(attributes)?.[1];
  return type === undefined || type === "" || RUNS.test(type);
}

function* scripts(html: Buffer): Generator<{ attributes: string; text: Buffer }> {
  for (let at = html.indexOf(OPEN); at >= 0; at = html.indexOf(OPEN, at)) {
    const tagEnd = html.indexOf(0x3e, at);
    const close = tagEnd < 0 ? -1 : html.indexOf(CLOSE, tagEnd);
    if (close < 0) return;
    const named = AFTER_NAME.has(html[at + OPEN.length] ?? 0);
    // Attributes are ASCII (paths, base64 nonces, types): latin1 decodes them as they are, and fast.
    if (named) yield { attributes: html.toString("latin1", at + OPEN.length, tagEnd), text: html.subarray(tagEnd + 1, close) };
    at = named ? close + CLOSE.length : at + OPEN.length;
  }
}

/** 'sha256-…' sources for the inline scripts of `html` that Next wrote, without duplicates, in page order. */
export function inlineScriptHashes(html: Buffer): string[] {
  const found = [...scripts(html)];
  const renderedWith = found.find((s) => NEXT_BUNDLE.test(s.attributes))?.attributes.match(NONCE)?.[1];
  const hashes = new Set<string>();
  for (const { attributes, text } of found) {
    if (SRC.test(attributes) || !runs(attributes)) continue;
    if (renderedWith !== undefined && NONCE.exec(attributes)?.[1] !== renderedWith) continue;
    // The browser hashes the script's text as parsed (line breaks normalised to \n), in UTF-8: the page's bytes.
    const parsed = text.includes(CR) ? Buffer.from(text.toString("utf8").replace(/\r\n?/g, "\n")) : text;
    hashes.add(`'sha256-${createHash("sha256").update(parsed).digest("base64")}'`);
  }
  return [...hashes];
}

// The hashes of cached pages, by ETag (Next's hash of the HTML) and length: the same cached page goes out again
// and again until it is rendered anew, and hashing it each time cost about 50 µs for a 90 KB page. Should two
// pages ever share both, the second gets the first's hashes: its own scripts are then refused, and what is
// allowed is still only what Next wrote into the first.
const hashesByEtag = new Map<string, string[]>();
const REMEMBERED = 1000;

/** inlineScriptHashes of a cached page, remembered by its ETag. */
export function cachedPageHashes(body: Buffer, etag: string): string[] {
  if (!etag) return inlineScriptHashes(body);
  const key = `${etag} ${body.length}`;
  let hashes = hashesByEtag.get(key);
  if (hashes === undefined) {
    hashes = inlineScriptHashes(body);
    hashesByEtag.set(key, hashes);
    if (hashesByEtag.size > REMEMBERED) hashesByEtag.delete(hashesByEtag.keys().next().value!);
  }
  return hashes;
}
