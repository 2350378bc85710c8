import { describe, expect, it } from "vitest";
import { fewPlacesLeft } from "./few-places";

describe("the last few places", () => {
  it("are no alarm while most of a conference is still free", () => {
    expect(fewPlacesLeft(56, 80)).toBe(false);
    expect(fewPlacesLeft(9, 80)).toBe(false);
    expect(fewPlacesLeft(8, 80)).toBe(true);
    expect(fewPlacesLeft(1, 80)).toBe(true);
  });

  it("are at least three for a small workshop and at most ten for a large conference", () => {
    expect(fewPlacesLeft(3, 12)).toBe(true);
    expect(fewPlacesLeft(4, 12)).toBe(false);
    expect(fewPlacesLeft(10, 500)).toBe(true);
    expect(fewPlacesLeft(11, 500)).toBe(false);
  });

  it("are not few when there are none: that is full", () => {
    expect(fewPlacesLeft(0, 80)).toBe(false);
  });
});
