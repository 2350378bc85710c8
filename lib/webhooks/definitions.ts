import "server-only";
import type { ActionDefinition } from "@/lib/auth/authorized-action";
import { MANAGE_MEMBERS } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { createWebhook, deleteWebhook, enableWebhook, resendDelivery } from "./mutations";
import { createWebhookSchema, resendDeliverySchema, webhookIdSchema } from "./schema";

// Webhooks send the organisation's events to another system: owners only, as tokens.

async function organisationOfWebhook({ webhookId }: { webhookId: string }): Promise<string | null> {
  const hook = await db.webhook.findUnique({ where: { id: webhookId }, select: { organisationId: true } });
  return hook?.organisationId ?? null;
}

export const addWebhook = {
  name: "webhooks.create",
  roles: MANAGE_MEMBERS,
  schema: createWebhookSchema,
  organisationOf: async (input) => input.organisationId,
  handler: (input, access) => createWebhook(access, input),
} satisfies ActionDefinition<typeof createWebhookSchema, { webhookId: string; secret: string }, never>;

export const removeWebhook = {
  name: "webhooks.delete",
  roles: MANAGE_MEMBERS,
  schema: webhookIdSchema,
  organisationOf: organisationOfWebhook,
  handler: (input, access) => deleteWebhook(access, input.webhookId),
} satisfies ActionDefinition<typeof webhookIdSchema, null, "notFound">;

export const switchOnWebhook = {
  name: "webhooks.enable",
  roles: MANAGE_MEMBERS,
  schema: webhookIdSchema,
  organisationOf: organisationOfWebhook,
  handler: (input, access) => enableWebhook(access, input.webhookId),
} satisfies ActionDefinition<typeof webhookIdSchema, null, "notFound">;

export const resend = {
  name: "webhooks.resend",
  roles: MANAGE_MEMBERS,
  schema: resendDeliverySchema,
  organisationOf: async ({ deliveryId }) => {
    const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { webhook: { select: { organisationId: true } } } });
    return delivery?.webhook.organisationId ?? null;
  },
  handler: (input, access) => resendDelivery(access, input.deliveryId),
} satisfies ActionDefinition<typeof resendDeliverySchema, null, "notFound">;
