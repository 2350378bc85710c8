// @ts-check
// The headers every answer carries, and the Content-Security-Policy of pages. Plain JavaScript, as
// next.config.js requires it before any TypeScript loader runs.
//
// Where they are sent:
// - SECURITY_HEADERS: on everything Next serves (next.config.js) and on what the production server answers
//   itself (server/json-answers.ts).
// - The page policy with a nonce or hashes: on every page `npm start` serves (server/page-policy.ts): a
//   page rendered for this request gets the nonce Next put on its scripts; a page from Next's cache (ISR) gets
//   the hashes of its inline scripts, so cached pages stay cached.
// - The same policy with inline scripts allowed ('unsafe-inline'), for plain `next start`, which can do
//   neither (next.config.js); npm start replaces it on every page.
// - In development (`npm run dev`), proxy.ts sends the page policy with a nonce and 'unsafe-eval'.
// - HSTS: by `npm start` on everything it answers over https (server/serve.ts).

/** @type {ReadonlyArray<{ key: string; value: string }>} */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers without CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=()" },
];

// A year, renewed by every answer. Without includeSubDomains: the other hosts under the organisation's domain
// are not ours to put on https-only.
const STRICT_TRANSPORT_SECURITY = { key: "Strict-Transport-Security", value: "max-age=31536000" };

/**
 * The Content-Security-Policy of a page.
 * @param {{ scripts: ReadonlyArray<string>; appOrigin: string; development?: boolean }} options
 *   scripts: the sources that allow Next's inline scripts ('nonce-…' or 'sha256-…' each);
 *   appOrigin: APP_URL's origin; development: `npm run dev`.
 * @returns {string}
 */
function contentSecurityPolicy({ scripts, appOrigin, development = false }) {
  return [
    // Nothing is loaded from another site: no CDN, analytics, fonts or embeds. Everything below narrows or
    // names an exception.
    "default-src 'self'",
    // Our bundles (/_next/static, including the chunks Next's runtime adds as a page needs them, such as the
    // door's QR decoder) and Next's inline scripts (the bootstrap and the page's data), each allowed by a nonce
    // or by its hash. Never 'unsafe-inline', so a script that got into a page's HTML does not run. React uses
    // eval only in development, for its debugging aids.
    ["script-src 'self'", ...scripts, ...(development ? ["'unsafe-eval'"] : [])].join(" "),
    // The stylesheets are files (Tailwind's, with the fonts' @font-face), so no <style> element is allowed;
    // except in development, where Next's dev overlay and Turbopack's live CSS updates insert them.
    ["style-src 'self'", ...(development ? ["'unsafe-inline'"] : [])].join(" "),
    // React writes style attributes (next/image's placeholder colour, the emails in the dev mailbox); an
    // attribute can style its own element only, and loads nothing that img-src and font-src would not allow.
    "style-src-attr 'unsafe-inline'",
    // Photos and the image optimizer are ours; blob: for a photo previewed before upload, data: for the images
    // of an email in the dev mailbox. The door's camera frames go to a canvas, never to an image URL.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // fetch() to our own API (the door's scans and search, server actions, client navigation); in
    // development also the HMR WebSocket, which 'self' covers (same host and port, ws: for http:).
    "connect-src 'self'",
    // The camera is a MediaStream given to <video> (getUserMedia), not a URL: nothing to allow.
    "media-src 'self'",
    // No plugins.
    "object-src 'none'",
    // No <base>: a tag injected into a page could otherwise send every relative URL elsewhere.
    "base-uri 'none'",
    // Forms post to this site: server actions post to the page itself, sign-out and the CSV exports to their
    // routes. The browser also checks the redirect that follows a post: Auth.js's after the emailed link's
    // form goes to APP_URL, which is this site unless the page was opened under another name.
    `form-action 'self' ${appOrigin}`,
    // No site may frame ours (clickjacking); the dev mailbox frames an email itself, as srcdoc.
    "frame-ancestors 'none'",
  ].join("; ");
}

module.exports = { SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY, contentSecurityPolicy };
