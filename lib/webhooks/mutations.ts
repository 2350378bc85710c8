import "server-only";
import type { OrganisationAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { newWebhookSecret } from "./sign";
import { resolveTarget } from "./target";
import { env } from "@/lib/env";
import type { CreateWebhook } from "./schema";

/**
 * A new hook, with its secret returned once (the owner gives it to the receiving system). The address is
 * checked now as it will be on every delivery, so an owner hears at once that it cannot be used.
 */
export async function createWebhook(access: OrganisationAccess, input: CreateWebhook) {
  const target = await resolveTarget(input.url, env.WEBHOOKS_ALLOW_PRIVATE_TARGETS);
  if (!target.ok) return { ok: false as const, reason: "invalid" as const, fieldErrors: { url: target.reason } };
  const secret = newWebhookSecret();
  const hook = await db.webhook.create({
    data: { organisationId: access.organisation.id, url: input.url, events: input.events, secret, createdByUserId: access.user.id },
    select: { id: true },
  });
  return { ok: true as const, data: { webhookId: hook.id, secret } };
}

export async function deleteWebhook(access: OrganisationAccess, webhookId: string) {
  const { count } = await db.webhook.deleteMany({ where: { id: webhookId, organisationId: access.organisation.id } });
  return count === 1 ? { ok: true as const, data: null } : { ok: false as const, reason: "notFound" as const };
}

/** On again after it was switched off; deliveries given up stay given up (resend them one by one). */
export async function enableWebhook(access: OrganisationAccess, webhookId: string) {
  const { count } = await db.webhook.updateMany({
    where: { id: webhookId, organisationId: access.organisation.id },
    data: { enabled: true, disabledReason: null, disabledAt: null },
  });
  return count === 1 ? { ok: true as const, data: null } : { ok: false as const, reason: "notFound" as const };
}

/** Sends a delivery again, with the same event id, at the next pass. */
export async function resendDelivery(access: OrganisationAccess, deliveryId: string) {
  const { count } = await db.webhookDelivery.updateMany({
    where: { id: deliveryId, webhook: { organisationId: access.organisation.id } },
    data: { status: "PENDING", nextAttemptAt: new Date() },
  });
  return count === 1 ? { ok: true as const, data: null } : { ok: false as const, reason: "notFound" as const };
}
