import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createPassLoop, INTERVAL_MS, MAX_BACKOFF_MS, type Pass, type PassLoop } from "./loop";

function quietLog() {
  return { info: vi.fn(), error: vi.fn() };
}

describe("createPassLoop", () => {
  let loop: PassLoop | undefined;

  beforeEach(() => vi.useFakeTimers());
  afterEach(async () => {
    await loop?.stop();
    vi.useRealTimers();
  });

  it("runs a pass at once and then every interval", async () => {
    const pass = vi.fn<Pass>(async () => "idle");
    loop = createPassLoop(pass, quietLog());
    await vi.advanceTimersByTimeAsync(0);
    expect(pass).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(INTERVAL_MS - 1);
    expect(pass).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(pass).toHaveBeenCalledTimes(2);
  });

  it("runs a pass within a few milliseconds of a kick instead of at the next tick", async () => {
    const pass = vi.fn<Pass>(async () => "idle");
    loop = createPassLoop(pass, quietLog());
    await vi.advanceTimersByTimeAsync(100);
    loop.kick();
    loop.kick();
    await vi.advanceTimersByTimeAsync(20);
    expect(pass).toHaveBeenCalledTimes(2);
  });

  it("never overlaps passes: a kick during a pass runs one more pass right after it", async () => {
    let running = 0;
    let maxRunning = 0;
    const pass = vi.fn<Pass>(async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, 500));
      running -= 1;
      return "idle";
    });
    loop = createPassLoop(pass, quietLog());
    await vi.advanceTimersByTimeAsync(100);
    loop.kick();
    loop.kick();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(pass).toHaveBeenCalledTimes(2);
    expect(maxRunning).toBe(1);
  });

  it("goes on at once while a pass reports more work", async () => {
    const outcomes: Array<"more" | "idle"> = ["more", "more", "idle"];
    const pass = vi.fn<Pass>(async () => outcomes.shift() ?? "idle");
    loop = createPassLoop(pass, quietLog());
    await vi.advanceTimersByTimeAsync(10);
    expect(pass).toHaveBeenCalledTimes(3);
  });

  it("survives a failing pass, logs the outage once, backs off and logs the recovery", async () => {
    const log = quietLog();
    let down = true;
    const pass = vi.fn<Pass>(async () => {
      if (down) throw new Error("connect ECONNREFUSED 127.0.0.1:5432 for ada@example.org");
      return "idle";
    });
    loop = createPassLoop(pass, log);
    await vi.advanceTimersByTimeAsync(60_000);
    const failedPasses = pass.mock.calls.length;
    // 2^n growth capped at 30 s: about 6 passes in a minute, not 30.
    expect(failedPasses).toBeGreaterThanOrEqual(3);
    expect(failedPasses).toBeLessThanOrEqual(8);
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(String(log.error.mock.calls[0]?.[0])).not.toContain("ada@example.org");

    down = false;
    await vi.advanceTimersByTimeAsync(MAX_BACKOFF_MS);
    expect(log.info).toHaveBeenCalledTimes(1);
    expect(pass.mock.calls.length).toBeGreaterThan(failedPasses);
  });

  it("stops: no pass after stop()", async () => {
    const pass = vi.fn<Pass>(async () => "idle");
    loop = createPassLoop(pass, quietLog());
    await vi.advanceTimersByTimeAsync(0);
    await loop.stop();
    loop.kick();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(pass).toHaveBeenCalledTimes(1);
  });
});
