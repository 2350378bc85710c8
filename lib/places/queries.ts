// The one read of places: what every page, form, email and export shows of a conference's places and its
// workshops' (places_of in prisma/sql/places.sql, from the counts the triggers keep). Counts, not a decision:
// whoever acts on them goes through ./mutations.ts, which decides under the lock.
import { pgPool } from "@/lib/db-pool";
import { decisionSchema, placesSchema, type Decision, type Places, type SessionPlaces } from "./schema";

export type { Decision, Places, SessionPlaces };

/**
 * The conference's places and sign-up state at `now`; null when there is no such conference. `asPublished`: a
 * draft's state as it will be once published (the organisers' preview).
 */
export async function placesOf(conferenceId: string, now: Date = new Date(), options: { asPublished?: boolean } = {}): Promise<Places | null> {
  const { rows } = await pgPool().query<{ answer: unknown }>({
    name: "places-of",
    text: "SELECT places_of($1, $2, $3) AS answer",
    values: [conferenceId, now, options.asPublished === true],
  });
  const answer = rows[0]?.answer;
  return answer === null || answer === undefined ? null : placesSchema.parse(answer);
}

/** The places of several conferences at once (a dashboard's list), by conference id. */
export async function placesOfMany(conferenceIds: string[], now: Date = new Date()): Promise<Map<string, Places>> {
  if (conferenceIds.length === 0) return new Map();
  const { rows } = await pgPool().query<{ id: string; answer: unknown }>({
    name: "places-of-many",
    text: "SELECT id, places_of(id, $2, false) AS answer FROM unnest($1::text[]) AS id",
    values: [conferenceIds, now],
  });
  return new Map(rows.flatMap((row) => (row.answer === null ? [] : [[row.id, placesSchema.parse(row.answer)] as const])));
}

/**
 * Places in line for a workshop, over all of a conference's workshops, from the counts the triggers keep: what the
 * dashboard shows beside the conference's own waiting list (issue 14, item 13). Someone waiting for two workshops
 * is in two lines, and counts twice.
 */
export function workshopWaitlisted(places: Places): number {
  return places.sessions.reduce((sum, session) => sum + session.waitlisted, 0);
}

/** A workshop's places from a conference's, by session id: for pages that list the workshops. */
export function sessionPlaces(places: Places): Map<string, SessionPlaces> {
  return new Map(places.sessions.map((session) => [session.id, session]));
}

/**
 * A registration's places now (places_decision): its place or its place in the conference's line (those
 * waiting since before it, plus one), each workshop with its place or waiting list, and the ranked rounds.
 * Null when there is no such registration.
 */
export async function decisionOf(registrationId: string): Promise<Decision | null> {
  const { rows } = await pgPool().query<{ answer: unknown }>({
    name: "places-decision",
    text: "SELECT places_decision($1) AS answer",
    values: [registrationId],
  });
  const answer = rows[0]?.answer;
  return answer === null || answer === undefined ? null : decisionSchema.parse(answer);
}

/** A waiting registration's place in the conference's line; null when it is not waiting. */
export async function waitlistPosition(registrationId: string): Promise<number | null> {
  return (await decisionOf(registrationId))?.waitlistPosition ?? null;
}
