import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { inlineScriptHashes } from "./inline-scripts";

const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

const page = (nonce: string | null, body: string) => {
  const n = nonce === null ? "" : ` nonce="${nonce}"`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"/><script src="/_next/static/chunks/a.js" async=""${n}></script></head><body>${body}</body></html>`;
};

describe("inlineScriptHashes", () => {
  it("hashes the inline scripts carrying the nonce the page was rendered with, and nothing else", () => {
    const html = page(
      "bm9uY2U=",
      [
        `<script nonce="bm9uY2U=">(self.__next_f=self.__next_f||[]).push([0])</script>`,
        `<script id="_R_" nonce="bm9uY2U=">self.__next_f.push([1,"a"])</script>`,
        // Content that slipped into the page, with no nonce or a guessed one: not allowed.
        `<script>alert(1)</script><script nonce="Z3Vlc3M=">alert(2)</script>`,
        // Data, not run; and a bundle, allowed as a file.
        `<script type="application/ld+json" nonce="bm9uY2U=">{"@type":"Event"}</script>`,
        `<script src="/_next/static/chunks/b.js" nonce="bm9uY2U="></script>`,
        // The same script twice is one source.
        `<script nonce="bm9uY2U=">(self.__next_f=self.__next_f||[]).push([0])</script>`,
      ].join(""),
    );
    expect(inlineScriptHashes(Buffer.from(html))).toEqual([hash("(self.__next_f=self.__next_f||[]).push([0])"), hash('self.__next_f.push([1,"a"])')]);
  });

  it("hashes every inline script of a page rendered without a nonce", () => {
    const html = page(null, `<script>one()</script><script type="module">two()</script><script type="application/json">{}</script>`);
    expect(inlineScriptHashes(Buffer.from(html))).toEqual([hash("one()"), hash("two()")]);
  });

  it("hashes the text as the browser parses it: line breaks as \\n, UTF-8", () => {
    const html = page("bg==", `<script nonce="bg==">a();\r\nb("café");\rc()</script>`);
    expect(inlineScriptHashes(Buffer.from(html))).toEqual([hash('a();\nb("café");\nc()')]);
  });

  it("finds nothing to allow in a page without inline scripts", () => {
    expect(inlineScriptHashes(Buffer.from(page("bg==", "<p>Hallo</p>")))).toEqual([]);
  });
});
