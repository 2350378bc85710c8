"use server";
// The certificate forms' server actions: the organiser's (authorized per definition) and the attendee's registry
// numbers on the manage page (authorized by the manage link, as every manage form is).
import { authorizedAction } from "@/lib/auth/authorized-action";
import { withEffects } from "@/lib/editor/action-effects";
import { revokeCertificateDefinition, saveCertificateSettingsDefinition } from "./definitions";
import { saveRegistryNumbersByToken, type RegistryFormState } from "./manage";

// Nothing public shows these (the verification page is read per request): the dashboard page is refreshed.
const nothingPublic = () => undefined;

export const saveCertificateSettingsAction = withEffects(authorizedAction(saveCertificateSettingsDefinition), nothingPublic);

export const revokeCertificateAction = withEffects(authorizedAction(revokeCertificateDefinition), nothingPublic);

export type { RegistryFormState } from "./manage";

/** The attendee's registry numbers and consent, from the manage page; the token is bound by the page. */
export async function updateRegistryNumbersAction(token: string, _previous: RegistryFormState, form: FormData): Promise<RegistryFormState> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (typeof value === "string" && !name.startsWith("$ACTION")) values[name] = value;
  return saveRegistryNumbersByToken(token, values);
}
