// What a registration sets going once it is in and the answer is decided: the newsletter's double opt-in and a
// kick for the mail worker. Next's route handler calls them directly. The production server's own handler for
// the JSON API (scripts/lib/registration-posts.ts) runs outside Next's bundles and without Prisma, so
// instrumentation.ts hands it these on globalThis once Next has started its side of the process (as the mail
// worker keeps its state there: Next bundles instrumentation and the app separately). Until then that handler
// leaves the request to Next.
import type { NewsletterOptIn } from "@/lib/places/mutations";

export interface AfterSignUp {
  optInToNewsletter(request: NewsletterOptIn): Promise<void>;
  kickMailWorker(): void;
}

const KEY = Symbol.for("podium.afterSignUp");
const slot = globalThis as unknown as Record<symbol, AfterSignUp | undefined>;

export function provideAfterSignUp(parts: AfterSignUp): void {
  slot[KEY] = parts;
}

export function afterSignUp(): AfterSignUp | undefined {
  return slot[KEY];
}
