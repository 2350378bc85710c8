// A walk-in: registered at the door (within capacity, through lib/places with source WALK_IN) and checked in at
// once. The device's nonce is both the registration's idempotency key and the check-in's nonce, so a retried
// request neither registers nor checks in twice. A name is enough: without an address the person gets no email
// (they are at the door), and their workshops are given only where there is a place (places_register decides).
import "server-only";
import { db } from "@/lib/db";
import { placesOf } from "@/lib/places/queries";
import { signUp, type SignUpOutcome } from "@/lib/places/mutations";
import { afterSignUp } from "@/lib/registrations/after-sign-up";
import { signUpEffectsInNext } from "@/lib/registrations/after-sign-up-next";
import { emailKey } from "@/lib/text";
import type { CheckInConference } from "./access";
import { recordScan } from "./scan";
import type { Verdict, WalkInInput, WalkInRound } from "./schema";

export type WalkInRefusal =
  | { ok: false; reason: "full" | "closed" | "busy" | "invalidWorkshop" }
  | { ok: false; reason: "workshopFull"; sessionIds: string[] };

export type WalkInOutcome = { ok: true; verdict: Verdict } | WalkInRefusal;

function refusal(outcome: Exclude<SignUpOutcome, { ok: true }>): WalkInRefusal {
  if (outcome.reason === "busy") return { ok: false, reason: "busy" };
  if (outcome.reason === "workshopFull") return { ok: false, reason: "workshopFull", sessionIds: outcome.sessionIds };
  if (outcome.reason === "invalidWorkshop") return { ok: false, reason: "invalidWorkshop" };
  if (outcome.reason === "notOpen" && outcome.state === "full") return { ok: false, reason: "full" };
  return { ok: false, reason: "closed" };
}

export async function registerWalkIn(
  conference: CheckInConference,
  input: WalkInInput,
  hostUserId: string,
  locale: "nl" | "en",
): Promise<WalkInOutcome> {
  const outcome = await signUp(
    conference.slug,
    {
      name: input.name,
      email: input.email,
      organisation: input.organisation ?? null,
      photoConsent: false,
      newsletterOptIn: false,
      locale,
      workshops: input.workshops,
      // At the door a full workshop is not waited for: the host offers another one.
      waitForFullWorkshops: false,
    },
    { source: "WALK_IN", idempotencyKey: input.nonce },
  );
  if (!outcome.ok) return refusal(outcome);
  await afterSignUp(outcome, signUpEffectsInNext);
  // null: the address already had a registration here (the domain then mails its owner). At the door the
  // host may see it: check that registration in, or show why not.
  const registrationId =
    outcome.registrationId ??
    (input.email
      ? (await db.registration.findFirst({
          where: { conferenceId: conference.id, activeEmailKey: emailKey(input.email) },
          select: { id: true },
        }))?.id
      : undefined);
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

/**
 * The workshops a walk-in can be given now: the rounds handed out first come, first served (a ranked round
 * before its allocation gives no places), with the places each has left, from lib/places.
 */
export async function walkInRounds(conferenceId: string): Promise<WalkInRound[]> {
  const [places, rounds] = await Promise.all([
    placesOf(conferenceId),
    db.workshopRound.findMany({
      where: { conferenceId },
      orderBy: { position: "asc" },
      select: {
        id: true,
        title: true,
        sessions: { orderBy: [{ startsAt: "asc" }, { title: "asc" }], select: { id: true, title: true, room: { select: { name: true } } } },
      },
    }),
  ]);
  if (!places) return [];
  const open = new Set(places.rounds.filter((round) => round.mode === "choice").map((round) => round.id));
  const left = new Map(places.sessions.map((session) => [session.id, session.left]));
  return rounds
    .filter((round) => open.has(round.id) && round.sessions.length > 0)
    .map((round) => ({
      id: round.id,
      title: round.title,
      sessions: round.sessions.map((session) => ({ id: session.id, title: session.title, room: session.room?.name ?? null, left: left.get(session.id) ?? null })),
    }));
}
