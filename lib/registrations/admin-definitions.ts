import "server-only";
import { recordAudit } from "@/lib/audit/log";
import type { z } from "zod";
import type { ActionDefinition } from "@/lib/auth/authorized-action";
import type { HandlerResult } from "@/lib/auth/outcome";
import type { OrganisationAccess } from "@/lib/auth/authorize";
import { ORGANISE } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { emailKey } from "@/lib/text";
import { addRegistrationSchema, cancelRegistrationSchema, moveWorkshopsSchema } from "./admin-schema";
import { cancelRegistration, changeWorkshops, signUp } from "@/lib/places/mutations";
import { afterSignUp } from "./after-sign-up";
import { signUpEffectsInNext } from "./after-sign-up-next";

// The organiser's registration actions as plain definitions: admin-actions.ts turns them into server actions,
// and tests/integration/authorization-registrations-admin.test.ts runs each as every kind of outsider. Each
// calls the very domain function the attendee's own path uses, so capacity, waitlist and promotion follow one
// set of rules. Those functions are one database call each under the conference lock (lib/places), so the
// audit entry is written right after their commit, not inside it.

async function organisationOfConference({ conferenceId }: { conferenceId: string }): Promise<string | null> {
  const conference = await db.conference.findUnique({ where: { id: conferenceId }, select: { organisationId: true } });
  return conference?.organisationId ?? null;
}

async function organisationOfRegistration({ registrationId }: { registrationId: string }): Promise<string | null> {
  const registration = await db.registration.findUnique({
    where: { id: registrationId },
    select: { conference: { select: { organisationId: true } } },
  });
  return registration?.conference.organisationId ?? null;
}

/**
 * Who makes the change, for the audit log: a member from the dashboard, or an API token (lib/api/v1), which is
 * no person: the entry then names the token.
 */
export type RegistrationActor = { organisationId: string; userId: string | null; apiToken?: { id: string; name: string } };

function actorOf(access: OrganisationAccess): RegistrationActor {
  return { organisationId: access.organisation.id, userId: access.user.id };
}

function audit(
  actor: RegistrationActor,
  action: "registration.added" | "registration.cancelled" | "registration.moved",
  registrationId: string,
  details: Prisma.InputJsonObject,
) {
  const via = actor.apiToken ? { apiTokenId: actor.apiToken.id, apiToken: actor.apiToken.name } : {};
  return recordAudit(db, { organisationId: actor.organisationId, actorUserId: actor.userId, action, entityType: "registration", entityId: registrationId, details: { ...details, ...via } });
}

export type AddedRegistration = { registrationId: string; status: "CONFIRMED" | "WAITLISTED"; conferenceSlug: string; name: string };

export const addRegistration = {
  name: "registrationsAdmin.add",
  roles: ORGANISE,
  schema: addRegistrationSchema,
  organisationOf: organisationOfConference,
  handler: (input, access) => addRegistrationAs(actorOf(access), input),
} satisfies ActionDefinition<
  typeof addRegistrationSchema,
  AddedRegistration,
  AddRefusal
>;

type AddRefusal = "alreadyRegistered" | "notFound" | "notOpen" | "invalidWorkshop" | "workshopFull" | "busy";

