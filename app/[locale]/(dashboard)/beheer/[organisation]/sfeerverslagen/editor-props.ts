import "server-only";
import { randomUUID } from "node:crypto";
import type { Locale } from "@/i18n/routing";
import type { EditorOptions, EditorReport } from "@/components/reports/editor/types";
import { formatShortDate, formatTime } from "@/lib/format";
import type { EditableReport, ReportEditorOptions } from "@/lib/reports/admin-queries";
import { toAmsterdamInput } from "@/lib/time/amsterdam";

// From the database's shape to the editor's plain props, with dates formatted in Amsterdam time.

export function editorOptions(options: ReportEditorOptions, locale: Locale): EditorOptions {
  return {
    conferences: options.conferences.map((c) => ({ id: c.id, label: `${c.title} (${formatShortDate(c.startsAt, locale)})` })),
    speakers: options.speakers.map((s) => ({ id: s.id, name: s.name, detail: [s.role, s.affiliation].filter(Boolean).join(", ") })),
    dossiers: options.dossiers,
  };
}

/** A scheduled report shows its moment with the time; a published one its date, as the public page does. */
export function publishedLabel(status: EditableReport["status"], publishedAt: Date | null, locale: Locale): string | null {
  if (!publishedAt || status === "DRAFT") return null;
  if (status === "SCHEDULED") return `${formatShortDate(publishedAt, locale)} ${formatTime(publishedAt, locale)}${locale === "nl" ? " uur" : ""}`;
  return formatShortDate(publishedAt, locale);
}

type PhotoRow = { id: string; file: string; width: number; height: number; altText: string; caption: string | null; credit: string | null };

const editorPhoto = ({ id, file, width, height, altText, caption, credit }: PhotoRow) => ({ id, file, width, height, altText, caption, credit });

export function newEditorReport(): EditorReport {
  return {
    // The id the report will get when first saved: submitting the form twice saves one report.
    id: randomUUID(),
    isNew: true,
    title: "",
    slug: "",
    lead: "",
    body: "",
    authorName: "",
    conferenceId: "",
    speakerIds: [],
    dossierIds: [],
    quotes: [],
    links: [],
    cover: null,
    gallery: [],
    status: "DRAFT",
    publishAt: "",
    publishedLabel: null,
    publishedDate: null,
  };
}

export function editorReport(report: EditableReport, locale: Locale): EditorReport {
  return {
    id: report.id,
    isNew: false,
    title: report.title,
    slug: report.slug,
    lead: report.lead,
    body: report.body,
    authorName: report.authorName ?? "",
    conferenceId: report.conferenceId ?? "",
    speakerIds: report.speakers.map((s) => s.speakerId),
    dossierIds: report.dossiers.map((d) => d.dossierId),
    quotes: report.quotes.map((q) => ({ text: q.text, attribution: q.attribution ?? "" })),
    links: report.links.map((l) => ({ label: l.label, url: l.url })),
    cover: report.coverPhoto ? editorPhoto(report.coverPhoto) : null,
    gallery: report.photos.map((p) => editorPhoto(p.photo)),
    status: report.status,
    publishAt: report.status === "SCHEDULED" && report.publishedAt ? toAmsterdamInput(report.publishedAt) : "",
    publishedLabel: publishedLabel(report.status, report.publishedAt, locale),
    publishedDate: report.status !== "DRAFT" && report.publishedAt ? formatShortDate(report.publishedAt, locale) : null,
  };
}
