// A walk-in: registered at the door (within capacity, through the registration domain with source WALK_IN)
// and checked in at once. The device's nonce is both the registration's idempotency key and the check-in's
// nonce, so a retried request neither registers nor checks in twice.
import "server-only";
import { db } from "@/lib/db";
import { signUp, type SignUpOutcome } from "@/lib/places/mutations";
import { afterSignUp } from "@/lib/registrations/after-sign-up";
import { signUpEffectsInNext } from "@/lib/registrations/after-sign-up-next";
import { registrationSchema } from "@/lib/registrations/schema";
import { emailKey } from "@/lib/text";
import type { CheckInConference } from "./access";
import { recordScan } from "./scan";
import type { Verdict, WalkInInput } from "./schema";

export type WalkInOutcome =
  | { ok: true; verdict: Verdict }
  | { ok: false; reason: "full" | "closed" | "busy" };

function refusal(outcome: Exclude<SignUpOutcome, { ok: true }>): WalkInOutcome {
  if (outcome.reason === "busy") return { ok: false, reason: "busy" };
  if (outcome.reason === "notOpen" && outcome.state === "full") return { ok: false, reason: "full" };
  return { ok: false, reason: "closed" };
}

export async function registerWalkIn(
  conference: CheckInConference,
  input: WalkInInput,
  hostUserId: string,
  locale: "nl" | "en",
): Promise<WalkInOutcome> {
  const registration = registrationSchema.parse({
    name: input.name,
    email: input.email,
    organisation: input.organisation,
    privacyConsent: input.privacyConsent,
    locale,
  });
  const outcome = await signUp(conference.slug, registration, { source: "WALK_IN", idempotencyKey: input.nonce });
  if (!outcome.ok) return refusal(outcome);
  await afterSignUp(outcome, signUpEffectsInNext);
  // null: the address already had a registration here (the domain then mails its owner). At the door the
  // host may see it: check that registration in, or show why not.
  const registrationId =
    outcome.registrationId ??
    (await db.registration.findFirst({
      where: { conferenceId: conference.id, activeEmailKey: emailKey(input.email) },
      select: { id: true },
    }))?.id;
  if (!registrationId) return { ok: false, reason: "busy" };
  const verdict = await recordScan({
    conferenceId: conference.id,
    registrationId,
    method: "MANUAL",
    scannedAt: new Date(input.scannedAt),
    clientNonce: input.nonce,
    deviceId: input.deviceId,
    hostUserId,
  });
  return { ok: true, verdict };
}
