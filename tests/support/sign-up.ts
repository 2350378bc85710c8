// Signing up as the form and the JSON API do: lib/places decides, then the after-a-sign-up step follows (the
// newsletter's opt-in included). Without Next here, there is no page cache to revalidate and no mail worker to
// wake: tests write the emails themselves (./factories.ts, emailsTo).
import { signUp, type SignUpInput, type SignUpMeta, type SignUpOutcome } from "@/lib/places/mutations";
import { afterSignUp } from "@/lib/registrations/after-sign-up";
import { signUpEffectsInNext } from "@/lib/registrations/after-sign-up-next";

export async function registerForConference(conferenceSlug: string, input: SignUpInput, meta: SignUpMeta = {}): Promise<SignUpOutcome> {
  const outcome = await signUp(conferenceSlug, input, meta);
  if (outcome.ok) await afterSignUp(outcome, { ...signUpEffectsInNext, revalidate: () => {}, kickMailWorker: () => {} });
  return outcome;
}
