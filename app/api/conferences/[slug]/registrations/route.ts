// POST a registration as JSON: lib/registrations/api.ts answers it, as it does in `npm start`'s own handler
// (server/registration-posts.ts), and the after-a-sign-up step follows, as there.
import { answered } from "@/lib/api/json";
import { afterSignUp } from "@/lib/registrations/after-sign-up";
import { signUpEffectsInNext } from "@/lib/registrations/after-sign-up-next";
import { answerRegistrationPost, REGISTRATION_FAILURE } from "@/lib/registrations/api";

export async function POST(request: Request, { params }: RouteContext<"/api/conferences/[slug]/registrations">) {
  const { slug } = await params;
  // Node's web streams are async iterable; TypeScript's DOM types do not say so.
  const body = request.body as unknown as AsyncIterable<Uint8Array> | null;
  return answered(async () => {
    const { answer, registered } = await answerRegistrationPost({ conferenceSlug: slug, headers: request.headers, body });
    if (registered) await afterSignUp(registered, signUpEffectsInNext);
    return answer;
  }, REGISTRATION_FAILURE);
}
