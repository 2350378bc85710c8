// Requests refused before any page, action or route handler sees them, by what their address says alone.
// Two layers ask: the production server for every request (scripts/lib/serve.ts, `npm start`), and proxy.ts
// for every page under any server (`next start`, `npm run dev`). Route handlers under /api, which proxy.ts does
// not see, refuse the same in the lookups they share (lib/checkin/access.ts, lib/registrations/register.ts,
// lib/conferences/queries.ts). No "server-only" marker and nothing of Next: serve.ts runs outside Next.

/** A refusal: the status and a short text in both languages. */
export type RequestRefusal = { status: number; text: string };

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
