import "server-only";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { AuthorizationError, type AuthorizationFailure } from "./authorize-reasons";
import { currentUser, type CurrentUser } from "./session";

export { AuthorizationError, type AuthorizationFailure };

export interface OrganisationAccess {
  user: CurrentUser;
  organisation: { id: string; slug: string; name: string };
  membershipId: string;
  role: Role;
}

const ORGANISATION = { select: { id: true, slug: true, name: true } } as const;

function check(
  user: CurrentUser | null,
  membership: { id: string; role: Role; organisation: OrganisationAccess["organisation"] } | null,
  allowed: readonly Role[],
): OrganisationAccess {
  if (!user) throw new AuthorizationError("unauthenticated");
  if (!membership) throw new AuthorizationError("notFound");
  if (!allowed.includes(membership.role)) throw new AuthorizationError("forbidden");
  return { user, organisation: membership.organisation, membershipId: membership.id, role: membership.role };
}

/** The user's role in the organisation, read from the database now (never from the session or a cookie). */
export async function authorizeMembership(
  user: CurrentUser | null,
  organisationId: string,
  allowed: readonly Role[],
): Promise<OrganisationAccess> {
  const membership = user
    ? await db.membership.findUnique({
        where: { organisationId_userId: { organisationId, userId: user.id } },
        select: { id: true, role: true, organisation: ORGANISATION },
      })
    : null;
  return check(user, membership, allowed);
}

/** As authorizeMembership, for URLs that name the organisation by its slug (/beheer/<slug>/...). */
export async function authorizeMembershipBySlug(
  user: CurrentUser | null,
  organisationSlug: string,
  allowed: readonly Role[],
): Promise<OrganisationAccess> {
  const membership = user
    ? await db.membership.findFirst({
        where: { userId: user.id, organisation: { slug: organisationSlug } },
        select: { id: true, role: true, organisation: ORGANISATION },
      })
    : null;
  return check(user, membership, allowed);
}

/** For server code with a request: the signed-in user's access, or an AuthorizationError. */
export async function requireMembership(organisationId: string, allowed: readonly Role[]): Promise<OrganisationAccess> {
  return authorizeMembership(await currentUser(), organisationId, allowed);
}

/** For route handlers: the status that goes with a refusal. */
export function authorizationStatus(error: AuthorizationError): 401 | 403 | 404 {
  if (error.reason === "unauthenticated") return 401;
  return error.reason === "forbidden" ? 403 : 404;
}
