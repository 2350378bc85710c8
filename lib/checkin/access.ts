// Who may work the door of a conference: HOST, ORGANISER or OWNER of the conference's organisation, read
// from the database on every request through the auth module (lib/auth/authorize.ts). An unknown slug and a
// conference of another organisation are refused alike, so a URL tells a stranger nothing.
import "server-only";
import { db } from "@/lib/db";
import { AuthorizationError, authorizeMembership } from "@/lib/auth/authorize";
import { CHECK_IN } from "@/lib/auth/roles";
import { currentUser, type CurrentUser } from "@/lib/auth/session";

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

/** The access of the given user (tests pass one in); throws AuthorizationError. */
export async function checkInAccessFor(user: CurrentUser | null, conferenceSlug: string): Promise<CheckInAccess> {
  // Signed out is answered before the conference is looked up, so it cannot leak whether a slug exists.
  if (!user) throw new AuthorizationError("unauthenticated");
  const conference = await db.conference.findUnique({
    where: { slug: conferenceSlug },
    select: { id: true, slug: true, title: true, organisationId: true, startsAt: true, endsAt: true },
  });
  if (!conference) throw new AuthorizationError("notFound");
  const access = await authorizeMembership(user, conference.organisationId, CHECK_IN).catch((error: unknown) => {
    // A member of the organisation without a door role sees the same as a stranger.
    if (error instanceof AuthorizationError && error.reason === "forbidden") throw new AuthorizationError("notFound");
    throw error;
  });
  return { conference, host: access.user };
}

/** For pages and route handlers: the signed-in user's access to this conference's door. */
export async function requireCheckInAccess(conferenceSlug: string): Promise<CheckInAccess> {
  return checkInAccessFor(await currentUser(), conferenceSlug);
}
