// Registrations through the JSON API (POST /api/conferences/<conference>/registrations), answered by the
// production server (./serve.ts) before Next sees the request, with the same function as Next's route handler
// (lib/registrations/api.ts) and the same after-a-sign-up step (lib/registrations/after-sign-up.ts). In a rush
// every request is a sign-up, and Next's request handling cost more CPU than the sign-up itself (bench:rush).
import type { IncomingMessage, ServerResponse } from "node:http";
import { answerRegistrationPost, REGISTRATION_FAILURE, REGISTRATIONS_PATH } from "../lib/registrations/api";
import { afterSignUp, providedSignUpEffects } from "../lib/registrations/after-sign-up";
import { answerJson, header, postedTo } from "./json-answers";
// Plain JavaScript, shared with Next's cache handler (next.config.js).
import { revalidateTagsOutsideNext } from "../lib/cache/cluster-cache-handler.js";

/**
 * The conference's slug when this request is a registration for this server to answer, else null. Null too
 * until Next has started its side of the process (instrumentation.ts), which the after-a-sign-up step needs:
 * the first requests of a fresh server go to Next's route handler, which starts it.
 */
export function registrationPostSlug(request: IncomingMessage): string | null {
  if (!providedSignUpEffects()) return null;
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
      const effects = providedSignUpEffects();
      if (registered && effects) {
        // next/cache is Next's: here the cache handler's shared store takes the revalidation, for every instance.
        await afterSignUp(registered, { ...effects, revalidate: (tags) => revalidateTagsOutsideNext(tags, { expire: 0 }) });
      }
      return answer;
    },
    REGISTRATION_FAILURE,
  );
}
