import { describe, expect, it } from "vitest";
import { amsterdamLocalToDate, dateToAmsterdamLocal } from "./publish-time";

// The tests run in America/New_York (vitest.config.ts): nothing here may depend on the process's zone.
describe("Amsterdam wall-clock times", () => {
  it("reads winter and summer times with their own offset", () => {
    expect(amsterdamLocalToDate("2027-03-11T09:30")?.toISOString()).toBe("2027-03-11T08:30:00.000Z");
    expect(amsterdamLocalToDate("2027-07-01T09:30")?.toISOString()).toBe("2027-07-01T07:30:00.000Z");
  });

  it("survives the night the clocks go forward", () => {
    expect(amsterdamLocalToDate("2027-03-28T03:30")?.toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(amsterdamLocalToDate("2027-03-28T01:30")?.toISOString()).toBe("2027-03-28T00:30:00.000Z");
  });

  it("writes a moment back as the organiser typed it", () => {
    expect(dateToAmsterdamLocal(new Date("2027-03-11T08:30:00Z"))).toBe("2027-03-11T09:30");
    expect(dateToAmsterdamLocal(new Date("2027-07-01T07:30:00Z"))).toBe("2027-07-01T09:30");
  });

  it("refuses what is no time", () => {
    expect(amsterdamLocalToDate("")).toBeNull();
    expect(amsterdamLocalToDate("morgen")).toBeNull();
    expect(amsterdamLocalToDate("2027-03-11 09:30")).toBeNull();
  });
});
