// Sends a phone's queue in the order it was made: runs of scans as batches, undos one by one (an undo must
// follow the scan it undoes). Stops at the first network failure; what was acknowledged leaves the queue.
import { MAX_SCANS_PER_BATCH, type Verdict } from "@/lib/checkin/schema";
import { postScans, postUndo } from "./door-api";
import type { QueueItem } from "./door-storage";

export interface SyncReport {
  synced: number;
  /** Scans the server answered otherwise than the phone did: mostly a check-in on another device. */
  conflicts: number;
  network: boolean;
  signedOut: boolean;
}

export async function sendQueue(
  slug: string,
  queue: QueueItem[],
  acknowledge: (sent: Set<QueueItem>) => void,
  applyVerdict: (verdict: Verdict, at: Date) => void,
): Promise<SyncReport> {
  const report: SyncReport = { synced: 0, conflicts: 0, network: false, signedOut: false };
  let index = 0;
  while (index < queue.length) {
    const head = queue[index];
    if (!head) break;
    let batch: QueueItem[];
    let outcome;
    if (head.kind === "undo") {
      batch = [head];
      outcome = await postUndo(slug, head.undo);
    } else {
      batch = [];
      for (let i = index; i < queue.length && batch.length < MAX_SCANS_PER_BATCH; i++) {
        const item = queue[i];
        if (item?.kind !== "scan") break;
        batch.push(item);
      }
      outcome = await postScans(slug, batch.flatMap((item) => (item.kind === "scan" ? [item.scan] : [])));
      if (outcome.ok && "verdicts" in outcome.body) {
        for (const [i, verdict] of outcome.body.verdicts.entries()) {
          const item = batch[i];
          if (item?.kind === "scan" && verdict.kind !== item.localKind) report.conflicts += 1;
          if (item?.kind === "scan") applyVerdict(verdict, new Date(item.scan.scannedAt));
        }
      }
    }
    if (!outcome.ok && outcome.reason !== "rejected") {
      report.network = outcome.reason === "network";
      report.signedOut = outcome.reason === "signedOut";
      break;
    }
    // Acknowledged, or refused as invalid (which no resend would change): either way it leaves the queue.
    acknowledge(new Set(batch));
    report.synced += batch.length;
    index += batch.length;
  }
  return report;
}
