import "server-only";
import { subscribe } from "@/lib/newsletter/mutations";
import { signUp, type NewsletterOptIn, type SignUpInput, type SignUpMeta, type SignUpOutcome } from "@/lib/places/mutations";

export type RegisterOutcome = SignUpOutcome;

/** Signs up (lib/places decides) and passes a new registration's newsletter opt-in on. */
export async function registerForConference(conferenceSlug: string, input: SignUpInput, meta: SignUpMeta = {}): Promise<RegisterOutcome> {
  const outcome = await signUp(conferenceSlug, input, meta);
  if (outcome.ok && outcome.newsletterOptIn) await optInToNewsletter(outcome.newsletterOptIn);
  return outcome;
}

/**
 * Double opt-in as on the site: the newsletter only starts once its own confirmation link is used. After the
 * sign-up's commit: the registration stands on its own, and a failure here costs the person nothing but this
 * email.
 */
export async function optInToNewsletter(request: NewsletterOptIn): Promise<void> {
  await subscribe(request).catch((error: unknown) =>
    console.error("[registration] newsletter opt-in failed:", error instanceof Error ? error.message : error),
  );
}
