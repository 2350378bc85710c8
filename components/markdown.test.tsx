import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { isLinkTarget } from "@/lib/site/link-targets";
import { Markdown } from "./markdown";

// What an organiser (or someone who stole their session) might paste into a report body.
const hostile = [
  "## Verslag",
  '<script>alert("xss")</script>',
  '<img src="x" onerror="alert(1)">',
  '<iframe src="https://evil.example"></iframe>',
  "[klik hier](javascript:alert(1))",
  "[ook hier](JaVaScRiPt:alert(1))",
  "![plaatje](javascript:alert(1))",
  "[gewone link](https://www.werkplaatsensociaaldomein.nl)",
  "[lijkt intern](/\\kwaad.example)",
].join("\n\n");

describe("Markdown", () => {
  const html = renderToStaticMarkup(<Markdown>{hostile}</Markdown>);

  it("renders no script, iframe or event handler from raw HTML in the text", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/<img/i);
    // An event handler inside a real tag; as escaped text ("&lt;img onerror=...&gt;") it is harmless.
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
  });

  it("shows the raw HTML as inert text, so nothing the author wrote silently disappears", () => {
    expect(html).toContain("&lt;script&gt;");
  });

  it("drops javascript: link targets in any letter case", () => {
    expect(html).not.toMatch(/javascript:/i);
  });

  it("keeps a link that looks like a path on this site (micromark encodes the backslash of /\\host)", () => {
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? "");
    expect(hrefs).toContain("/%5Ckwaad.example");
    // javascript: targets are emptied (above); every other target stays on this site or is a web address.
    for (const href of hrefs.filter(Boolean)) expect(isLinkTarget(href), href).toBe(true);
  });

  it("keeps ordinary headings and opens external links safely", () => {
    expect(html).toContain("<h2>Verslag</h2>");
    expect(html).toContain('href="https://www.werkplaatsensociaaldomein.nl"');
    expect(html).toContain('rel="noopener noreferrer"');
  });
});
