import { describe, expect, it } from "vitest";
import { amsterdamIso, fromAmsterdamInput, toAmsterdamInput } from "./amsterdam";

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

describe("amsterdamIso", () => {
  it("writes summer time with +02:00", () => {
    expect(amsterdamIso(new Date("2017-10-26T11:00:00Z"))).toBe("2017-10-26T13:00:00+02:00");
  });

  it("writes winter time with +01:00", () => {
    expect(amsterdamIso(new Date("2027-01-14T12:30:00Z"))).toBe("2027-01-14T13:30:00+01:00");
  });

  it("gets the hour right on the night the clocks go back", () => {
    // 00:30 UTC on 29 October 2017 is 02:30 CEST, 01:30 UTC is 02:30 CET.
    expect(amsterdamIso(new Date("2017-10-29T00:30:00Z"))).toBe("2017-10-29T02:30:00+02:00");
    expect(amsterdamIso(new Date("2017-10-29T01:30:00Z"))).toBe("2017-10-29T02:30:00+01:00");
  });
});

// The tests run in America/New_York (vitest.config.ts): nothing here may depend on the process's zone.
describe("Amsterdam wall-clock times", () => {
  it("reads winter and summer times with their own offset", () => {
    expect(fromAmsterdamInput("2027-03-11T09:30")?.toISOString()).toBe("2027-03-11T08:30:00.000Z");
    expect(fromAmsterdamInput("2027-07-01T09:30")?.toISOString()).toBe("2027-07-01T07:30:00.000Z");
  });

  it("survives the night the clocks go forward", () => {
    expect(fromAmsterdamInput("2027-03-28T03:30")?.toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(fromAmsterdamInput("2027-03-28T01:30")?.toISOString()).toBe("2027-03-28T00:30:00.000Z");
  });

  it("writes a moment back as the organiser typed it", () => {
    expect(toAmsterdamInput(new Date("2027-03-11T08:30:00Z"))).toBe("2027-03-11T09:30");
    expect(toAmsterdamInput(new Date("2027-07-01T07:30:00Z"))).toBe("2027-07-01T09:30");
  });

  it("refuses what is no time", () => {
    expect(fromAmsterdamInput("")).toBeNull();
    expect(fromAmsterdamInput("morgen")).toBeNull();
    expect(fromAmsterdamInput("2027-03-11 09:30")).toBeNull();
  });
});
