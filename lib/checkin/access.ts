// Who may work the door of a conference: HOST, ORGANISER or OWNER of the conference's organisation, read
// from the database on every request. An unknown slug and a conference of another organisation are refused
// alike, so a URL tells a stranger nothing. The rule is the database function checkin_door_access, which
// answers it all in one query (who is signed in, the conference, the role), because the door's API asks it
// on every request; a scan asks it inside its own round trip (recordScanBySession in scan.ts).
import "server-only";
import { AuthorizationError } from "@/lib/auth/authorize-reasons";
import { CHECK_IN } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { sessionTokenFrom } from "@/lib/auth/session-cookie";
import { doorAccessCall } from "./door-sql";
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

/** The access a checkin_door_access row grants; throws AuthorizationError for a refusal. */
async function access(who: Parameters<typeof doorAccessCall>[0], conferenceSlug: string): Promise<CheckInAccess> {
  // No conference has a NUL in its address, and PostgreSQL would refuse to compare one (a 500 otherwise).
  if (hasNul(conferenceSlug)) throw new AuthorizationError("notFound");
  const row = await doorAccessCall(who, conferenceSlug, CHECK_IN);
  if (row.refusal) throw new AuthorizationError(row.refusal);
  const { id, slug, title, organisationId, startsAt, endsAt, userId, email } = row;
  if (!id || !slug || !title || !organisationId || !startsAt || !endsAt || !userId || !email) throw new Error("checkin_door_access allowed without a conference or user");
  return { conference: { id, slug, title, organisationId, startsAt, endsAt }, host: { id: userId, email, name: row.name } };
}

/** The access of the given user (pages pass the signed-in user, tests any); throws AuthorizationError. */
export async function checkInAccessFor(user: CurrentUser | null, conferenceSlug: string): Promise<CheckInAccess> {
  if (!user) throw new AuthorizationError("unauthenticated");
  return access({ userId: user.id }, conferenceSlug);
}

/** For the door's route handlers: the access of whoever's session cookie came with the request. */
export async function checkInAccessOf(request: Request, conferenceSlug: string): Promise<CheckInAccess> {
  const token = sessionTokenFrom(request.headers);
  if (!token) throw new AuthorizationError("unauthenticated");
  return access({ sessionToken: token }, conferenceSlug);
}
