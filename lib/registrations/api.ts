// POST /api/conferences/<slug>/registrations: a registration as JSON, for integrations and the rush benchmark.
//
// The whole endpoint as plain data in and out, for both servers that answer it: Next's route handler
// (app/api/conferences/[slug]/registrations/route.ts, used by `npm run dev` and `next start`) and the
// production server's own handler (server/registration-posts.ts), which answers it without Next's request
// handling: in a rush this is every request, and Next's handling cost more CPU than the sign-up itself. What a
// registration sets going afterwards (revalidating the conference's pages, the newsletter opt-in, the mail
// worker) is up to each server, with the outcome's `registered`.
import { errorAnswer, readJsonChunks, SMALL_JSON_HEADERS, type Bilingual, type FailureWords, type JsonAnswer } from "@/lib/api/json-body";
import { bilingual } from "@/lib/i18n/translator";
import { clientAddress } from "@/lib/rate-limit/client-address";
import { signUp, type NewsletterOptIn } from "@/lib/places/mutations";
import { checkSignUpAnswers } from "@/lib/questions/answers";
import { REGISTRATION_RATE_LIMIT } from "./rate-limits";
import { REGISTRATION_MESSAGES, registrationSchema } from "./schema";

const MAX_BODY_BYTES = 16 * 1024;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

/**
 * Fields the API took once and no longer does, accepted and ignored so that clients written against them keep
 * working. "waitForFullWorkshops": choosing a full workshop now always means its waiting list (issue 14).
 */
const RETIRED_FIELDS = ["waitForFullWorkshops"] as const;

function withoutRetiredFields(body: unknown): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const rest: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const field of RETIRED_FIELDS) delete rest[field];
  return rest;
}

/** What both servers answer when a sign-up fails unexpectedly (lib/api/json-body.ts, failureAnswer). */
export const REGISTRATION_FAILURE: FailureWords = {
  log: "[registration] not answered",
  unavailable: { nl: "Even geen verbinding met de database. Probeer het zo opnieuw.", en: "The database cannot be reached just now. Please try again shortly." },
  unexpected: { nl: "Er ging iets mis aan onze kant. Probeer het zo opnieuw.", en: "Something went wrong on our side. Please try again shortly." },
};

/** The path this endpoint answers, with the conference's slug. */
export const REGISTRATIONS_PATH = /^\/api\/conferences\/([^/?#]+)\/registrations$/;

export interface RegistrationPost {
  conferenceSlug: string;
  /** The request's headers, by lower-case name (a Fetch API Headers, or what server/serve.ts makes of Node's). */
  headers: Pick<Headers, "get">;
  body: AsyncIterable<Uint8Array> | null;
}

export interface RegistrationAnswer {
  answer: JsonAnswer;
  /** Set when a registration was made or an address's owner emailed: the conference's places may have changed. */
  registered?: { conferenceSlug: string; newsletterOptIn?: NewsletterOptIn };
}

function error(status: number, code: string, message: Bilingual, extra: Parameters<typeof errorAnswer>[3] = {}): RegistrationAnswer {
  return { answer: errorAnswer(status, code, message, extra) };
}

export async function answerRegistrationPost(request: RegistrationPost): Promise<RegistrationAnswer> {
  const idempotencyKey = request.headers.get("idempotency-key") ?? undefined;
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    return error(400, "invalid_idempotency_key", {
      nl: "Idempotency-Key moet 8 tot 100 letters, cijfers, - of _ zijn.",
      en: "Idempotency-Key must be 8 to 100 letters, digits, - or _.",
    });
  }
  const read = await readJsonChunks(request.headers.get("content-type"), request.headers.get("content-length"), request.body, MAX_BODY_BYTES);
  if (!read.ok) return { answer: read.answer };

  const parsed = registrationSchema.safeParse(withoutRetiredFields(read.body));
  // The answers to the conference's own questions: the schema the form uses, built from the questions now.
  const answers = parsed.success ? await checkSignUpAnswers(request.conferenceSlug, parsed.data.answers, parsed.data.locale) : null;
  if (!parsed.success || (answers && !answers.ok)) {
    const fields: Record<string, Bilingual> = {};
    for (const [questionId, message] of Object.entries(answers && !answers.ok ? answers.fieldErrors : {})) {
      fields[`answers.${questionId}`] = bilingual(`validation.${message}`);
    }
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) fields[key] = { nl: "Onbekend veld.", en: "Unknown field." };
        continue;
      }
      const field = issue.path.map(String).join(".") || "body";
      fields[field] ??= bilingual(`validation.${REGISTRATION_MESSAGES.has(issue.message) ? issue.message : "invalid"}`);
    }
    return error(422, "validation_failed", bilingual("registration.errors.fix"), { fields });
  }

  const outcome = await signUp(request.conferenceSlug, { ...parsed.data, storedAnswers: answers?.ok ? answers.answers : [] }, {
    idempotencyKey,
    rateLimit: { rule: REGISTRATION_RATE_LIMIT, client: clientAddress(request.headers) },
  });
  if (outcome.ok) {
    const { decision } = outcome;
    return {
      // What was decided, as the form shows it: a place or a place in line, and per workshop a place or its
      // waiting list. An address that was registered here already gets its owner an email with the link instead.
      answer: {
        status: 202,
        body: decision
          ? {
              status: "received",
              registration: {
                status: decision.status === "WAITLISTED" ? "waitlisted" : "confirmed",
                waitlistPosition: decision.waitlistPosition,
                workshops: decision.choices.map((c) => ({ roundId: c.roundId, sessionId: c.sessionId, status: c.status === "WAITLISTED" ? "waitlisted" : "confirmed" })),
                rankedRoundIds: decision.rankedRoundIds,
              },
              message: bilingual(decision.status === "WAITLISTED" ? "registration.outcome.apiWaitlisted" : "registration.outcome.apiConfirmed", {
                email: parsed.data.email,
                position: decision.waitlistPosition ?? 1,
              }),
            }
          : { status: "alreadyRegistered", message: bilingual("registration.outcome.apiAlready", { email: parsed.data.email }) },
        headers: { ...SMALL_JSON_HEADERS },
      },
      registered: { conferenceSlug: outcome.conferenceSlug, ...(outcome.newsletterOptIn ? { newsletterOptIn: outcome.newsletterOptIn } : {}) },
    };
  }
  switch (outcome.reason) {
    case "notFound":
      return error(404, "not_found", { nl: "Deze conferentie bestaat niet.", en: "This conference does not exist." });
    case "notOpen":
      return error(409, "registration_not_open", bilingual("registration.errors.notOpen"), { state: outcome.state });
    case "invalidWorkshop":
      return error(422, "invalid_workshop", bilingual("registration.errors.invalidWorkshop"), { sessionIds: outcome.sessionIds });
    case "workshopFull":
      // Only an organiser's addition asks to be refused a full workshop; through the API a full workshop is its
      // waiting list.
      throw new Error("a sign-up was refused a full workshop");
    case "busy":
      return error(503, "busy", bilingual("registration.errors.busy"), { headers: { "Retry-After": "2" } });
    case "rateLimited":
      return error(429, "rate_limited", bilingual("registration.errors.rateLimited", { seconds: outcome.retryAfterSeconds }), {
        headers: { "Retry-After": String(outcome.retryAfterSeconds) },
      });
  }
}
