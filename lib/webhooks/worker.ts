// The webhook sender: one loop per process beside the mail worker, with the same machinery (lib/mail/loop.ts:
// one pass at a time, every couple of seconds, calm during an outage). State on globalThis, as the mail worker's.
import "server-only";
import { createPassLoop, type PassLoop } from "@/lib/mail/loop";
import { deliverDueWebhooks, pruneWebhookEvents } from "./deliver";

const PASS_LIMIT = 20;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
const globalForWorker = globalThis as unknown as { podiumWebhookWorker?: PassLoop };

export function startWebhookWorker(): void {
  if (globalForWorker.podiumWebhookWorker) return;
  let prunedAt = 0;
  globalForWorker.podiumWebhookWorker = createPassLoop(async () => {
    if (Date.now() - prunedAt > PRUNE_EVERY_MS) {
      prunedAt = Date.now();
      await pruneWebhookEvents();
    }
    const { delivered, failed, retried } = await deliverDueWebhooks({ limit: PASS_LIMIT });
    return delivered + failed + retried >= PASS_LIMIT ? "more" : "idle";
  });
}

/** A pass soon, after a change that may have queued deliveries (or a resend). */
export function kickWebhookWorker(): void {
  globalForWorker.podiumWebhookWorker?.kick();
}
