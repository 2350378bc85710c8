import { describe, expect, it } from "vitest";
import { slugify } from "./text";

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
