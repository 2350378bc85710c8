// Sends a phone's queue in the order it was made: runs of scans as batches, undos one by one (an undo must
// follow the scan it undoes). Stops at the first network failure; what the server recorded leaves the queue.
// What the server refused stays, marked with the server's reason: the host sees it in red and retries or
// dismisses it. Nothing is dropped without a person deciding so.
import { MAX_SCANS_PER_BATCH, type Verdict } from "@/lib/checkin/schema";
import { postScans, postUndo, type ApiOutcome } from "./door-api";
import { sendable, type QueueItem, type Refusal } from "./door-storage";

export interface SyncReport {
  synced: number;
  /** Scans the server answered otherwise than the phone did: mostly a check-in on another device. */
  conflicts: number;
  /** Scans and undos the server refused: kept on the phone with the reason. */
  refused: number;
  network: boolean;
  signedOut: boolean;
}

export interface QueueEffects {
  /** The server recorded these: they leave the queue. */
  acknowledge: (sent: Set<QueueItem>) => void;
  /** The server refused this one: it stays, marked. */
  refuse: (item: QueueItem, refusal: Refusal) => void;
  /** sessionId: the room the scan was made at (issue 15), null at the front door. */
  applyVerdict: (verdict: Verdict, at: Date, sessionId: string | null) => void;
}

export function refusalOf(outcome: Extract<ApiOutcome<unknown>, { reason: "rejected" }>): Refusal {
  return { status: outcome.status, error: outcome.error, message: outcome.message, at: new Date().toISOString() };
}

type Scanned = Extract<QueueItem, { kind: "scan" }>;

export async function sendQueue(slug: string, queue: QueueItem[], effects: QueueEffects): Promise<SyncReport> {
  const report: SyncReport = { synced: 0, conflicts: 0, refused: 0, network: false, signedOut: false };
  const items = sendable(queue);
  let index = 0;
  while (index < items.length) {
    const head = items[index];
    if (!head) break;
    let batch: QueueItem[];
    let outcome: ApiOutcome<unknown>;
    if (head.kind === "undo") {
      batch = [head];
      outcome = await postUndo(slug, head.undo);
    } else {
      batch = [];
      for (let i = index; i < items.length && batch.length < MAX_SCANS_PER_BATCH; i++) {
        const item = items[i];
        if (item?.kind !== "scan") break;
        batch.push(item);
      }
      const scans = batch as Scanned[];
      const sent = await postScans(slug, scans.map((item) => item.scan));
      // A batch is refused whole when one scan in it is bad: send those one by one, so that only the bad one
      // is held back and every other scan gets its verdict.
      if (!sent.ok && sent.reason === "rejected" && scans.length > 1) {
        batch = [head];
        outcome = await postScans(slug, [(head as Scanned).scan]);
      } else {
        outcome = sent;
      }
      if (outcome.ok) {
        const { verdicts } = outcome.body as { verdicts: Verdict[] };
        for (const [i, verdict] of verdicts.entries()) {
          const item = batch[i] as Scanned | undefined;
          if (!item) continue;
          if (item.localKind !== null && verdict.kind !== item.localKind) report.conflicts += 1;
          effects.applyVerdict(verdict, new Date(item.scan.scannedAt), item.scan.sessionId ?? null);
        }
      }
    }
    if (!outcome.ok && outcome.reason === "rejected") {
      for (const item of batch) effects.refuse(item, refusalOf(outcome));
      report.refused += batch.length;
    } else if (!outcome.ok) {
      report.network = outcome.reason === "network" || outcome.reason === "server";
      report.signedOut = outcome.reason === "signedOut";
      break;
    } else {
      effects.acknowledge(new Set(batch));
      report.synced += batch.length;
    }
    index += batch.length;
  }
  return report;
}
