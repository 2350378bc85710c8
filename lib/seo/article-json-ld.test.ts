import { describe, expect, it } from "vitest";
import { articleJsonLd } from "./article-json-ld";

const base = {
  url: "https://podium.example/sfeerverslagen/a",
  title: "Sfeerverslag",
  lead: "Een middag vol inspiratie",
  publishedAt: new Date("2017-11-08T09:00:00Z"),
  updatedAt: new Date("2017-11-09T09:00:00Z"),
  image: "https://podium.example/media/cover.webp",
  authorName: "Redactie Werkplaats",
  publisher: { name: "Werkplaats", url: "https://werkplaats.example" },
  about: { name: "Doe, Leer en Inspireer!", url: "https://podium.example/conferenties/x" },
  speakers: [{ name: "Toby Witte", url: "https://podium.example/sprekers/toby-witte" }],
};

describe("articleJsonLd", () => {
  it("names the article, its dates in Amsterdam time, author, publisher and the event it is about", () => {
    expect(articleJsonLd(base)).toMatchObject({
      "@type": "Article",
      headline: "Sfeerverslag",
      datePublished: "2017-11-08T10:00:00+01:00",
      dateModified: "2017-11-09T10:00:00+01:00",
      image: ["https://podium.example/media/cover.webp"],
      author: { "@type": "Person", name: "Redactie Werkplaats" },
      publisher: { "@type": "Organization", name: "Werkplaats" },
      about: { "@type": "Event", name: "Doe, Leer en Inspireer!" },
      mentions: [{ "@type": "Person", name: "Toby Witte" }],
    });
  });

  it("credits the organisation when no author is named, and shortens long headlines", () => {
    const article = articleJsonLd({ ...base, authorName: null, title: "x".repeat(150) });
    expect(article.author).toMatchObject({ "@type": "Organization", name: "Werkplaats" });
    expect(String(article.headline)).toHaveLength(110);
  });
});
