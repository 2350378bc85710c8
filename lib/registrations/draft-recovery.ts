// Drafts that their sign-up left behind: the app stopped or failed between registration_register's commit and
// rendering the email (./draft-emails.ts). The mail worker finishes them before each delivery pass.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { outboxRow } from "@/lib/mail/outbox";
import { confirmationEmail, loadForMail } from "./emails";
import type { Draft } from "./draft-emails";
import { ticketQrPng } from "./ticket-qr";

// Longer than any sign-up takes from its commit to rendering its own draft.
const STALE_AFTER_SECONDS = 30;
const BATCH = 20;

/**
 * Renders drafts that their sign-up left behind (the app stopped or failed right after the commit), from the
 * registration as it is now. Run by the mail worker before each delivery pass; safe with several instances
 * (SKIP LOCKED). A draft whose registration is gone is marked failed. Returns how many it finished.
 */
export async function finishStaleDrafts(): Promise<number> {
  return db.$transaction(async (tx) => {
    const drafts = await tx.$queryRaw<Array<{ id: string; registration_id: string | null; draft: unknown }>>`
      SELECT id, registration_id, draft FROM email_outbox
       WHERE status = 'DRAFT' AND created_at < now() - make_interval(secs => ${STALE_AFTER_SECONDS})
       ORDER BY created_at LIMIT ${BATCH}
         FOR UPDATE SKIP LOCKED`;
    for (const { id, registration_id: registrationId, draft } of drafts) {
      const registration = registrationId ? await tx.registration.findUnique({ where: { id: registrationId }, select: { id: true, status: true } }) : null;
      const makings = draft as (Draft & { status: "CONFIRMED" | "WAITLISTED" }) | null;
      // Nothing to tell any more: the registration was cancelled (or is gone) before its email was written.
      if (!registration || registration.status === "CANCELLED" || !makings?.manageToken) {
        await tx.emailOutbox.update({ where: { id }, data: { status: "FAILED", lastError: "cancelled before sending", draft: Prisma.DbNull } });
        continue;
      }
      const loaded = await loadForMail(tx, registration.id);
      // As at sign-up: a person promoted since got their own email about it.
      const status = makings.status;
      const qr = status === "CONFIRMED" ? ticketQrPng(loaded.ticketCode) : undefined;
      const row = outboxRow(confirmationEmail({ ...loaded, status }, makings.manageToken, makings.waitlistPosition ?? 1, qr), {});
      await tx.emailOutbox.update({
        where: { id },
        data: {
          kind: row.kind,
          toAddress: row.toAddress,
          subject: row.subject,
          textBody: row.textBody,
          htmlBody: row.htmlBody,
          attachments: row.attachments,
          headers: row.headers,
          status: "PENDING",
          draft: Prisma.DbNull,
          nextAttemptAt: new Date(),
        },
      });
    }
    return drafts.length;
  });
}
