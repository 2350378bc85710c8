import "server-only";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/mail/outbox";
import { isBusy, lockConference, PLACES_TRANSACTION } from "./lock";
import { fillFreePlaces } from "./waitlist";
import { cancelledByOrganiserEmail } from "./emails";
import { subscribe } from "@/lib/newsletter/mutations";
import { signUp, type RegisterMeta, type RegisterOutcome } from "./register";
import type { Registration } from "./schema";

export type { RegisterOutcome };

/** Signs up (./register.ts) and passes a new registration's newsletter opt-in on. */
export async function registerForConference(conferenceSlug: string, input: Registration, meta: RegisterMeta = {}): Promise<RegisterOutcome> {
  const outcome = await signUp(conferenceSlug, input, meta);
  if (outcome.ok && outcome.newsletterOptIn) await optInToNewsletter(outcome.newsletterOptIn);
  return outcome;
}

/**
 * Double opt-in as on the site: the newsletter only starts once its own confirmation link is used. After the
 * sign-up's commit: the registration stands on its own, and a failure here costs the person nothing but this
 * email.
 */
export async function optInToNewsletter(request: NonNullable<Extract<RegisterOutcome, { ok: true }>["newsletterOptIn"]>): Promise<void> {
  await subscribe(request).catch((error: unknown) =>
    console.error("[registration] newsletter opt-in failed:", error instanceof Error ? error.message : error),
  );
}

export type CancelOutcome = { ok: true; promoted: number } | { ok: false; reason: "notFound" | "busy" };

// Cancelling frees the place and, in the same transaction, gives it to the first person waiting.
export async function cancelRegistration(
  where: { registrationId: string; conferenceId?: string },
  /** An organiser's cancel tells the attendee, in the same transaction; an attendee's own does not need to. */
  options: { notifyAttendee?: boolean } = {},
): Promise<CancelOutcome> {
  const found = await db.registration.findFirst({
    where: { id: where.registrationId, ...(where.conferenceId ? { conferenceId: where.conferenceId } : {}) },
    select: { id: true, conferenceId: true },
  });
  if (!found) return { ok: false, reason: "notFound" };
  try {
    return await db.$transaction(async (tx) => {
      await lockConference(tx, found.conferenceId);
      const current = await tx.registration.findUniqueOrThrow({ where: { id: found.id } });
      if (current.status === "CANCELLED") return { ok: true as const, promoted: 0 };
      await tx.workshopChoice.deleteMany({ where: { registrationId: found.id } });
      await tx.registration.update({
        where: { id: found.id },
        data: { status: "CANCELLED", activeEmailKey: null, cancelledAt: new Date() },
      });
      if (options.notifyAttendee) {
        await enqueueEmail(tx, await cancelledByOrganiserEmail(tx, found.id), { registrationId: found.id });
      }
      const promoted = await fillFreePlaces(tx, found.conferenceId);
      return { ok: true as const, promoted: promoted.length };
    }, PLACES_TRANSACTION);
  } catch (error) {
    if (isBusy(error)) return { ok: false, reason: "busy" };
    throw error;
  }
}
