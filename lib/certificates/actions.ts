"use server";
// The certificate forms' server actions: the organiser's (authorized per definition) and the attendee's registry
// numbers on the manage page (authorized by the manage link, as every manage form is).
import { authorizedAction } from "@/lib/auth/authorized-action";
import { withEffects } from "@/lib/editor/action-effects";
import { registrationOfToken } from "@/lib/registrations/manage-links";
import { revokeCertificateDefinition, saveCertificateSettingsDefinition } from "./definitions";
import { setRegistryNumbers } from "./mutations";
import { registryNumbersSchema } from "./schema";

// Nothing public shows these (the verification page is read per request): the dashboard page is refreshed.
const nothingPublic = () => undefined;

export const saveCertificateSettingsAction = withEffects(authorizedAction(saveCertificateSettingsDefinition), nothingPublic);

export const revokeCertificateAction = withEffects(authorizedAction(revokeCertificateDefinition), nothingPublic);

export type RegistryFormState =
  | { status: "idle" }
  | { status: "saved"; values: Record<string, string> }
  | { status: "error"; fieldErrors: Record<string, string>; formError?: string; values: Record<string, string> };

/** The attendee's registry numbers and consent, from the manage page; the token is bound by the page. */
export async function updateRegistryNumbersAction(token: string, _previous: RegistryFormState, form: FormData): Promise<RegistryFormState> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (typeof value === "string" && !name.startsWith("$ACTION")) values[name] = value;
  const parsed = registryNumbersSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= `certificates.validation.${issue.message}`;
    return { status: "error", fieldErrors, values };
  }
  const found = await registrationOfToken(token);
  if (!found) return { status: "error", fieldErrors: {}, formError: "certificates.manage.notFound", values };
  await setRegistryNumbers(found.id, parsed.data);
  return { status: "saved", values };
}
