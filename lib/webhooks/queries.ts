import "server-only";
import { db } from "@/lib/db";

/** The organisation's hooks with their latest deliveries, for the owner's page: never the secret. */
export async function listWebhooks(organisationId: string, deliveriesPerHook = 20) {
  return db.webhook.findMany({
    where: { organisationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      url: true,
      events: true,
      enabled: true,
      disabledReason: true,
      disabledAt: true,
      createdAt: true,
      deliveries: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: deliveriesPerHook,
        select: { id: true, status: true, attempts: true, lastStatusCode: true, lastError: true, lastAttemptAt: true, deliveredAt: true, createdAt: true, event: { select: { id: true, type: true } } },
      },
    },
  });
}
export type WebhookRow = Awaited<ReturnType<typeof listWebhooks>>[number];
