// Who may work the door of a conference: HOST, ORGANISER or OWNER of the conference's organisation, read
// from the database on every request. An unknown slug and a conference of another organisation are refused
// alike, so a URL tells a stranger nothing. One query answers it all (who is signed in, the conference, the
// role), because the door's API asks it on every scan.
import "server-only";
import { pgPool } from "@/lib/db";
import { AuthorizationError } from "@/lib/auth/authorize-reasons";
import { CHECK_IN } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { sessionTokenFrom } from "@/lib/auth/session-cookie";
import type { Role } from "@/lib/generated/prisma/enums";

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

type Row = Omit<CheckInConference, "id" | "slug"> & {
  userId: string;
  email: string;
  name: string | null;
  id: string | null;
  slug: string | null;
  role: Role | null;
};

// $1 picks the user (by id, or by a session that has not expired), $2 is the slug. No row: signed out.
const ACCESS_SQL = (user: string) => `
  SELECT u.id AS "userId", u.email, u.name, c.id, c.slug, c.title, c.organisation_id AS "organisationId",
         c.starts_at AS "startsAt", c.ends_at AS "endsAt", m.role::text AS role
    FROM users u
    LEFT JOIN conferences c ON c.slug = $2
    LEFT JOIN memberships m ON m.organisation_id = c.organisation_id AND m.user_id = u.id
   WHERE u.id = ${user}`;
const BY_USER = { name: "checkin-access-by-user", text: ACCESS_SQL("$1") };
const BY_SESSION = {
  name: "checkin-access-by-session",
  text: ACCESS_SQL("(SELECT user_id FROM sessions WHERE session_token = $1 AND expires > now())"),
};

async function access(query: { name: string; text: string }, who: string, conferenceSlug: string): Promise<CheckInAccess> {
  const { rows } = await pgPool().query<Row>({ ...query, values: [who, conferenceSlug] });
  const row = rows[0];
  // Signed out is answered before anything about the conference, so it cannot leak whether a slug exists.
  if (!row) throw new AuthorizationError("unauthenticated");
  // A member of the organisation without a door role sees the same as a stranger.
  if (row.id === null || row.slug === null || row.role === null || !CHECK_IN.includes(row.role)) {
    throw new AuthorizationError("notFound");
  }
  return {
    conference: { id: row.id, slug: row.slug, title: row.title, organisationId: row.organisationId, startsAt: row.startsAt, endsAt: row.endsAt },
    host: { id: row.userId, email: row.email, name: row.name },
  };
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
