// The Auth.js session cookie, read straight from a request's headers. For the door's API, which a host's phone
// calls several times a second at 12.45: there the session row is read in the same query that checks the door
// role (lib/checkin/access.ts) instead of through Auth.js's session endpoint, which costs two more round trips.
// Pages keep using currentUser() (lib/auth/session.ts), which also slides the session's expiry forward. No
// "server-only" marker: the production server's own handler for door scans (server/serve.ts) uses it too.

// Auth.js names the cookie with the __Secure- prefix when the site is served over https; browsers only accept
// that name from a secure origin, so it is preferred when both are sent.
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** The session token from a request's Cookie header (its headers, or the header itself), or null when none is sent. */
export function sessionTokenFrom(headers: Headers | string | null): string | null {
  const header = typeof headers === "string" || headers === null ? headers : headers.get("cookie");
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    const name = part.slice(0, at).trim();
    // The first of two cookies with one name wins, as in Auth.js's own parser.
    if (at > 0 && !cookies.has(name)) cookies.set(name, part.slice(at + 1).trim());
  }
  for (const name of SESSION_COOKIES) {
    const value = cookies.get(name);
    if (value) return value;
  }
  return null;
}
