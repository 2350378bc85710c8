// The organisation's newsletter subscribers, for its dashboard. Subscribers belong to one organisation
// (NewsletterSubscriber.organisationId): every query is scoped to it.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export const SUBSCRIBER_STATUSES = ["confirmed", "pending", "unsubscribed"] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];
export const SUBSCRIBERS_PAGE_SIZE = 50;

// Confirmed: clicked the link in the confirmation email. Pending: not yet (deleted after 30 days).
// Unsubscribed: an unsubscribe normally erases the row; a row that was kept carries unsubscribedAt.
const WHERE: Record<SubscriberStatus, Prisma.NewsletterSubscriberWhereInput> = {
  confirmed: { confirmedAt: { not: null }, unsubscribedAt: null },
  pending: { confirmedAt: null, unsubscribedAt: null },
  unsubscribed: { unsubscribedAt: { not: null } },
};

export function subscriberStatus(row: { confirmedAt: Date | null; unsubscribedAt: Date | null }): SubscriberStatus {
  if (row.unsubscribedAt) return "unsubscribed";
  return row.confirmedAt ? "confirmed" : "pending";
}

export async function subscriberCounts(organisationId: string): Promise<Record<SubscriberStatus, number>> {
  const [confirmed, pending, unsubscribed] = await Promise.all(
    SUBSCRIBER_STATUSES.map((status) => db.newsletterSubscriber.count({ where: { organisationId, ...WHERE[status] } })),
  );
  return { confirmed: confirmed ?? 0, pending: pending ?? 0, unsubscribed: unsubscribed ?? 0 };
}

export async function listSubscribers(organisationId: string, status: SubscriberStatus | "", requestedPage: number) {
  const where = { organisationId, ...(status ? WHERE[status] : {}) };
  const total = await db.newsletterSubscriber.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / SUBSCRIBERS_PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pageCount);
  const rows = await db.newsletterSubscriber.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * SUBSCRIBERS_PAGE_SIZE,
    take: SUBSCRIBERS_PAGE_SIZE,
    select: { id: true, email: true, locale: true, createdAt: true, confirmedAt: true, unsubscribedAt: true },
  });
  return { rows: rows.map((row) => ({ ...row, status: subscriberStatus(row) })), total, page, pageCount };
}

/** Only those who confirmed may receive the newsletter, so only they leave in an export. */
export function listConfirmedSubscribers(organisationId: string) {
  return db.newsletterSubscriber.findMany({
    where: { organisationId, ...WHERE.confirmed },
    orderBy: [{ emailKey: "asc" }],
    select: { email: true, locale: true, confirmedAt: true },
  });
}
