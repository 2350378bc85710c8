import { describe, expect, it } from "vitest";
import { speakerLinks } from "./links";

describe("speakerLinks", () => {
  it("keeps http(s) links with a label and drops everything else", () => {
    expect(
      speakerLinks([
        { label: "LinkedIn", url: "https://www.linkedin.com/in/x" },
        { label: "Kwaad", url: "javascript:alert(1)" },
        { label: "Data", url: "data:text/html,<script>" },
        { label: "", url: "https://leeg.example" },
        { label: "Kapot", url: "niet een url" },
        "tekst",
        null,
      ]),
    ).toEqual([{ label: "LinkedIn", url: "https://www.linkedin.com/in/x" }]);
  });

  it("accepts no links at all", () => {
    expect(speakerLinks(null)).toEqual([]);
    expect(speakerLinks({ label: "x" })).toEqual([]);
  });
});
