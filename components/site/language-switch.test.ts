import { describe, expect, it } from "vitest";
import { otherLanguagePath } from "./language-switch";

describe("otherLanguagePath", () => {
  it("adds and removes the /en prefix, home included", () => {
    expect(otherLanguagePath("/", "en")).toBe("/en");
    expect(otherLanguagePath("/en", "nl")).toBe("/");
    expect(otherLanguagePath("/sfeerverslagen/x", "en")).toBe("/en/sfeerverslagen/x");
    expect(otherLanguagePath("/en/sfeerverslagen/x", "nl")).toBe("/sfeerverslagen/x");
  });

  it("does not mistake a Dutch path that starts with en for English", () => {
    expect(otherLanguagePath("/enquete", "en")).toBe("/en/enquete");
    expect(otherLanguagePath("/enquete", "nl")).toBe("/enquete");
  });
});
