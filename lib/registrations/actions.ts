"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { signUp } from "@/lib/places/mutations";
import type { Decision } from "@/lib/places/schema";
import { clientAddress } from "@/lib/rate-limit/client-address";
import { REGISTRATION_RATE_LIMIT } from "./rate-limits";
import { registrationFromFormData } from "./form-data";
import { afterSignUp } from "./after-sign-up";
import { signUpEffectsInNext } from "./after-sign-up-next";
import { REGISTRATION_MESSAGES, registrationSchema } from "./schema";

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
  const error = (formError: string, extra: Partial<Extract<RegistrationFormState, { status: "error" }>> = {}) =>
    ({ status: "error", fieldErrors: {}, formError, values, ...extra }) as const;

  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      fieldErrors[field] ??= `validation.${REGISTRATION_MESSAGES.has(issue.message) ? issue.message : "invalid"}`;
    }
    return error("registration.errors.fix", { fieldErrors });
  }

  try {
    const outcome = await signUp(conferenceSlug, parsed.data, {
      idempotencyKey,
      rateLimit: { rule: REGISTRATION_RATE_LIMIT, client: clientAddress(await headers()) },
    });
    if (outcome.ok) {
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
