import { describe, expect, it } from "vitest";
import { amsterdamIso } from "./dates";

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
