// The organisation's logo: one of its own photos, printed on its badges. Stored like every upload (re-encoded
// by lib/uploads, with the alt text it is shown with); an earlier logo stays in the organisation's photos.
import "server-only";
import { recordAudit } from "@/lib/audit/log";
import type { ActionDefinition } from "@/lib/auth/authorized-action";
import type { OrganisationAccess } from "@/lib/auth/authorize";
import type { HandlerResult } from "@/lib/auth/outcome";
import { ORGANISE } from "@/lib/auth/roles";
import { withUploadedPhoto } from "@/lib/editor/photo-transaction";
import { organisationLogoSchema, type OrganisationLogo } from "./logo-schema";

export type LogoChange = { logoPhotoId: string | null };

export async function setOrganisationLogo(access: OrganisationAccess, input: OrganisationLogo): Promise<HandlerResult<LogoChange, never>> {
  const organisationId = access.organisation.id;
  return withUploadedPhoto(organisationId, { field: "logo", file: input.logo, altText: input.logoAlt }, async (tx, photo) => {
    const stored = await photo();
    if (!stored.ok) return stored;
    const logoPhotoId = stored.photoId;
    await tx.organisation.update({ where: { id: organisationId }, data: { logoPhotoId } });
    await recordAudit(tx, {
      organisationId,
      actorUserId: access.user.id,
      action: logoPhotoId ? "organisation.logo_changed" : "organisation.logo_removed",
      entityType: "organisation",
      entityId: organisationId,
      details: { name: access.organisation.name },
    });
    return { ok: true, data: { logoPhotoId } } as const;
  });
}

export const setOrganisationLogoDefinition = {
  name: "organisations.logo",
  roles: ORGANISE,
  schema: organisationLogoSchema,
  // The organisation is named in the input; authorizeMembership then finds no membership for a stranger.
  organisationOf: async (input) => input.organisationId,
  handler: (input, access) => setOrganisationLogo(access, input),
} satisfies ActionDefinition<typeof organisationLogoSchema, LogoChange, never>;
