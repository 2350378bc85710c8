import { describe, expect, it } from "vitest";
import { languageAlternates, localizedPath, pageAlternates } from "./urls";

describe("site URLs", () => {
  it("puts Dutch at the root and English under /en", () => {
    expect(localizedPath("nl", "/")).toBe("/");
    expect(localizedPath("en", "/")).toBe("/en");
    expect(localizedPath("en", "/sfeerverslagen?pagina=2")).toBe("/en/sfeerverslagen?pagina=2");
  });

  it("gives every page its canonical address and both languages, Dutch as the default", () => {
    expect(languageAlternates("/dossiers/x")).toEqual({ nl: "/dossiers/x", en: "/en/dossiers/x", "x-default": "/dossiers/x" });
    expect(pageAlternates("en", "/dossiers/x")).toMatchObject({ canonical: "/en/dossiers/x" });
  });
});
