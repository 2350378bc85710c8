import { describe, expect, it } from "vitest";
import { describeFailure, MAX_ATTEMPTS, retryDelayMs } from "./retry";

describe("retryDelayMs", () => {
  it("waits 15 s, 1 min, 5 min, 15 min, 1 h after the first failures, then longer", () => {
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([15_000, 60_000, 300_000, 900_000, 3_600_000]);
    expect(retryDelayMs(6)).toBeGreaterThan(retryDelayMs(5));
  });

  it("is capped, so a long outage never pushes the next try beyond half a day", () => {
    expect(retryDelayMs(MAX_ATTEMPTS)).toBe(12 * 3_600_000);
    expect(retryDelayMs(50)).toBe(12 * 3_600_000);
  });
});

describe("describeFailure", () => {
  it("keeps the SMTP code and reply but not the recipient's address", () => {
    const error = Object.assign(new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <ada.lovelace@example.org>: unknown"), {
      code: "EENVELOPE",
      responseCode: 550,
      command: "RCPT TO",
    });
    const text = describeFailure(error);
    expect(text).toContain("EENVELOPE 550 RCPT TO");
    expect(text).toContain("<[address]>");
    expect(text).not.toContain("ada.lovelace");
    expect(text).not.toContain("example.org");
  });

  it("is short", () => {
    expect(describeFailure(new Error("x".repeat(5000))).length).toBeLessThanOrEqual(300);
  });
});
