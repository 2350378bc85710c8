// The attendee's registry numbers (lib/certificates) from the manage page, by their manage link (./manage-links.ts):
// the outcome in the shape the form shows, with each refusal on its field as a message key.
import "server-only";
import { setRegistryNumbers } from "@/lib/certificates/mutations";
import { registryNumbersSchema } from "@/lib/certificates/schema";
import { registrationOfToken } from "./manage-links";

export type RegistryFormState =
  | { status: "idle" }
  | { status: "saved"; values: Record<string, string> }
  | { status: "error"; fieldErrors: Record<string, string>; formError?: string; values: Record<string, string> };

export async function saveRegistryNumbersByToken(token: string, values: Record<string, string>): Promise<RegistryFormState> {
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
