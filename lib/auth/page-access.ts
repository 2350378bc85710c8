import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import type { Role } from "@/lib/generated/prisma/enums";
import { AuthorizationError, authorizeMembershipBySlug, type OrganisationAccess } from "./authorize";
import { localizedPath } from "@/lib/site/urls";
import { ROLES } from "./roles";
import { currentUser, type CurrentUser } from "./session";

/** Signed out: to the sign-in page, which brings the person back here afterwards. */
function toSignIn(locale: Locale, path: string): never {
  return redirect({ href: { pathname: "/inloggen", query: { callbackUrl: localizedPath(locale, path) } }, locale });
}

/** For pages that need a signed-in user but no organisation (the picker, an invitation). */
export async function requireUserForPage(locale: Locale, path: string): Promise<CurrentUser> {
  const user = await currentUser();
  return user ?? toSignIn(locale, path);
}

// The layout and the page of one request share one database read; the next request reads again.
const membershipOf = cache(async (user: CurrentUser, organisationSlug: string) =>
  authorizeMembershipBySlug(user, organisationSlug, ROLES).catch((error: unknown) => {
    if (error instanceof AuthorizationError) return null;
    throw error;
  }),
);

/**
 * For pages under /beheer/<organisation>: the user's access, read from the database for this request. A
 * stranger's organisation, an unknown slug and a role that is not enough all render the 404 page, so the
 * URL tells nothing. (A real 403 page needs Next's experimental authInterrupts; not worth the flag here.)
 */
export async function requireOrganisationPage(
  locale: Locale,
  organisationSlug: string,
  allowed: readonly Role[],
  path: string,
): Promise<OrganisationAccess> {
  const user = await requireUserForPage(locale, path);
  const access = await membershipOf(user, organisationSlug);
  if (!access || !allowed.includes(access.role)) notFound();
  return access;
}
