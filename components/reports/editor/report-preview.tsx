"use client";

import { useEffect, useMemo } from "react";
import { useTranslations } from "next-intl";
import { Photo } from "@/components/photo";
import { ReportBody } from "@/components/reports/report-body";
import { isLinkTarget } from "@/lib/site/link-targets";
import type { EditorPhoto } from "./types";

export type PreviewContent = {
  title: string;
  lead: string;
  body: string;
  authorName: string;
  quotes: Array<{ text: string; attribution: string }>;
  links: Array<{ label: string; url: string }>;
  cover: EditorPhoto | null;
  coverFile: File | null;
  coverAlt: string;
  coverCaption: string;
  gallery: EditorPhoto[];
  publishedDate: string | null;
  /** The linked conference and speakers as the editor knows them (name and a line of detail). */
  conference: { label: string } | null;
  speakers: Array<{ id: string; name: string; detail: string }>;
};

/** A picked file shown before it is uploaded; the object URL is released when the file changes. */
function usePickedImage(file: File | null): string | null {
  const url = useMemo(() => (file ? URL.createObjectURL(file) : null), [file]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}

// The report as visitors will see it, built from the same pieces as the public page: the text through
// ReportBody (the public page's own component), photos through Photo, with the public page's classes.
export function ReportPreview({ content }: { content: PreviewContent }) {
  const t = useTranslations("report");
  const pickedCover = usePickedImage(content.coverFile);
  const quotes = content.quotes.filter((q) => q.text.trim()).map((q) => ({ text: q.text.trim(), attribution: q.attribution.trim() || null }));
  // Only what the schema will accept: a half-typed or javascript: address never becomes a live link here.
  const links = content.links.filter((l) => l.label.trim() && isLinkTarget(l.url.trim()));
  const caption = content.coverCaption.trim() || content.cover?.caption;

  return (
    <article className="mx-auto max-w-3xl">
      <header>
        {/* The public page's h1; here a paragraph, so the dashboard page keeps one h1. */}
        <p className="text-3xl font-semibold leading-tight tracking-tight text-petrol-800 sm:text-4xl">{content.title || "…"}</p>
        <p className="mt-3 text-muted">
          {content.publishedDate && t("published", { date: content.publishedDate })}
          {content.authorName.trim() && (
            <>
              {content.publishedDate && " · "}
              {t("by", { author: content.authorName.trim() })}
            </>
          )}
        </p>
      </header>
      {(pickedCover || content.cover) && (
        <figure className="mt-6">
          {pickedCover ? (
            // A local preview of a file not uploaded yet: no optimiser for blob: URLs.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={pickedCover} alt={content.coverAlt} className="h-auto w-full rounded-xl" />
          ) : (
            content.cover && (
              <Photo
                photo={{ ...content.cover, altText: content.coverAlt || content.cover.altText }}
                sizes="(min-width: 1024px) 560px, 100vw"
                className="h-auto w-full rounded-xl"
                priority
              />
            )
          )}
          {(caption || content.cover?.credit) && (
            <figcaption className="mt-2 text-sm text-muted">
              {caption}
              {caption && content.cover?.credit && " "}
              {content.cover?.credit && <span className="whitespace-nowrap">({content.cover.credit})</span>}
            </figcaption>
          )}
        </figure>
      )}
      <ReportBody lead={content.lead.trim()} body={content.body} quotes={quotes} />

      {content.gallery.length > 0 && (
        <section className="mt-12">
          <p className="text-2xl font-semibold text-petrol-800">{t("gallery")}</p>
          <ul className="mt-4 grid gap-4 sm:grid-cols-2">
            {content.gallery.map((photo) => (
              <li key={photo.id}>
                <Photo photo={photo} sizes="280px" className="h-auto w-full rounded-lg" />
              </li>
            ))}
          </ul>
        </section>
      )}

      {content.speakers.length > 0 && (
        <section className="mt-12">
          <p className="text-2xl font-semibold text-petrol-800">{t("speakers")}</p>
          <ul className="mt-4 grid gap-4 sm:grid-cols-2">
            {content.speakers.map((speaker) => (
              <li key={speaker.id} className="rounded-xl border border-line bg-white p-4">
                <p className="font-semibold text-petrol-800">{speaker.name}</p>
                {speaker.detail && <p className="text-sm text-muted">{speaker.detail}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {content.conference && (
        <section className="mt-12 rounded-xl border border-line bg-white p-5">
          <p className="text-xl font-semibold text-petrol-800">{t("about")}</p>
          <p className="mt-2 font-semibold text-petrol-700 underline">{content.conference.label}</p>
        </section>
      )}

      {links.length > 0 && (
        <section className="mt-8">
          <p className="text-xl font-semibold text-petrol-800">{t("readMore")}</p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {links.map((link, index) => (
              <li key={index}>
                <a href={link.url} rel="noopener noreferrer" target="_blank" className="text-petrol-700 underline">
                  {link.label}
                  <span className="sr-only"> ({t("opensInNewWindow")})</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
