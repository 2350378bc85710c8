// POST a registration as JSON: lib/registrations/api.ts answers it, as it does in `npm start`'s own handler.
import { jsonResponse } from "@/lib/api/json";
import { revalidateConference } from "@/lib/conferences/revalidate";
import { kickMailWorker } from "@/lib/mail/worker";
import { answerRegistrationPost } from "@/lib/registrations/api";
import { optInToNewsletter } from "@/lib/registrations/mutations";

export async function POST(request: Request, { params }: RouteContext<"/api/conferences/[slug]/registrations">) {
  const { slug } = await params;
  // Node's web streams are async iterable; TypeScript's DOM types do not say so.
  const body = request.body as unknown as AsyncIterable<Uint8Array> | null;
  const { answer, registered } = await answerRegistrationPost({ conferenceSlug: slug, headers: request.headers, body });
  if (registered) {
    revalidateConference(registered.conferenceSlug);
    if (registered.newsletterOptIn) await optInToNewsletter(registered.newsletterOptIn);
    kickMailWorker();
  }
  return jsonResponse(answer);
}
