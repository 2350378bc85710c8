// Delivers queued emails. Safe with several app instances: a row is claimed by pushing its
// nextAttemptAt forward by a lease in one short statement with FOR UPDATE SKIP LOCKED, so no two senders
// take the same row, the SMTP conversation runs outside any transaction, and a sender that dies mid-way
// only delays its rows until the lease runs out.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { describeFailure, MAX_ATTEMPTS, retryDelayMs } from "@/lib/mail/retry";
import { parseStoredAttachments, parseStoredHeaders } from "@/lib/mail/stored-email";
import { defaultMailTransport, type MailTransport } from "@/lib/mail/transport";
import { oneLine } from "@/lib/text";

export type { MailTransport } from "@/lib/mail/transport";

const DEFAULT_LIMIT = 20;
// Far longer than one pass can take with the transport's timeouts (a few seconds per message).
const LEASE_SECONDS = 120;

interface ClaimedEmail {
  id: string;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  attachments: unknown;
  headers: unknown;
  attempts: number;
}

// Attempts are counted when a row is claimed, not when it fails: a message that brings its sender down
// (or a sender that keeps dying) still runs out of attempts instead of being retried forever.
//
// Every timestamp column is timestamptz, so now() compares correctly whatever the session's time zone.
async function claimDueEmails(limit: number): Promise<ClaimedEmail[]> {
  return db.$queryRaw<ClaimedEmail[]>`
    UPDATE email_outbox
    SET next_attempt_at = now() + make_interval(secs => ${LEASE_SECONDS}),
        attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM email_outbox
      WHERE status = 'PENDING' AND next_attempt_at <= now()
      ORDER BY next_attempt_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, kind, to_address, subject, text_body, html_body, attachments, headers, attempts`;
}

async function send(transport: MailTransport, email: ClaimedEmail): Promise<string> {
  const info = await transport.sendMail({
    from: env.MAIL_FROM,
    to: email.to_address,
    // Folded when queued (lib/mail/outbox.ts) and again here, for rows queued before that.
    subject: oneLine(email.subject),
    text: email.text_body,
    ...(email.html_body === null ? {} : { html: email.html_body }),
    attachments: parseStoredAttachments(email.attachments),
    // List-Unsubscribe and List-Unsubscribe-Post for newsletters, as the caller gave them.
    headers: parseStoredHeaders(email.headers),
  });
  return info.messageId;
}

// Only a row still PENDING is updated: the outcome of a sender whose lease ran out never overwrites
// what a later sender recorded.
async function markSent(id: string, messageId: string): Promise<void> {
  await db.emailOutbox.updateMany({
    where: { id, status: "PENDING" },
    data: { status: "SENT", sentAt: new Date(), messageId, lastError: null },
  });
}

async function markFailed(email: ClaimedEmail, lastError: string): Promise<"retry" | "gave-up"> {
  const gaveUp = email.attempts >= MAX_ATTEMPTS;
  await db.emailOutbox.updateMany({
    where: { id: email.id, status: "PENDING" },
    data: gaveUp
      ? { status: "FAILED", lastError }
      : { lastError, nextAttemptAt: new Date(Date.now() + retryDelayMs(email.attempts)) },
  });
  return gaveUp ? "gave-up" : "retry";
}

export interface DeliverOptions {
  /** Most emails claimed in one pass. */
  limit?: number;
  /** Defaults to the transport from SMTP_URL; tests pass one for their own SMTP server. */
  transport?: MailTransport;
}

export async function deliverDueEmails(options: DeliverOptions = {}): Promise<{ sent: number; failed: number }> {
  const transport = options.transport ?? defaultMailTransport();
  if (!transport) throw new Error("deliverDueEmails: SMTP_URL is not set and no transport was given");
  const claimed = await claimDueEmails(options.limit ?? DEFAULT_LIMIT);

  let sent = 0;
  let failed = 0;
  // One at a time: an SMTP server that throttles is not helped by many connections at once.
  for (const email of claimed) {
    // Reached only when earlier attempts never got to record their outcome.
    if (email.attempts > MAX_ATTEMPTS) {
      await markFailed(email, "gave up: earlier attempts were interrupted");
      failed += 1;
      continue;
    }
    let messageId: string;
    try {
      messageId = await send(transport, email);
    } catch (error) {
      const lastError = describeFailure(error);
      const outcome = await markFailed(email, lastError);
      // Id and kind only: the address and the content stay out of the logs.
      console.warn(`[mail] ${email.kind} ${email.id} not sent (attempt ${email.attempts}, ${outcome}): ${lastError}`);
      failed += 1;
      continue;
    }
    // Outside the try: a database error here must not record a delivered email as failed. If this update
    // is lost the lease runs out and the email goes again: delivery is at least once, never zero times.
    await markSent(email.id, messageId);
    sent += 1;
  }
  return { sent, failed };
}
