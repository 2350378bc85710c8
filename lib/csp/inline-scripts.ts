// The hashes that allow the inline scripts of a page that Next rendered earlier and now serves from its cache
// (ISR), for its Content-Security-Policy (lib/security-headers.js). A per-request nonce cannot work there: the
// HTML is the same for everyone until it is rendered again.
//
// Only Next's own scripts may be allowed, not a script that found its way into the page's content. When npm
// start renders a page it gives Next a fresh nonce (scripts/lib/page-policy.ts), and Next puts it on every
// script it writes. So the nonce on Next's first bundle script, in <head>, is the one that page was rendered
// with, and the inline scripts that carry it are Next's: nobody could have known it when the content was
// written. A page rendered without a nonce (by plain `next start`, whose pages npm start may find in the cache
// folder) has no such mark; then every inline script is hashed, as 'unsafe-inline' would allow them anyway.
import { createHash } from "node:crypto";

// React escapes < > " in text and attribute values, and "<" inside the scripts it writes: in its HTML every
// "<script" is a tag, a script's text ends at the first "</script", and a quote ends an attribute.
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
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

/** 'sha256-…' sources for the inline scripts of `html` that Next wrote, without duplicates, in page order. */
export function inlineScriptHashes(html: string): string[] {
  const scripts = [...html.matchAll(SCRIPT)].map(([, attributes = "", text = ""]) => ({ attributes, text }));
  const renderedWith = scripts.find((s) => NEXT_BUNDLE.test(s.attributes))?.attributes.match(NONCE)?.[1];
  const hashes = new Set<string>();
  for (const { attributes, text } of scripts) {
    if (SRC.test(attributes) || !runs(attributes)) continue;
    if (renderedWith !== undefined && NONCE.exec(attributes)?.[1] !== renderedWith) continue;
    // The browser hashes the script's text as parsed: line breaks normalised to \n, UTF-8.
    hashes.add(`'sha256-${createHash("sha256").update(text.replace(/\r\n?/g, "\n")).digest("base64")}'`);
  }
  return [...hashes];
}
