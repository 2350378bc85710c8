import { describe, expect, it } from "vitest";
import { rssFeed } from "./rss";
import { escapeXml } from "./xml";

const channel = {
  title: "Podium: sfeerverslagen",
  link: "https://podium.example/sfeerverslagen",
  selfUrl: "https://podium.example/feeds/sfeerverslagen.xml",
  description: "Sfeerverslagen",
  language: "nl",
};

describe("escapeXml", () => {
  it("escapes markup and drops characters XML forbids", () => {
    expect(escapeXml(`Tom & Jerry <b>"hoi"</b> 'x'`)).toBe("Tom &amp; Jerry &lt;b&gt;&quot;hoi&quot;&lt;/b&gt; &apos;x&apos;");
    expect(escapeXml("a\u0000b\u0008c\td\ne\u001Ff")).toBe("abc\td\nef");
  });

  it("keeps characters outside the BMP but drops lone surrogates", () => {
    expect(escapeXml("koffie ☕ en 🎉")).toBe("koffie ☕ en 🎉");
    expect(escapeXml("x\uD83Dy")).toBe("xy");
  });
});

describe("rssFeed", () => {
  const feed = rssFeed({
    ...channel,
    items: [
      {
        title: "Verslag </title><script>alert(1)</script>",
        link: "https://podium.example/sfeerverslagen/a?x=1&y=2",
        description: "Lead & meer",
        publishedAt: new Date("2017-11-08T09:00:00Z"),
        creator: "Redactie",
        enclosure: { url: "https://podium.example/media/a.webp", length: 1234, type: "image/webp" },
      },
      { title: "Ouder", link: "https://podium.example/sfeerverslagen/b", description: "", publishedAt: new Date("2016-01-01T00:00:00Z") },
    ],
  });

  it("never lets a title close an element", () => {
    expect(feed).not.toContain("<script>");
    expect(feed).toContain("<title>Verslag &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>");
    expect(feed).toContain("<link>https://podium.example/sfeerverslagen/a?x=1&amp;y=2</link>");
  });

  it("writes RFC 822 dates and the newest as lastBuildDate", () => {
    expect(feed).toContain("<pubDate>Wed, 08 Nov 2017 09:00:00 GMT</pubDate>");
    expect(feed).toContain("<lastBuildDate>Wed, 08 Nov 2017 09:00:00 GMT</lastBuildDate>");
  });

  it("has the self link, creator and enclosure validators ask for", () => {
    expect(feed).toContain('<atom:link href="https://podium.example/feeds/sfeerverslagen.xml" rel="self" type="application/rss+xml"/>');
    expect(feed).toContain("<dc:creator>Redactie</dc:creator>");
    expect(feed).toContain('<enclosure url="https://podium.example/media/a.webp" length="1234" type="image/webp"/>');
    expect(feed.match(/<item>/g)).toHaveLength(2);
  });
});
