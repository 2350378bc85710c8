// Sends the deliveries that are due, as the mail worker sends emails (lib/mail/deliver.ts): a row is claimed by
// pushing its next attempt forward by a lease, with FOR UPDATE SKIP LOCKED, so several app instances never send
// one delivery at once, and the HTTP request runs outside any transaction. Then, by the receiver's answer:
// 2xx delivered; 410 the hook is switched off (the receiver says it is gone); anything else is tried again with
// a growing pause, for up to 3 days after the event, after which the hook is switched off and its organisation's
// owners are emailed.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { enqueueEmail } from "@/lib/mail/outbox";
import { webhookDisabledEmail } from "./emails";
import { postWebhook } from "./post";
import { signatureHeader } from "./sign";

const LEASE_SECONDS = 120;
const DEFAULT_TIMEOUT_MS = 10_000;
export const GIVE_UP_AFTER_MS = 3 * 24 * 60 * 60 * 1000;

/** The pause after `attempts` failed tries: 30 s, doubling, at most 6 hours (about 20 tries in 3 days). */
export function webhookRetryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60 * 1000);
}

type Claimed = { id: string; attempts: number; webhook_id: string; event_id: string; created_at: Date };

async function claimDue(limit: number): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    UPDATE webhook_deliveries
    SET next_attempt_at = now() + make_interval(secs => ${LEASE_SECONDS}), attempts = attempts + 1
    WHERE id IN (
      SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
      WHERE d.status = 'PENDING' AND d.next_attempt_at <= now() AND w.enabled
      ORDER BY d.next_attempt_at
      LIMIT ${limit}
      FOR UPDATE OF d SKIP LOCKED
    )
    RETURNING id, attempts, webhook_id, event_id, created_at`;
}

/** The body receivers get: the event, thin. Its id is the same on every try and every resend. */
export function eventBody(event: { id: string; type: string; createdAt: Date; data: unknown }): string {
  return JSON.stringify({ id: event.id, type: event.type, createdAt: event.createdAt.toISOString(), data: event.data });
}

async function disable(webhookId: string, reason: "gone" | "failing"): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.webhook.updateMany({ where: { id: webhookId, enabled: true }, data: { enabled: false, disabledReason: reason, disabledAt: new Date() } });
    if (count === 0) return;
    const hook = await tx.webhook.findUniqueOrThrow({
      where: { id: webhookId },
      select: { url: true, organisation: { select: { id: true, slug: true, name: true, contactEmail: true, memberships: { where: { role: "OWNER" }, select: { user: { select: { email: true, locale: true } } } } } } },
    });
    // Owners hear of it: nobody else would notice that their other system stopped hearing from Podium.
    for (const { user } of hook.organisation.memberships) {
      await enqueueEmail(tx, webhookDisabledEmail({ to: user.email, locale: user.locale === "en" ? "en" : "nl", url: hook.url, reason, organisation: hook.organisation }));
    }
  });
}

export async function deliverDueWebhooks(options: { limit?: number; timeoutMs?: number; allowPrivate?: boolean } = {}): Promise<{ delivered: number; failed: number; retried: number }> {
  // RETURNING keeps no order: events go out in the order they happened.
  const claimed = (await claimDue(options.limit ?? 20)).sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id));
  const counts = { delivered: 0, failed: 0, retried: 0 };
  for (const row of claimed) {
    const [hook, event] = await Promise.all([
      db.webhook.findUniqueOrThrow({ where: { id: row.webhook_id }, select: { id: true, url: true, secret: true, enabled: true } }),
      db.webhookEvent.findUniqueOrThrow({ where: { id: row.event_id } }),
    ]);
    // Switched off since the claim (a 410 earlier in this batch): left waiting, untried, for when it is on again.
    if (!hook.enabled) {
      await db.webhookDelivery.update({ where: { id: row.id }, data: { attempts: { decrement: 1 }, nextAttemptAt: new Date() } });
      continue;
    }
    const body = eventBody(event);
    const result = await postWebhook(
      hook.url,
      body,
      {
        "Content-Type": "application/json",
        "User-Agent": "Podium-Webhooks/1",
        "Podium-Event-Id": event.id,
        "Podium-Event-Type": event.type,
        "Podium-Signature": signatureHeader(hook.secret, body, Math.floor(Date.now() / 1000)),
      },
      { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, allowPrivate: options.allowPrivate ?? env.WEBHOOKS_ALLOW_PRIVATE_TARGETS },
    );
    const now = new Date();
    const statusCode = result.ok ? result.status : null;
    const seen = { lastAttemptAt: now, lastStatusCode: statusCode, lastError: result.ok ? null : result.error };
    if (result.ok && result.status >= 200 && result.status < 300) {
      await db.webhookDelivery.update({ where: { id: row.id }, data: { ...seen, status: "DELIVERED", deliveredAt: now } });
      counts.delivered += 1;
    } else if (result.ok && result.status === 410) {
      await db.webhookDelivery.update({ where: { id: row.id }, data: { ...seen, status: "FAILED" } });
      await disable(hook.id, "gone");
      counts.failed += 1;
    } else {
      const next = new Date(now.getTime() + webhookRetryDelayMs(row.attempts));
      if (next.getTime() - event.createdAt.getTime() > GIVE_UP_AFTER_MS) {
        await db.webhookDelivery.update({ where: { id: row.id }, data: { ...seen, status: "FAILED" } });
        await disable(hook.id, "failing");
        counts.failed += 1;
      } else {
        await db.webhookDelivery.update({ where: { id: row.id }, data: { ...seen, nextAttemptAt: next } });
        counts.retried += 1;
      }
    }
  }
  return counts;
}

/**
 * Events older than 30 days are history nobody resends: removed with their deliveries, unless one is still
 * waiting (a hook switched off and on again may still send it).
 */
export async function pruneWebhookEvents(olderThanDays = 30): Promise<number> {
  return db.$executeRaw`
    DELETE FROM webhook_events e
    WHERE e.created_at < now() - make_interval(days => ${olderThanDays})
      AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id AND d.status = 'PENDING')`;
}
