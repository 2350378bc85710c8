// The background sender: one loop per process, started from instrumentation.ts. Its state lives on
// globalThis because Next bundles instrumentation and the app separately: a module-level variable would
// give kickMailWorker() in a server action a different, never-started worker.
import "server-only";
import { env } from "@/lib/env";
import { deliverDueEmails } from "@/lib/mail/deliver";
import { createDevMailLog } from "@/lib/mail/dev-log";
import { createPassLoop, type Pass, type PassLoop } from "@/lib/mail/loop";

const PASS_LIMIT = 20;

const globalForWorker = globalThis as unknown as { podiumMailWorker?: PassLoop };

/**
 * Writes a batch of queued DRAFT emails into sendable ones and says how many it took (a domain's, such as
 * lib/registrations/draft-emails.ts). The worker is handed these at its start, so that the mail platform
 * imports no domain.
 */
export type DraftWriter = () => Promise<number>;

/** Every writer's batch, a failure logged instead of ending the pass: that batch is tried again next pass. */
async function writeDrafts(writers: DraftWriter[]): Promise<number> {
  let taken = 0;
  for (const write of writers) {
    try {
      taken = Math.max(taken, await write());
    } catch (error) {
      console.error("[mail] writing queued emails failed, trying again next pass:", error instanceof Error ? error.message : error);
    }
  }
  return taken;
}

function choosePass(writers: DraftWriter[]): Pass | null {
  const renderDraftsLogged = () => writeDrafts(writers);
  if (env.SMTP_URL) {
    return async () => {
      // Sign-ups queue their emails as drafts; written here, they are delivered in the same pass. Should that
      // fail, every other email still goes out.
      const drafted = await renderDraftsLogged();
      const { sent, failed } = await deliverDueEmails({ limit: PASS_LIMIT });
      // A full batch means more may be waiting: go on at once instead of after the interval.
      return sent + failed >= PASS_LIMIT || drafted >= PASS_LIMIT ? "more" : "idle";
    };
  }
  // Development and test: nothing is sent; the dev mailbox shows every email.
  if (env.NODE_ENV !== "production") {
    const log = createDevMailLog();
    return async () => {
      const drafted = await renderDraftsLogged();
      return (await log()) === "more" || drafted >= PASS_LIMIT ? "more" : "idle";
    };
  }
  return null;
}

/**
 * Starts the loop once per process; later calls do nothing. `intervalMs` (the pause between regular passes)
 * is for tests that must tell a kicked pass from a regular one; `draftWriters` write the domains' queued drafts
 * before each delivery.
 */
export function startMailWorker(options: { intervalMs?: number; draftWriters?: DraftWriter[] } = {}): void {
  if (globalForWorker.podiumMailWorker) return;
  const pass = choosePass(options.draftWriters ?? []);
  if (!pass) {
    console.warn(
      "[mail] WARNING: SMTP_URL is not set: emails are queued in email_outbox but NOT delivered. " +
        "Set SMTP_URL and restart to send them.",
    );
    globalForWorker.podiumMailWorker = { kick() {}, stop: async () => {} };
    return;
  }
  globalForWorker.podiumMailWorker = createPassLoop(pass, console, options.intervalMs);
}

/**
 * Asks for a delivery pass soon. Call it after the transaction that queued an email has committed, so a
 * confirmation leaves within a fraction of a second instead of at the next tick. Does nothing where no
 * worker runs (scripts, most tests).
 */
export function kickMailWorker(): void {
  globalForWorker.podiumMailWorker?.kick();
}

/** Stops the loop (graceful shutdown, tests); a running pass is allowed to finish. */
export async function stopMailWorker(): Promise<void> {
  const worker = globalForWorker.podiumMailWorker;
  globalForWorker.podiumMailWorker = undefined;
  await worker?.stop();
}
