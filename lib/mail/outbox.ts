// Side effects after commit: an email is a row written in the caller's transaction, so it exists exactly
// when the change that caused it does. Delivery happens later (lib/mail/deliver.ts), with retries.
import type { Tx } from "@/lib/db";
import { toStoredAttachments, type OutboxEmail } from "@/lib/mail/stored-email";
import { oneLine } from "@/lib/text";

export type { OutboxEmail, EmailAttachment } from "@/lib/mail/stored-email";

// A CR or LF in a header value would let text from a form add headers of its own.
const LINE_BREAK = /[\r\n]/;
const HEADER_NAME = /^[A-Za-z0-9-]+$/;

function assertHeaderSafe(label: string, value: string): void {
  if (LINE_BREAK.test(value)) throw new Error(`enqueueEmail: ${label} must not contain a line break`);
}

function validate(email: OutboxEmail): void {
  if (!email.kind.trim()) throw new Error("enqueueEmail: kind is empty");
  if (!email.to.trim() || !email.to.includes("@")) throw new Error("enqueueEmail: to is not an address");
  assertHeaderSafe("to", email.to);
  for (const [name, value] of Object.entries(email.headers ?? {})) {
    if (!HEADER_NAME.test(name)) throw new Error(`enqueueEmail: invalid header name "${name}"`);
    assertHeaderSafe(`header ${name}`, value);
  }
  for (const attachment of email.attachments ?? []) {
    assertHeaderSafe("attachment filename", attachment.filename);
    assertHeaderSafe("attachment content type", attachment.contentType);
  }
}

/** Who an email is about, so that erasing that person can scrub it too (lib/registrations/manage.ts). */
export type OutboxSubject = { registrationId?: string };

/**
 * An outbox row's columns, checked: for the one writer that inserts with plain SQL (the registration rush in
 * lib/registrations/mutations.ts, which cannot wait for Prisma inside the conference lock).
 */
export function outboxRow(email: OutboxEmail, about: OutboxSubject = {}) {
  validate(email);
  return {
    kind: email.kind,
    toAddress: email.to.trim(),
    // Subjects are made from what organisers typed (a conference's title). The forms keep titles on one line;
    // one saved before they did must not make every email of its conference unsendable, so it is folded.
    subject: oneLine(email.subject),
    textBody: email.text,
    htmlBody: email.html ?? null,
    attachments: toStoredAttachments(email.attachments ?? []),
    headers: email.headers ?? {},
    registrationId: about.registrationId ?? null,
  };
}

/**
 * Queues an email inside `tx`. Call `kickMailWorker()` after the transaction commits so it leaves at once;
 * without the kick the worker still picks it up within a few seconds.
 */
export async function enqueueEmail(tx: Tx, email: OutboxEmail, about: OutboxSubject = {}): Promise<{ id: string }> {
  return tx.emailOutbox.create({ data: outboxRow(email, about), select: { id: true } });
}
