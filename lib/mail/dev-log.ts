// Without SMTP_URL in development and test nothing is sent: each new email gets one console line pointing
// at the dev mailbox, where it can be read in full. The line never holds the recipient; the text body only
// with MAIL_LOG=true in development.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { absoluteUrl } from "@/lib/site/urls";

// Rows become visible when their transaction commits, but carry the transaction's start time as
// created_at: looking back this far catches a transaction that ran long.
const LOOK_BACK_MS = 60_000;
const BATCH = 50;

export function devMailboxUrl(id: string): string {
  return absoluteUrl(`/dev/mailbox/${encodeURIComponent(id)}`);
}

/** A worker pass that logs emails created since the process started, each once. */
export function createDevMailLog(): () => Promise<"more" | "idle"> {
  const startedAt = Date.now();
  // id -> created_at, pruned once older than the look-back window.
  const logged = new Map<string, number>();
  const withBody = env.NODE_ENV === "development" && env.MAIL_LOG;

  return async () => {
    const windowStart = Math.max(startedAt, Date.now() - LOOK_BACK_MS);
    for (const [id, createdAt] of logged) if (createdAt < windowStart) logged.delete(id);

    const emails = await db.emailOutbox.findMany({
      // A sign-up's draft is logged once the worker has written it.
      where: { createdAt: { gte: new Date(windowStart) }, id: { notIn: [...logged.keys()] }, status: { not: "DRAFT" } },
      orderBy: { createdAt: "asc" },
      take: BATCH,
      select: { id: true, kind: true, subject: true, createdAt: true, textBody: withBody },
    });
    for (const email of emails) {
      logged.set(email.id, email.createdAt.getTime());
      console.info(`[mail] not sent (no SMTP_URL): ${email.kind} "${email.subject}" ${devMailboxUrl(email.id)}`);
      if (withBody && email.textBody) console.info(email.textBody);
    }
    return emails.length === BATCH ? "more" : "idle";
  };
}
