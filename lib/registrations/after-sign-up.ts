// What a sign-up sets going once it is in and its answer is decided: the conference's pages show the places
// left, the newsletter's double opt-in starts, the mail worker wakes for the confirmation. One step, for every
// way in: the form, the JSON API under Next and under npm start's own handler (server/registration-posts.ts),
// a walk-in at the door and an organiser's addition. Where they differ is how it is done, passed in as effects:
// inside Next (./after-sign-up-next.ts) or outside it, where npm start's handler runs without Next's bundles
// and without Prisma, so instrumentation.ts hands it the Next side's pieces on globalThis (as the mail worker
// keeps its state there: Next bundles instrumentation and the app separately). Until then that handler leaves
// the request to Next.
import { conferenceTag } from "@/lib/cache-tags";
import type { NewsletterOptIn } from "@/lib/places/mutations";

export type SignedUp = { conferenceSlug: string; newsletterOptIn?: NewsletterOptIn };

export interface SignUpEffects {
  /** Expires cache tags: next/cache's revalidateTag inside Next, the shared store of the cache handler outside. */
  revalidate(tags: string[]): void | Promise<void>;
  optInToNewsletter(request: NewsletterOptIn): Promise<void>;
  kickMailWorker(): void;
}

/** The step itself. The sign-up stands whatever happens here: a failure must not tell the client to try again. */
export async function afterSignUp(signedUp: SignedUp, effects: SignUpEffects): Promise<void> {
  try {
    // Places left are right on the next view, on every instance.
    await effects.revalidate([conferenceTag(signedUp.conferenceSlug)]);
  } catch (error) {
    console.error("[registration] places left not revalidated:", error instanceof Error ? error.message : error);
  }
  if (signedUp.newsletterOptIn) {
    await effects.optInToNewsletter(signedUp.newsletterOptIn).catch((error: unknown) =>
      console.error("[registration] newsletter opt-in failed:", error instanceof Error ? error.message : error),
    );
  }
  effects.kickMailWorker();
}

const KEY = Symbol.for("podium.signUpEffects");
const slot = globalThis as unknown as Record<symbol, Omit<SignUpEffects, "revalidate"> | undefined>;

/** instrumentation.ts: the Next side's newsletter opt-in and mail worker, for npm start's own handler. */
export function provideSignUpEffects(effects: Omit<SignUpEffects, "revalidate">): void {
  slot[KEY] = effects;
}

/** What instrumentation.ts provided; undefined until Next has started its side of the process. */
export function providedSignUpEffects(): Omit<SignUpEffects, "revalidate"> | undefined {
  return slot[KEY];
}
