// The worker's timing, apart from what a pass does: one pass at a time, every couple of seconds, sooner
// when kicked, and calm during an outage (one log line, growing pauses, one line when it recovers).
import { describeFailure } from "@/lib/mail/retry";

export type Pass = () => Promise<"more" | "idle">;

export interface PassLoop {
  /** Run a pass soon; if one is running, run another right after it. */
  kick(): void;
  /** No more passes; resolves once a running pass has finished. */
  stop(): Promise<void>;
}

export const INTERVAL_MS = 2_000;
export const KICK_DELAY_MS = 10; // lets several kicks from one request share a pass
export const MAX_BACKOFF_MS = 30_000;

export function createPassLoop(
  pass: Pass,
  log: Pick<Console, "info" | "error"> = console,
  intervalMs: number = INTERVAL_MS,
): PassLoop {
  let timer: NodeJS.Timeout | undefined;
  let dueAt = Infinity;
  let current: Promise<void> | undefined;
  let kickedWhileRunning = false;
  let failures = 0;
  let stopped = false;

  function schedule(delayMs: number): void {
    if (stopped) return;
    // A pass already planned sooner wins: kicks only ever bring the next pass forward.
    if (timer && dueAt <= Date.now() + delayMs) return;
    clearTimeout(timer);
    dueAt = Date.now() + delayMs;
    timer = setTimeout(fire, delayMs);
    // The loop alone must not keep a process (a script, a test run) alive.
    timer.unref();
  }

  function fire(): void {
    timer = undefined;
    dueAt = Infinity;
    kickedWhileRunning = false;
    // Clearing `current` and planning the next pass happen in one step, so a kick is never lost between.
    current = run().then((next) => {
      current = undefined;
      schedule(kickedWhileRunning ? KICK_DELAY_MS : next);
    });
  }

  /** One pass; resolves with the pause before the next. Never rejects. */
  async function run(): Promise<number> {
    try {
      const outcome = await pass();
      if (failures > 0) log.info("[mail] worker: delivery works again");
      failures = 0;
      return outcome === "more" ? 0 : intervalMs;
    } catch (error) {
      failures += 1;
      // Once per outage, not every two seconds; describeFailure removes addresses.
      if (failures === 1) log.error(`[mail] worker: pass failed, retrying in the background: ${describeFailure(error)}`);
      return Math.min(intervalMs * 2 ** failures, MAX_BACKOFF_MS);
    }
  }

  schedule(0);
  return {
    kick() {
      // While a pass runs no timer is set (schedule is only called when it ends): nothing can overlap it.
      if (current) kickedWhileRunning = true;
      else schedule(KICK_DELAY_MS);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
