// POST a registration as JSON: the same domain function as the form, for integrations and the rush benchmark.
import { bilingual, jsonError, readJsonBody, SMALL_JSON_HEADERS } from "@/lib/api/json";
import { revalidateConference } from "@/lib/conferences/revalidate";
import { kickMailWorker } from "@/lib/mail/worker";
import { clientAddress } from "@/lib/rate-limit/client-address";
import { hit } from "@/lib/rate-limit/rate-limit";
import { registerForConference } from "@/lib/registrations/mutations";
import { REGISTRATION_RATE_LIMIT } from "@/lib/registrations/rate-limits";
import { registrationSchema } from "@/lib/registrations/schema";

const MAX_BODY_BYTES = 16 * 1024;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

export async function POST(request: Request, { params }: RouteContext<"/api/conferences/[slug]/registrations">) {
  const { slug } = await params;
  const idempotencyKey = request.headers.get("idempotency-key") ?? undefined;
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    return jsonError(400, "invalid_idempotency_key", {
      nl: "Idempotency-Key moet 8 tot 100 letters, cijfers, - of _ zijn.",
      en: "Idempotency-Key must be 8 to 100 letters, digits, - or _.",
    });
  }
  const read = await readJsonBody(request, MAX_BODY_BYTES);
  if (!read.ok) return read.response;

  const parsed = registrationSchema.safeParse(read.body);
  if (!parsed.success) {
    const fields: Record<string, ReturnType<typeof bilingual>> = {};
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) fields[key] = { nl: "Onbekend veld.", en: "Unknown field." };
        continue;
      }
      const field = issue.path.map(String).join(".") || "body";
      const known = ["nameRequired", "emailInvalid", "tooLong", "privacyRequired"].includes(issue.message);
      fields[field] ??= bilingual(`validation.${known ? issue.message : "invalid"}`);
    }
    return jsonError(422, "validation_failed", bilingual("registration.errors.fix"), { fields });
  }

  const limited = await hit(REGISTRATION_RATE_LIMIT, clientAddress(request.headers));
  if (!limited.ok) {
    return jsonError(429, "rate_limited", bilingual("registration.errors.rateLimited", { seconds: limited.retryAfterSeconds }), {
      headers: { "Retry-After": String(limited.retryAfterSeconds) },
    });
  }

  const outcome = await registerForConference(slug, parsed.data, { idempotencyKey });
  if (outcome.ok) {
    revalidateConference(outcome.conferenceSlug);
    kickMailWorker();
    // The same answer whether or not the address was already registered.
    return Response.json(
      { status: "received", message: bilingual("registration.receivedText", { email: parsed.data.email }) },
      { status: 202, headers: SMALL_JSON_HEADERS },
    );
  }
  switch (outcome.reason) {
    case "notFound":
      return jsonError(404, "not_found", { nl: "Deze conferentie bestaat niet.", en: "This conference does not exist." });
    case "notOpen":
      return jsonError(409, "registration_not_open", bilingual("registration.errors.notOpen"), { state: outcome.state });
    case "invalidWorkshop":
      return jsonError(422, "invalid_workshop", bilingual("registration.errors.invalidWorkshop"));
    case "workshopFull":
      return jsonError(409, "workshop_full", bilingual("registration.errors.workshopFull"), { sessionIds: outcome.sessionIds });
    case "busy":
      return jsonError(503, "busy", bilingual("registration.errors.busy"), { headers: { "Retry-After": "2" } });
  }
}
