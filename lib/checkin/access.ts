// Who may work the door of a conference: HOST, ORGANISER or OWNER of the conference's organisation, read
// from the database on every request. An unknown slug and a conference of another organisation are refused
// alike, so a URL tells a stranger nothing. The rule is the database function checkin_door_access, which
// answers it all in one query (who is signed in, the conference, the role), because the door's API asks it
// on every request; a scan asks it inside its own round trip (recordScanBySession in scan.ts).
import "server-only";
import { pgPool } from "@/lib/db";
import { AuthorizationError, type AuthorizationFailure } from "@/lib/auth/authorize-reasons";
import { CHECK_IN } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { sessionTokenFrom } from "@/lib/auth/session-cookie";
import { hasNul } from "@/lib/text";

export interface CheckInConference {
  id: string;
  slug: string;
  title: string;
  organisationId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface CheckInAccess {
  conference: CheckInConference;
  host: CurrentUser;
}

export { AuthorizationError };

/** A row of the database function checkin_door_access (prisma/migrations/20261128231500_checkin_door_access). */
type DoorAccessRow = { refusal: AuthorizationFailure | null; userId: string; email: string; name: string | null } & CheckInConference;


const BY_USER = { name: "checkin-access-by-user", text: "SELECT * FROM checkin_door_access($1, $2, $3)" };
// The session's user (if the session has not expired) as a column, not a sub-select in the argument list: so
// PostgreSQL inlines the function into this query rather than planning its body on every call.
const BY_SESSION = {
  name: "checkin-access-by-session",
  text: `SELECT a.* FROM (SELECT (SELECT s.user_id FROM sessions s WHERE s.session_token = $1 AND s.expires > now()) AS user_id) who,
                 checkin_door_access(who.user_id, $2, $3) a`,
};

/** The access a checkin_door_access row grants; throws AuthorizationError for a refusal. */
async function access(query: { name: string; text: string }, who: string, conferenceSlug: string): Promise<CheckInAccess> {
  // No conference has a NUL in its address, and PostgreSQL would refuse to compare one (a 500 otherwise).
  if (hasNul(conferenceSlug)) throw new AuthorizationError("notFound");
  const { rows } = await pgPool().query<DoorAccessRow>({ ...query, values: [who, conferenceSlug, CHECK_IN] });
  const row = rows[0];
  if (!row) throw new Error("checkin_door_access returned no row");
  if (row.refusal) throw new AuthorizationError(row.refusal);
  const { id, slug, title, organisationId, startsAt, endsAt } = row;
  return { conference: { id, slug, title, organisationId, startsAt, endsAt }, host: { id: row.userId, email: row.email, name: row.name } };
}

/** The access of the given user (pages pass the signed-in user, tests any); throws AuthorizationError. */
export async function checkInAccessFor(user: CurrentUser | null, conferenceSlug: string): Promise<CheckInAccess> {
  if (!user) throw new AuthorizationError("unauthenticated");
  return access(BY_USER, user.id, conferenceSlug);
}

/** For the door's route handlers: the access of whoever's session cookie came with the request. */
export async function checkInAccessOf(request: Request, conferenceSlug: string): Promise<CheckInAccess> {
  const token = sessionTokenFrom(request.headers);
  if (!token) throw new AuthorizationError("unauthenticated");
  return access(BY_SESSION, token, conferenceSlug);
}
