// The organiser's certificate actions as definitions (lib/auth/authorized-action.ts): each finds the
// organisation from the record in the database and re-checks the member's role there.
import "server-only";
import type { ActionDefinition } from "@/lib/auth/authorized-action";
import { ORGANISE } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { revokeCertificate, saveCertificateSettings } from "./mutations";
import { certificateSettingsSchema, revokeSchema } from "./schema";

export const saveCertificateSettingsDefinition = {
  name: "certificates.settings",
  roles: ORGANISE,
  schema: certificateSettingsSchema,
  organisationOf: async ({ conferenceId }) =>
    (await db.conference.findUnique({ where: { id: conferenceId }, select: { organisationId: true } }))?.organisationId ?? null,
  handler: (input, access) => saveCertificateSettings(access, input),
} satisfies ActionDefinition<typeof certificateSettingsSchema, { enabled: boolean }, "notFound">;

export const revokeCertificateDefinition = {
  name: "certificates.revoke",
  roles: ORGANISE,
  schema: revokeSchema,
  organisationOf: async ({ certificateId }) =>
    (await db.certificate.findUnique({ where: { id: certificateId }, select: { conference: { select: { organisationId: true } } } }))?.conference.organisationId ?? null,
  handler: (input, access) => revokeCertificate(access, input.certificateId),
} satisfies ActionDefinition<typeof revokeSchema, { revoked: true }, "notFound" | "alreadyRevoked">;
