// The after-a-sign-up step's effects inside Next (./after-sign-up.ts): next/cache's revalidation, the
// newsletter's opt-in through Prisma, and this process's mail worker.
import "server-only";
import { kickMailWorker } from "@/lib/mail/worker";
import { subscribe } from "@/lib/newsletter/mutations";
import { revalidateTags } from "@/lib/site/revalidate";
import type { SignUpEffects } from "./after-sign-up";

export const signUpEffectsInNext: SignUpEffects = {
  revalidate: revalidateTags,
  // Double opt-in as on the site: the newsletter only starts once its own confirmation link is used.
  optInToNewsletter: async (request) => void (await subscribe(request)),
  kickMailWorker,
};
