// Registrations through the JSON API (POST /api/conferences/<conference>/registrations), answered by the
// production server (./serve.ts) before Next sees the request, with the same function as Next's route handler
// (lib/registrations/api.ts). In a rush every request is a sign-up, and Next's request handling cost more CPU
// than the sign-up itself (bench:rush, see the README).
import type { IncomingMessage, ServerResponse } from "node:http";
import { conferenceTag } from "../../lib/cache-tags";
import { answerRegistrationPost, REGISTRATIONS_PATH } from "../../lib/registrations/api";
import { afterSignUp } from "../../lib/registrations/after-sign-up";
import { answerJson, header, postedTo } from "./json-answers";
// Plain JavaScript, shared with Next's cache handler (next.config.js).
import { revalidateTagsOutsideNext } from "../../lib/cache/cluster-cache-handler.js";

/**
 * The conference's slug when this request is a registration for this server to answer, else null. Null too
 * until Next has started its side of the process (instrumentation.ts), which the follow-up of a sign-up needs:
 * the first requests of a fresh server go to Next's route handler, which starts it.
 */
export function registrationPostSlug(request: IncomingMessage): string | null {
  if (!afterSignUp()) return null;
  return postedTo(request, REGISTRATIONS_PATH);
}

/** Answers one registration; never throws. */
export function answerRegistration(request: IncomingMessage, response: ServerResponse, conferenceSlug: string): Promise<void> {
  const headers = { get: (name: string) => header(request, name) };
  return answerJson(
    request,
    response,
    async () => {
      const { answer, registered } = await answerRegistrationPost({ conferenceSlug, headers, body: request });
      if (registered) {
        // As the route handler does with next/cache: places left are right on the next view, on every instance.
        // The sign-up stands either way: a failure here must not tell the client to try again.
        await revalidateTagsOutsideNext([conferenceTag(registered.conferenceSlug)], { expire: 0 }).catch((error: unknown) =>
          console.error("[registration] places left not revalidated:", error instanceof Error ? error.message : error),
        );
        const after = afterSignUp();
        if (registered.newsletterOptIn) await after?.optInToNewsletter(registered.newsletterOptIn);
        after?.kickMailWorker();
      }
      return answer;
    },
    {
      log: "[registration] not answered",
      unavailable: { nl: "Even geen verbinding met de database. Probeer het zo opnieuw.", en: "The database cannot be reached just now. Please try again shortly." },
      unexpected: { nl: "Er ging iets mis aan onze kant. Probeer het zo opnieuw.", en: "Something went wrong on our side. Please try again shortly." },
    },
  );
}
