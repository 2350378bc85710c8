import "server-only";
import type { OrganisationAccess } from "@/lib/auth/authorize";
import type { HandlerResult } from "@/lib/auth/outcome";

/** Adds the organisation's slug to a success, for a redirect to one of its dashboard pages. */
export async function inOrganisation<Data extends object, Reason extends string>(
  access: OrganisationAccess,
  result: Promise<HandlerResult<Data, Reason>>,
): Promise<HandlerResult<Data & { organisationSlug: string }, Reason>> {
  const outcome = await result;
  return outcome.ok ? { ok: true, data: { ...outcome.data, organisationSlug: access.organisation.slug } } : outcome;
}
