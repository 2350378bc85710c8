"use server";
// The organiser's certificate actions, each authorized by its definition (./definitions.ts). The attendee's
// registry numbers are saved by lib/registrations/registry-actions.ts.
import { authorizedAction } from "@/lib/auth/authorized-action";
import { withEffects } from "@/lib/editor/action-effects";
import { revokeCertificateDefinition, saveCertificateSettingsDefinition } from "./definitions";

// Nothing public shows these (the verification page is read per request): the dashboard page is refreshed.
const nothingPublic = () => undefined;

export const saveCertificateSettingsAction = withEffects(authorizedAction(saveCertificateSettingsDefinition), nothingPublic);

export const revokeCertificateAction = withEffects(authorizedAction(revokeCertificateDefinition), nothingPublic);
