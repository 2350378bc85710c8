import { describe, expect, it } from "vitest";
import { certificateFaces, fontRuns } from "./pdf-fonts";

describe("fontRuns", () => {
  it("puts each letter in the subset that has it, spaces and Latin-1 in the latin one", async () => {
    const { regular } = await certificateFaces();
    expect(fontRuns("Łukasz Wiśniewski", regular)).toEqual([
      { font: "SourceSans3-400-latin-ext", text: "Ł" },
      { font: "SourceSans3-400-latin", text: "ukasz Wi" },
      { font: "SourceSans3-400-latin-ext", text: "ś" },
      { font: "SourceSans3-400-latin", text: "niewski" },
    ]);
    // The dotless ı is in the latin subset, Ş is not; Zoë stays whole.
    expect(fontRuns("Şule Yılmaz, Zoë", regular).map((run) => run.text)).toEqual(["Ş", "ule Yılmaz, Zoë"]);
  });

  it("draws a character neither subset has in the latin face", async () => {
    const { semibold } = await certificateFaces();
    expect(fontRuns("Ἀθήνα", semibold)).toEqual([{ font: "SourceSans3-600-latin", text: "Ἀθήνα" }]);
  });
});
