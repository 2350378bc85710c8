import { describe, expect, it } from "vitest";
import { isInternalPath, isLinkTarget, isWebUrl } from "./link-targets";

// Each of these opens another site (or runs script) in a browser, however much it looks like a path here.
const OFF_SITE = [
  "/\\evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "//evil.example",
  "///evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  " //evil.example",
  "\u0000//evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
  "https:/\\evil.example",
  "https://\\evil.example",
  "https://evil.example/\u2028",
  "beheer",
];

describe("link targets", () => {
  it("accepts paths on this site and web addresses", () => {
    for (const path of ["/", "/sprekers/anna", "/en/beheer/org?x=1#bio", "/zoek?q=a%2Fb"]) {
      expect(isInternalPath(path), path).toBe(true);
      expect(isLinkTarget(path), path).toBe(true);
    }
    for (const url of ["https://www.werkplaatsensociaaldomein.nl/", "http://localhost:3000/x", "HTTPS://Example.org/a?b=c"]) {
      expect(isWebUrl(url), url).toBe(true);
      expect(isLinkTarget(url), url).toBe(true);
    }
  });

  it("refuses everything a browser resolves off-site or runs, and never calls a web address a path", () => {
    for (const value of OFF_SITE) {
      expect(isInternalPath(value), JSON.stringify(value)).toBe(false);
      expect(isLinkTarget(value), JSON.stringify(value)).toBe(false);
    }
    expect(isInternalPath("https://example.org/")).toBe(false);
  });
});
