// The retention job's loop: one per process, started from instrumentation.ts, a pass an hour (and one at start).
// Every instance runs it; prisma/sql/retention.sql makes each purge happen once. No state but the database: an
// instance that restarts, or was down when a moment passed, purges at its next pass.
import "server-only";
import { createPassLoop, type PassLoop } from "@/lib/mail/loop";
import { purgeDueData } from "./mutations";

const HOUR = 60 * 60 * 1000;
const globalForWorker = globalThis as unknown as { podiumRetentionWorker?: PassLoop };

export function startRetentionWorker(): void {
  if (globalForWorker.podiumRetentionWorker) return;
  globalForWorker.podiumRetentionWorker = createPassLoop(
    async () => {
      try {
        const purges = await purgeDueData();
        // Counts only: no names, no addresses.
        for (const purge of purges) console.info(`[retention] ${purge.step} purged for conference ${purge.conferenceId}: ${purge.registrations} registrations`);
      } catch (error) {
        // Logged here by name, so the loop's own message (about mail) does not speak for this job; tried again next hour.
        console.error(`[retention] pass failed, trying again next pass: ${error instanceof Error ? error.name : typeof error}`);
      }
      return "idle";
    },
    console,
    HOUR,
  );
}

export async function stopRetentionWorker(): Promise<void> {
  const worker = globalForWorker.podiumRetentionWorker;
  globalForWorker.podiumRetentionWorker = undefined;
  await worker?.stop();
}
