// schema.org Article for a sfeerverslag: headline, dates, image, author, publisher and the conference it
// is about.
import { amsterdamIso } from "@/lib/time/amsterdam";

export type ArticleJsonLdInput = {
  url: string;
  title: string;
  lead: string;
  publishedAt: Date;
  updatedAt: Date;
  image: string | null;
  authorName: string | null;
  publisher: { name: string; url: string | null };
  about: { name: string; url: string } | null;
  speakers: Array<{ name: string; url: string }>;
};

export function articleJsonLd(input: ArticleJsonLdInput): Record<string, unknown> {
  const publisher = {
    "@type": "Organization",
    name: input.publisher.name,
    ...(input.publisher.url ? { url: input.publisher.url } : {}),
  };
  return {
    "@context": "https://schema.org",
    "@type": "Article",
    // Search engines cut headlines after 110 characters.
    headline: input.title.length > 110 ? `${input.title.slice(0, 109)}…` : input.title,
    ...(input.lead ? { description: input.lead } : {}),
    url: input.url,
    mainEntityOfPage: { "@type": "WebPage", "@id": input.url },
    inLanguage: "nl",
    datePublished: amsterdamIso(input.publishedAt),
    dateModified: amsterdamIso(input.updatedAt > input.publishedAt ? input.updatedAt : input.publishedAt),
    ...(input.image ? { image: [input.image] } : {}),
    author: input.authorName ? { "@type": "Person", name: input.authorName } : publisher,
    publisher,
    ...(input.about ? { about: { "@type": "Event", name: input.about.name, url: input.about.url } } : {}),
    ...(input.speakers.length > 0
      ? { mentions: input.speakers.map((s) => ({ "@type": "Person", name: s.name, url: s.url })) }
      : {}),
  };
}
