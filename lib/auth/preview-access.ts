import "server-only";
import { AuthorizationError, authorizeMembership, type OrganisationAccess } from "./authorize";
import { ROLES } from "./roles";
import { currentUser } from "./session";

/**
 * Whether the signed-in visitor may see a preview of the organisation's unpublished pages: any member, read
 * from the database now. Null for everyone else, whom the page answers with its 404.
 */
export async function previewAccess(organisationId: string): Promise<OrganisationAccess | null> {
  return authorizeMembership(await currentUser(), organisationId, ROLES).catch((error: unknown) => {
    if (error instanceof AuthorizationError) return null;
    throw error;
  });
}
