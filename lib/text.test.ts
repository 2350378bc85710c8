import { describe, expect, it } from "vitest";
import { lineText, longText, searchKey, slugify } from "./text";

describe("slugs made from names", () => {
  it("keeps letters and digits, drops accents and punctuation", () => {
    expect(slugify("Sociale Wijkteams in 2027!")).toBe("sociale-wijkteams-in-2027");
    expect(slugify("  Crème brûlée & Zoë's café ")).toBe("creme-brulee-zoe-s-cafe");
    expect(slugify("ﬁnanciën")).toBe("financien");
  });

  it("never ends in a hyphen after cutting a long name at 80 characters", () => {
    const slug = slugify(`${"a".repeat(79)} b`);
    expect(slug).toBe("a".repeat(79));
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe("the one-line field rule", () => {
  const line = lineText().min(2, "nameRequired");

  it("refuses bidirectional overrides, embeddings and isolates, which turn the text after them around", () => {
    for (const control of ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"]) {
      const parsed = line.safeParse(`Jan ${control}knil`);
      expect(parsed.success, JSON.stringify(control)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("bidiControl");
    }
    expect(longText().safeParse("Dieet:\n\u202Eneeg").error?.issues[0]?.message).toBe("bidiControl");
  });

  it("cleans zero-width characters out of a name, so that the door finds it as it looks", () => {
    expect(line.parse("Pa\u200Btri\u2060cia\uFEFF van Aaken")).toBe("Patricia van Aaken");
    expect(line.parse("Pat\u200Dricia\u200C")).toBe("Patricia");
    expect(line.parse("\u200B Anna \u200B")).toBe("Anna");
    // Nothing but invisible characters is no name at all.
    expect(line.safeParse("\u200B\u200B\u200B").error?.issues[0]?.message).toBe("nameRequired");
  });

  it("keeps a joiner where a script or an emoji needs it", () => {
    // Persian: the non-joiner between two letters shapes the word.
    expect(line.parse("می\u200Cخواهم")).toBe("می\u200Cخواهم");
    // An emoji sequence: woman, joiner, laptop.
    expect(line.parse("Zoë 👩\u200D💻")).toBe("Zoë 👩\u200D💻");
  });

  it("leaves ordinary names as typed", () => {
    expect(line.parse("  Zoë d'Hondt – “van Aaken” ")).toBe("Zoë d'Hondt – “van Aaken”");
  });
});

describe("search keys", () => {
  it("ignore invisible characters stored before they were cleaned", () => {
    expect(searchKey("Pa\u200Btricia van A\u200Daken", "Gemeente")).toBe("patricia van aaken gemeente");
  });
});
