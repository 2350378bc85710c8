// The API's writes on registrations: each goes through the very function the dashboard's action calls
// (lib/registrations/admin-definitions.ts), so capacity, waiting lists, emails and the audit log behave as
// there. The token stands in for the member: the audit entry names it.
import "server-only";
import { createHash } from "node:crypto";
import { addRegistrationAs, cancelAs, moveAs, type RegistrationActor } from "@/lib/registrations/admin-definitions";
import type { ApiCaller } from "@/lib/api-tokens/authenticate";
import { bilingual } from "@/lib/i18n/translator";
import { kickMailWorker } from "@/lib/mail/worker";
import { revalidateConferencePlaces } from "@/lib/site/revalidate";
import { apiError, notFound, validationFailed, type ApiAnswer } from "./handler";
import { registrationOf, ownConference } from "./resources";
import { createRegistrationBodySchema, moveWorkshopsBodySchema } from "./schemas";

function actorOf(caller: ApiCaller): RegistrationActor {
  return { organisationId: caller.organisationId, userId: null, apiToken: { id: caller.tokenId, name: caller.tokenName } };
}

/** The dashboard's additions carry a UUID against double submits; the API's is made from its Idempotency-Key. */
function uuidFrom(seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// The dashboard's own words for each refusal (registrationsAdmin.errors), with the status that fits it.
const REFUSAL_STATUS: Record<string, number> = {
  alreadyRegistered: 409,
  notOpen: 409,
  invalidWorkshop: 422,
  workshopFull: 409,
  busy: 503,
  alreadyCancelled: 409,
  cancelled: 409,
  conferenceCancelled: 409,
  past: 409,
};

function refusal(reason: string): ApiAnswer {
  if (reason === "notFound") return notFound();
  const status = REFUSAL_STATUS[reason];
  if (!status) throw new Error(`unexpected refusal ${reason}`);
  return apiError(status, reason.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), bilingual(`registrationsAdmin.errors.${reason}`));
}

function changed(conferenceSlug: string): void {
  revalidateConferencePlaces(conferenceSlug);
  kickMailWorker();
}

export async function createRegistration(caller: ApiCaller, conferenceId: string, body: unknown, idempotencyKey: string | undefined): Promise<ApiAnswer> {
  if (!(await ownConference(caller.organisationId, conferenceId))) return notFound();
  const parsed = createRegistrationBodySchema.safeParse(body ?? {});
  if (!parsed.success) return validationFailed(parsed.error);
  const key = uuidFrom(idempotencyKey ? `${caller.tokenId}:${idempotencyKey}` : crypto.randomUUID());
  const outcome = await addRegistrationAs(actorOf(caller), { ...parsed.data, conferenceId, idempotencyKey: key });
  if (!outcome.ok) return refusal(outcome.reason);
  changed(outcome.data.conferenceSlug);
  const created = await registrationOf(caller.organisationId, outcome.data.registrationId);
  return { status: 201, body: created };
}

export async function cancelRegistration(caller: ApiCaller, registrationId: string): Promise<ApiAnswer> {
  if (!(await registrationOf(caller.organisationId, registrationId))) return notFound();
  const outcome = await cancelAs(actorOf(caller), registrationId);
  if (!outcome.ok) return refusal(outcome.reason);
  changed(outcome.data.conferenceSlug);
  return { status: 200, body: { registration: await registrationOf(caller.organisationId, registrationId), promoted: outcome.data.promoted } };
}

export async function moveRegistration(caller: ApiCaller, registrationId: string, body: unknown): Promise<ApiAnswer> {
  if (!(await registrationOf(caller.organisationId, registrationId))) return notFound();
  const parsed = moveWorkshopsBodySchema.safeParse(body ?? {});
  if (!parsed.success) return validationFailed(parsed.error);
  const outcome = await moveAs(actorOf(caller), registrationId, parsed.data.workshops);
  if (!outcome.ok) return refusal(outcome.reason);
  changed(outcome.data.conferenceSlug);
  return { status: 200, body: await registrationOf(caller.organisationId, registrationId) };
}