/** The organiser's addition, for the dashboard and the API alike; the caller has checked the actor's right. */
export async function addRegistrationAs(
  actor: RegistrationActor,
  { conferenceId, idempotencyKey, ...input }: z.output<typeof addRegistrationSchema>,
): Promise<HandlerResult<AddedRegistration, AddRefusal>> {
  const conference = await db.conference.findUniqueOrThrow({ where: { id: conferenceId }, select: { slug: true } });
  // The public path answers an address that is already registered with an email to that address and the
  // same "received" as always (it must not tell a stranger who is coming). The organiser may know: say so.
  const replay = await db.registration.findFirst({ where: { conferenceId, idempotencyKey }, select: { id: true } });
  if (!replay) {
    const existing = await db.registration.findFirst({ where: { conferenceId, activeEmailKey: emailKey(input.email) }, select: { id: true } });
    if (existing) return { ok: false, reason: "alreadyRegistered" };
  }
  const outcome = await signUp(conference.slug, { ...input, photoConsent: false, newsletterOptIn: false }, { idempotencyKey, byOrganiser: true });
  if (!outcome.ok) return { ok: false, reason: outcome.reason };
  await afterSignUp(outcome, signUpEffectsInNext);
  if (!outcome.registrationId) return { ok: false, reason: "alreadyRegistered" };
  const created = await db.registration.findUniqueOrThrow({ where: { id: outcome.registrationId }, select: { status: true, name: true } });
  const status = created.status === "WAITLISTED" ? "WAITLISTED" : "CONFIRMED";
  // A double submit replays the first registration: one record, one audit entry.
  if (!replay) await audit(actor, "registration.added", outcome.registrationId, { conferenceId, name: created.name, status });
  return { ok: true, data: { registrationId: outcome.registrationId, status, conferenceSlug: conference.slug, name: created.name } };
}

export const cancelByOrganiser = {
  name: "registrationsAdmin.cancel",
  roles: ORGANISE,
  schema: cancelRegistrationSchema,
  organisationOf: organisationOfRegistration,
  handler: ({ registrationId }, access) => cancelAs(actorOf(access), registrationId),
} satisfies ActionDefinition<typeof cancelRegistrationSchema, { promoted: number; conferenceSlug: string }, "notFound" | "busy" | "alreadyCancelled">;

/** The organiser's cancel, for the dashboard and the API alike. */
export async function cancelAs(actor: RegistrationActor, registrationId: string): Promise<HandlerResult<{ promoted: number; conferenceSlug: string }, "notFound" | "busy" | "alreadyCancelled">> {
  const before = await db.registration.findUniqueOrThrow({
    where: { id: registrationId },
    select: { status: true, conferenceId: true, name: true, conference: { select: { slug: true } } },
  });
  if (before.status === "CANCELLED") return { ok: false, reason: "alreadyCancelled" };
  // The attendee's cancel: frees the place and promotes the first waiting in the same call; the attendee is told.
  const outcome = await cancelRegistration({ registrationId, conferenceId: before.conferenceId }, { template: "cancelledByOrganiser" });
  if (!outcome.ok) return outcome;
  await audit(actor, "registration.cancelled", registrationId, { conferenceId: before.conferenceId, name: before.name, promoted: outcome.promoted });
  return { ok: true, data: { promoted: outcome.promoted, conferenceSlug: before.conference.slug } };
}

export const moveWorkshops = {
  name: "registrationsAdmin.move",
  roles: ORGANISE,
  schema: moveWorkshopsSchema,
  organisationOf: organisationOfRegistration,
  handler: ({ registrationId, workshops }, access) => moveAs(actorOf(access), registrationId, workshops),
} satisfies ActionDefinition<typeof moveWorkshopsSchema, { conferenceSlug: string }, MoveRefusal>;

type MoveRefusal = "notFound" | "busy" | "cancelled" | "conferenceCancelled" | "workshopFull" | "invalidWorkshop" | "past";

/** The organiser's move, for the dashboard and the API alike: wanted session per round ("" = none). */
export async function moveAs(
  actor: RegistrationActor,
  registrationId: string,
  workshops: Record<string, string>,
): Promise<HandlerResult<{ conferenceSlug: string }, MoveRefusal>> {
  const registration = await db.registration.findUniqueOrThrow({
    where: { id: registrationId },
    select: { id: true, conferenceId: true, name: true, conference: { select: { slug: true } } },
  });
  // Within capacity only: the organiser never overfills a room, and never parks someone on a waitlist by
  // accident (waitForFull = false turns a full workshop into a refusal).
  const outcome = await changeWorkshops(registration.id, workshops, false);
  if (!outcome.ok) return { ok: false, reason: outcome.reason };
  await audit(actor, "registration.moved", registrationId, { conferenceId: registration.conferenceId, name: registration.name, workshops });
  return { ok: true, data: { conferenceSlug: registration.conference.slug } };
}
