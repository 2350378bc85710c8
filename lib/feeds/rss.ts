// RSS 2.0 with the Atom self link and Dublin Core creator that feed validators ask for. Every value is
// escaped here; callers pass plain text and absolute URLs.
import { escapeXml } from "./xml";

export type RssItem = {
  title: string;
  link: string;
  description: string;
  publishedAt: Date;
  creator?: string | null;
  category?: string | null;
  enclosure?: { url: string; length: number; type: string } | null;
};

export type RssChannel = {
  title: string;
  link: string;
  selfUrl: string;
  description: string;
  language: string;
  items: RssItem[];
};

const element = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;

function itemXml(item: RssItem): string {
  return [
    "<item>",
    element("title", item.title),
    element("link", item.link),
    `<guid isPermaLink="true">${escapeXml(item.link)}</guid>`,
    element("pubDate", item.publishedAt.toUTCString()),
    ...(item.description ? [element("description", item.description)] : []),
    ...(item.creator ? [element("dc:creator", item.creator)] : []),
    ...(item.category ? [element("category", item.category)] : []),
    ...(item.enclosure
      ? [
          `<enclosure url="${escapeXml(item.enclosure.url)}" length="${Math.max(0, Math.round(item.enclosure.length))}" type="${escapeXml(item.enclosure.type)}"/>`,
        ]
      : []),
    "</item>",
  ].join("");
}

export function rssFeed(channel: RssChannel): string {
  const newest = channel.items.reduce<Date | null>(
    (latest, item) => (latest === null || item.publishedAt > latest ? item.publishedAt : latest),
    null,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "<channel>",
    element("title", channel.title),
    element("link", channel.link),
    `<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    element("description", channel.description),
    element("language", channel.language),
    ...(newest ? [element("lastBuildDate", newest.toUTCString())] : []),
    ...channel.items.map(itemXml),
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}
