// Double opt-in: a sign-up stores an unconfirmed subscriber and mails a confirmation link; only that link
// sets confirmedAt. Unsubscribing erases the subscriber: nothing is kept that we do not need.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { emailKey } from "@/lib/text";
import { hashToken } from "@/lib/tokens";
import type { Locale } from "@/i18n/routing";
import { enqueueAlreadySubscribedEmail, enqueueConfirmationEmail } from "./emails";
import { isPlausibleToken, newConfirmToken, unsubscribeToken } from "./tokens";
import { isUniqueViolation } from "@/lib/db-errors";

/** Unconfirmed sign-ups are deleted after this, and confirmation links stop working. */
export const CONFIRM_WINDOW_DAYS = 30;
const confirmWindowStart = () => new Date(Date.now() - CONFIRM_WINDOW_DAYS * 86_400_000);

export type SubscriptionRequest = { organisationId: string; email: string; locale: Locale };

/**
 * Records a sign-up and queues the right email inside `tx` (so the registration form can subscribe in its
 * own transaction too). The caller shows the same answer whatever happened here; call kickMailWorker()
 * after the commit.
 */
export async function requestSubscription(tx: Tx, request: SubscriptionRequest): Promise<"confirmation-sent" | "already-subscribed"> {
  const key = emailKey(request.email);
  const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: request.organisationId }, select: { name: true, contactEmail: true } });
  const existing = await tx.newsletterSubscriber.findUnique({
    where: { organisationId_emailKey: { organisationId: request.organisationId, emailKey: key } },
    select: { email: true, confirmedAt: true, locale: true },
  });
  const unsubscribe = unsubscribeToken(request.organisationId, key);

  if (existing?.confirmedAt) {
    // Kept in step with the secret, so the link in this email works even after AUTH_SECRET was rotated.
    await tx.newsletterSubscriber.update({
      where: { organisationId_emailKey: { organisationId: request.organisationId, emailKey: key } },
      data: { unsubscribeTokenHash: hashToken(unsubscribe) },
    });
    await enqueueAlreadySubscribedEmail(tx, {
      // The address as confirmed, not as typed this time.
      email: existing.email,
      locale: existing.locale === "en" ? "en" : "nl",
      organisation,
      unsubscribeToken: unsubscribe,
    });
    return "already-subscribed";
  }

  // New, or signed up before without confirming: a fresh link, and the old one stops working.
  const confirm = newConfirmToken();
  await tx.newsletterSubscriber.upsert({
    where: { organisationId_emailKey: { organisationId: request.organisationId, emailKey: key } },
    create: {
      organisationId: request.organisationId,
      email: request.email,
      emailKey: key,
      locale: request.locale,
      confirmTokenHash: confirm.hash,
      unsubscribeTokenHash: hashToken(unsubscribe),
    },
    update: {
      email: request.email,
      locale: request.locale,
      confirmTokenHash: confirm.hash,
      unsubscribeTokenHash: hashToken(unsubscribe),
    },
  });
  await enqueueConfirmationEmail(tx, {
    email: request.email,
    locale: request.locale,
    organisation,
    confirmToken: confirm.token,
  });
  return "confirmation-sent";
}

/** requestSubscription in its own transaction; a concurrent sign-up of the same address is not an error. */
export async function subscribe(request: SubscriptionRequest): Promise<void> {
  try {
    await db.$transaction((tx) => requestSubscription(tx, request));
  } catch (error) {
    // Two sign-ups of one new address at the same moment: the other one created it and sent the email.
    if (isUniqueViolation(error)) return;
    throw error;
  }
}

/**
 * Confirms through the link's token. Pressing the button twice is fine: the token stays valid for a
 * confirmed subscriber until they unsubscribe.
 */
export async function confirmSubscription(token: string): Promise<"confirmed" | "invalid"> {
  if (!isPlausibleToken(token)) return "invalid";
  const subscriber = await db.newsletterSubscriber.findUnique({
    where: { confirmTokenHash: hashToken(token) },
    select: { id: true, confirmedAt: true, updatedAt: true },
  });
  if (!subscriber) return "invalid";
  if (subscriber.confirmedAt) return "confirmed";
  // updatedAt moves when a sign-up sends a new link, so this is the age of the newest link.
  if (subscriber.updatedAt < confirmWindowStart()) return "invalid";
  await db.newsletterSubscriber.update({ where: { id: subscriber.id }, data: { confirmedAt: new Date() } });
  return "confirmed";
}

/** Erases the subscriber the token belongs to. Unknown and used tokens are silently fine. */
export async function unsubscribe(token: string): Promise<void> {
  if (!isPlausibleToken(token)) return;
  await db.newsletterSubscriber.deleteMany({ where: { unsubscribeTokenHash: hashToken(token) } });
}

/** What the privacy statement promises: sign-ups nobody confirmed are gone after CONFIRM_WINDOW_DAYS. */
export async function pruneUnconfirmedSubscribers(): Promise<number> {
  const { count } = await db.newsletterSubscriber.deleteMany({
    where: { confirmedAt: null, updatedAt: { lt: confirmWindowStart() } },
  });
  return count;
}
