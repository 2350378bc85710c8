import { describe, expect, it } from "vitest";
import { localeOfPath, localizedPath } from "@/lib/site/urls";
import { localPath, signInSchema } from "./schema";

describe("where sign-in may send people afterwards", () => {
  it("accepts paths on this site", () => {
    for (const path of ["/beheer", "/en/beheer/org?x=1", "/"]) expect(localPath.safeParse(path).success, path).toBe(true);
  });

  it("refuses other sites, also in the forms browsers read as another host", () => {
    for (const path of ["https://evil.example/", "//evil.example/beheer", "/\\evil.example", "/\t/evil.example", "javascript:alert(1)", "beheer"]) {
      expect(localPath.safeParse(path).success, path).toBe(false);
    }
  });

  it("drops a bad callbackUrl instead of refusing the whole form", () => {
    const parsed = signInSchema.parse({ email: " Olga@Example.NL ", callbackUrl: "//evil.example", locale: "fr" });
    expect(parsed).toEqual({ email: "Olga@Example.NL", callbackUrl: undefined, locale: "nl" });
  });
});

describe("locale paths", () => {
  it("puts English under /en and Dutch at the root", () => {
    expect(localizedPath("nl", "/beheer")).toBe("/beheer");
    expect(localizedPath("en", "/beheer")).toBe("/en/beheer");
  });

  it("reads the locale back from a path, without mistaking /energie for English", () => {
    expect(localeOfPath("/en")).toBe("en");
    expect(localeOfPath("/en/beheer")).toBe("en");
    expect(localeOfPath("/energie")).toBe("nl");
    expect(localeOfPath("/beheer")).toBe("nl");
  });
});
