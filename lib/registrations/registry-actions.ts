"use server";
// The manage page's form for registry numbers (issue 15): authorized by the manage link, as every manage form is.
// Here rather than in lib/certificates, which builds on lib/registrations and not the other way round.
import { saveRegistryNumbersByToken, type RegistryFormState } from "./registry-numbers";

/** The attendee's registry numbers and consent; the token is bound by the page. */
export async function updateRegistryNumbersAction(token: string, _previous: RegistryFormState, form: FormData): Promise<RegistryFormState> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (typeof value === "string" && !name.startsWith("$ACTION")) values[name] = value;
  return saveRegistryNumbersByToken(token, values);
}
