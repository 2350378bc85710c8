// OpenGraph and Twitter card metadata for a public page, with its cover photo when there is one.
import type { Metadata } from "next";
import type { Locale } from "@/i18n/routing";
import { localizedPath, mediaPath } from "./urls";

type Cover = { file: string; width: number; height: number; altText: string } | null | undefined;

export function socialMetadata(input: {
  locale: Locale;
  path: string;
  title: string;
  description?: string | null;
  cover?: Cover;
  type?: "website" | "article";
  publishedAt?: Date | null;
  siteName: string;
}): Pick<Metadata, "openGraph" | "twitter"> {
  const description = input.description || undefined;
  const images = input.cover
    ? [{ url: mediaPath(input.cover.file), width: input.cover.width, height: input.cover.height, alt: input.cover.altText }]
    : undefined;
  const common = {
    title: input.title,
    description,
    url: localizedPath(input.locale, input.path),
    siteName: input.siteName,
    locale: input.locale === "nl" ? "nl_NL" : "en_GB",
    alternateLocale: input.locale === "nl" ? ["en_GB"] : ["nl_NL"],
    images,
  };
  return {
    openGraph:
      input.type === "article"
        ? { ...common, type: "article", publishedTime: input.publishedAt?.toISOString() }
        : { ...common, type: "website" },
    twitter: {
      card: images ? "summary_large_image" : "summary",
      title: input.title,
      description,
      images,
    },
  };
}
