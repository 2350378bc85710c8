"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { signUp } from "@/lib/places/mutations";
import type { Decision } from "@/lib/places/schema";
import { clientAddress } from "@/lib/rate-limit/client-address";
import { REGISTRATION_RATE_LIMIT } from "./rate-limits";
import { registrationFromFormData } from "./form-data";
import { checkSignUpAnswers } from "@/lib/questions/answers";
import { afterSignUp } from "./after-sign-up";
import { signUpEffectsInNext } from "./after-sign-up-next";
import { REGISTRATION_MESSAGES, registrationSchema } from "./schema";
import { setRegistryNumbers } from "@/lib/certificates/mutations";
import { registryFromFormData, registryNumbersSchema } from "@/lib/certificates/schema";

export type RegistrationFormState =
  | { status: "idle" }
  /**
   * Signed up: `decision` is what lib/places gave the person (a place or a place in line, and per workshop a
   * place or its waiting list). Null when the address was registered here already: its owner is emailed a link.
   */
  | { status: "received"; email: string; decision: Decision | null }
  | {
      status: "error";
      // Message keys: "validation.*" for fields, "registration.errors.*" for the form.
      fieldErrors: Record<string, string>;
      formError: string;
      formErrorValues?: Record<string, number>;
      values: Record<string, unknown>;
      /** The workshops the refusal is about, so the form can name them and link to them. */
      sessionIds?: string[];
    };

// Not bound to the conference (the slug travels in a hidden field): with JavaScript off, Next 16 loops
// forever on a useActionState form whose action is bound (vercel/next.js#57867), which hangs the process.
export async function registerAction(_previous: RegistrationFormState, form: FormData): Promise<RegistrationFormState> {
  const conferenceSlug = String(form.get("conferenceSlug") ?? "");
  const values = registrationFromFormData(form);
  const idempotencyKey = z.uuid().safeParse(form.get("idempotencyKey")).data;
  const parsed = registrationSchema.safeParse(values);
  // Registry numbers (issue 15), when the conference gives certificates: checked with the other fields, kept
  // with what was typed, and stored once the sign-up is in.
  const registryValues = registryFromFormData(form);
  const registry = registryNumbersSchema.safeParse(registryValues);
  const error = (formError: string, extra: Partial<Extract<RegistrationFormState, { status: "error" }>> = {}) =>
    ({ status: "error", fieldErrors: {}, formError, values: { ...values, registry: registryValues }, ...extra }) as const;

  // The answers to the conference's own questions, with the schema the form ran in the browser, built from the
  // questions as they are now. Checked with the other fields, so every field in error is named at once.
  const locale = values.locale === "en" ? "en" : "nl";
  const answers = await checkSignUpAnswers(conferenceSlug, values.answers, locale).catch((caught: unknown) => {
    console.error("[registration] questions not read:", caught instanceof Error ? caught.name : typeof caught);
    return null;
  });
  if (!answers) return error("registration.errors.unexpected");
  if (!parsed.success || !answers.ok || !registry.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      // An answer the form's own fields cannot hold is named on its question.
      const key = field === "answers" && issue.path[1] !== undefined ? `answers.${String(issue.path[1])}` : field;
      fieldErrors[key] ??= `validation.${REGISTRATION_MESSAGES.has(issue.message) ? issue.message : "invalid"}`;
    }
    for (const [questionId, message] of Object.entries(answers.ok ? {} : answers.fieldErrors)) {
      fieldErrors[`answers.${questionId}`] ??= `validation.${message}`;
    }
    for (const issue of registry.success ? [] : registry.error.issues) fieldErrors[String(issue.path[0])] ??= `certificates.validation.${issue.message}`;
    return error("registration.errors.fix", { fieldErrors });
  }

  try {
    const outcome = await signUp(conferenceSlug, { ...parsed.data, storedAnswers: answers.answers }, {
      idempotencyKey,
      rateLimit: { rule: REGISTRATION_RATE_LIMIT, client: clientAddress(await headers()) },
    });
    if (outcome.ok) {
      // After the registration's own transaction: the sign-up stands if this fails, and the numbers can be given
      // again on the manage page. Not for an address registered before (no registration id): that is its owner's.
      if (outcome.registrationId && Object.keys(registry.data.numbers).length > 0) {
        await setRegistryNumbers(outcome.registrationId, registry.data).catch((caught: unknown) =>
          console.error("[registration] registry numbers not stored:", caught instanceof Error ? caught.name : typeof caught),
        );
      }
      await afterSignUp(outcome, signUpEffectsInNext);
      return { status: "received", email: parsed.data.email, decision: outcome.decision };
    }
    switch (outcome.reason) {
      case "invalidWorkshop":
        return error("registration.errors.invalidWorkshop", { sessionIds: outcome.sessionIds });
      case "notFound":
      case "notOpen":
        return error("registration.errors.notOpen");
      case "rateLimited":
        return error("registration.errors.rateLimited", { formErrorValues: { seconds: outcome.retryAfterSeconds } });
      case "busy":
        return error("registration.errors.busy");
      case "workshopFull":
        // Only an organiser's addition asks to be refused a full workshop; an attendee waits for it.
        throw new Error("a sign-up was refused a full workshop");
    }
  } catch (caught) {
    console.error("[registration] unexpected error:", caught instanceof Error ? caught.message : caught);
    return error("registration.errors.unexpected");
  }
}
