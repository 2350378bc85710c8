// The server's reason for a refusal, in the host's language: the server words it in both; without words (a
// proxy's bare 413, say) the status is all the host can pass on to the organiser.
import type { Refusal } from "./door-storage";

export function refusalText(refusal: Refusal, locale: "nl" | "en", noReason: (status: number) => string): string {
  return refusal.message?.[locale] ?? noReason(refusal.status);
}
