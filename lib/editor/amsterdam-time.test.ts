import { describe, expect, it } from "vitest";
import { fromAmsterdamInput, toAmsterdamInput } from "./amsterdam-time";

describe("Amsterdam wall-clock fields", () => {
  it("reads winter and summer times with their own offsets, whatever the process's zone", () => {
    expect(fromAmsterdamInput("2027-03-11T13:00")?.toISOString()).toBe("2027-03-11T12:00:00.000Z");
    expect(fromAmsterdamInput("2017-10-26T13:00")?.toISOString()).toBe("2017-10-26T11:00:00.000Z");
  });

  it("writes the instant back as the same wall-clock value", () => {
    expect(toAmsterdamInput(new Date("2027-03-11T12:00:00Z"))).toBe("2027-03-11T13:00");
    expect(toAmsterdamInput(new Date("2027-07-01T22:30:00Z"))).toBe("2027-07-02T00:30");
    expect(toAmsterdamInput(null)).toBe("");
  });

  it("refuses what is not a date and time", () => {
    for (const value of ["", "morgen", "2027-13-01T10:00", "2027-03-11", "2027-03-11T25:00"]) {
      expect(fromAmsterdamInput(value)).toBeNull();
    }
  });
});
