// A sign-up's confirmation email is queued inside registration_register's transaction as a DRAFT: the row
// exists exactly when the registration does, but the email itself is rendered by the app after the commit,
// so that no rendering happens while the conference's lock is held. The draft keeps what only the app knows
// and the database cannot read back (the manage token, of which only the hash is stored, and the waitlist
// position at sign-up). The manage link is in the rendered email anyway, so the draft holds nothing more.
// The mail worker renders a draft that its app left behind (./draft-recovery.ts). No "server-only" marker: the
// production server's own handler for the JSON API renders drafts too (see ./register.ts).
import { pgPool } from "@/lib/db-pool";
import { outboxRow } from "@/lib/mail/outbox";
import { confirmationEmail, type ConferenceForMail, type MailRegistration } from "./emails";
import { ticketQrPng } from "./ticket-qr";

export type ConferenceForDraft = ConferenceForMail;
export type ProgrammeSession = MailRegistration["choices"][number]["session"] & { id: string };

export type Draft = { manageToken: string; waitlistPosition: number };

/**
 * Renders the draft and hands it to the sender; a draft already rendered (or scrubbed by an erasure) stays.
 * True when the row was written.
 */
export async function renderConfirmationDraft(
  outboxId: string,
  registration: MailRegistration & { status: "CONFIRMED" | "WAITLISTED" },
  draft: Draft,
): Promise<boolean> {
  // The QR image is the costly part of the email, and only a ticket has one.
  const qr = registration.status === "CONFIRMED" ? ticketQrPng(registration.ticketCode) : undefined;
  const row = outboxRow(confirmationEmail(registration, draft.manageToken, draft.waitlistPosition, qr), {});
  const { rowCount } = await pgPool().query({
    name: "registration-draft-render",
    text: `UPDATE email_outbox
              SET kind = $2, to_address = $3, subject = $4, text_body = $5, html_body = $6, attachments = $7::jsonb,
                  headers = $8::jsonb, status = 'PENDING', draft = NULL, next_attempt_at = now()
            WHERE id = $1 AND status = 'DRAFT'`,
    values: [outboxId, row.kind, row.toAddress, row.subject, row.textBody, row.htmlBody, JSON.stringify(row.attachments), JSON.stringify(row.headers)],
  });
  return (rowCount ?? 0) > 0;
}
