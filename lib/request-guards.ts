// Requests refused before any page, action or route handler sees them, by their address and declared size.
//
// Who applies what (issue 12, items 4 and 5):
// - server/serve.ts (`npm start`, production) asks both questions of every request, before Next or our own
//   handlers read a byte of the body; after refusing it never reads the body, and closes the connection a
//   moment later (server/serve.ts says why not at once).
// - proxy.ts asks the same for every page under any server (`next start`, `npm run dev`). Next copies a page
//   request's body for the proxy before it runs, but only up to proxyClientMaxBodySize (next.config.js).
// - next.config.js caps server actions (serverActions.bodySizeLimit) and that copy at DASHBOARD_FORM_BYTES, so no
//   action ever reads more, whatever the server. Past it Next answers 500 instead of 413: the two layers above
//   refuse first whenever the length is declared, and refuse a page request that does not declare it (411).
// - Route handlers under /api read their bodies themselves, counting the bytes (lib/api/json-body.ts for JSON,
//   lib/uploads/staging.ts and form-post.ts for photos), so a body without a declared length may go there.
//   The photo routes check who sends before they read (lib/uploads/upload-access.ts).
// No "server-only" marker and nothing of Next or of the `@/` alias: serve.ts and next.config.js load this too.
const KB = 1024;

/**
 * One photo: larger than any phone photo needs. Decided here, with every other body size, so that the guards
 * need nothing of the uploads they guard; lib/uploads/limits passes it on to the forms.
 */
export const MAX_UPLOAD_BYTES = 10 * KB * KB;

/** What anyone may post to a page (sign-up, sign-in, newsletter, the manage page): a few hundred characters. */
export const PUBLIC_FORM_BYTES = 32 * KB;
/** Organisers' forms without a photo: the longest is a report, 60,000 characters at up to 3 bytes each. */
export const DASHBOARD_FORM_BYTES = 320 * KB;
/** JSON for route handlers; a batch of 200 door scans (80 KB) is the largest. */
export const API_BYTES = 128 * KB;

/** One photo, sent alone by the editors' script before the form (app/api/uploads/route.ts). */
export const PHOTO_UPLOAD_PATH = "/api/uploads";
/** An editor's form with its photos, sent without JavaScript (app/api/uploads/form/route.ts). */
export const FORM_UPLOAD_PATH = "/api/uploads/form";
// A report's cover and the photos added to its gallery at once (lib/reports/schema.ts GALLERY_SLOTS).
export const MAX_PHOTOS_PER_FORM = 5;
/** The hidden field of such a form with its page's own path, which the form is sent on to from there. */
export const FORM_UPLOAD_RETURN_FIELD = "uploadReturnTo";
export const FORM_UPLOAD_BYTES = MAX_PHOTOS_PER_FORM * MAX_UPLOAD_BYTES + DASHBOARD_FORM_BYTES;

/** A refusal: the status and a short text in both languages. */
export type RequestRefusal = { status: number; text: string };

function pathOf(url: string): string {
  try {
    return new URL(url, "http://podium.invalid").pathname;
  } catch {
    return url.split("?")[0] ?? "";
  }
}

/**
 * A NUL (%00) in the path: no address of ours has one, and PostgreSQL cannot store or compare it in text, so a
 * slug or an id with it would fail at the database with a 500. The query is left to what reads it, which says
 * which field is wrong (the door's search answers ?q= with a field error; pages ignore what they cannot use).
 */
export function nulInAddress(url: string): RequestRefusal | null {
  const path = url.split("?")[0] ?? "";
  if (!/%00|\u0000/i.test(path)) return null;
  return {
    status: 400,
    text: "Dit adres bevat een teken dat niet kan (%00).\nThis address contains a character that is not allowed (%00).\n",
  };
}

/** The most a request's body may hold, by where it goes. Only photos are large, and only at /api/uploads. */
export function bodyLimit(path: string): number {
  if (path === PHOTO_UPLOAD_PATH) return MAX_UPLOAD_BYTES;
  if (path === FORM_UPLOAD_PATH) return FORM_UPLOAD_BYTES;
  if (path.startsWith("/api/")) return API_BYTES;
  if (/^(\/en)?\/beheer(\/|$)/.test(path)) return DASHBOARD_FORM_BYTES;
  return PUBLIC_FORM_BYTES;
}

/** Route handlers that count a body's bytes as they read it; Auth.js's (/api/auth) does not. */
function countsItsOwnBytes(path: string): boolean {
  return path.startsWith("/api/") && !path.startsWith("/api/auth/");
}

export type BodyDeclaration = { url: string; contentLength: string | null; transferEncoding: string | null };

/** 413 for a body declared larger than its destination takes; 411 for a body of unknown length sent to Next. */
export function bodyRefusal({ url, contentLength, transferEncoding }: BodyDeclaration): RequestRefusal | null {
  const path = pathOf(url);
  const limit = bodyLimit(path);
  if (contentLength !== null && Number(contentLength) > limit) {
    const size = limit >= 1024 * KB ? `${Math.round(limit / 1024 / KB)} MB` : `${Math.round(limit / KB)} KB`;
    return {
      status: 413,
      text: `Dit verzoek is te groot: hierheen kan hoogstens ${size}.\nThis request is too large: at most ${size} can be sent here.\n`,
    };
  }
  if (contentLength === null && transferEncoding !== null && !countsItsOwnBytes(path)) {
    return { status: 411, text: "Stuur de lengte van het verzoek mee (Content-Length).\nSend the request's length (Content-Length).\n" };
  }
  return null;
}
