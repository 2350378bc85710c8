// The one schema of the sfeerverslag editor, used by the form in the browser (react-hook-form) and by the
// server action. Messages are keys under "validation" or "reportEditor.validation".
//
// The form posts flat names ("quotes.0.text", "speakers.<id>") so that it works without JavaScript and every
// typed value comes back after an error; react-hook-form builds the same shape as nested objects. unflatten
// turns the first into the second, so one schema reads both.
import { z } from "zod";
import { altTextSchema, optionalImageFileSchema } from "@/lib/uploads/schema";
import { ALT_TEXT_MAX } from "@/lib/uploads/limits";
import { optionalLinkTarget } from "@/lib/site/link-targets";
import { anyText, lineText, longText } from "@/lib/text";
import { fromAmsterdamInput } from "@/lib/time/amsterdam";

export const REPORT_INTENTS = ["save", "publish", "schedule"] as const;
export type ReportIntent = (typeof REPORT_INTENTS)[number];

export const MAX_QUOTES = 6;
export const MAX_LINKS = 8;
/** Photos added to the gallery in one go, each with its own alt text (issue 14, item 11). */
export const GALLERY_SLOTS = 4;

function child(parent: Record<string, unknown>, key: string): Record<string, unknown> {
  if (typeof parent[key] !== "object" || parent[key] === null) parent[key] = {};
  return parent[key] as Record<string, unknown>;
}

function unflatten(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  if (typeof FileList !== "undefined" && value instanceof FileList) return value;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    const [head = "", ...rest] = key.split(".");
    if (rest.length === 0) {
      out[head] = entry;
      continue;
    }
    if (head === "__proto__" || head === "constructor" || head === "prototype") continue;
    let node = child(out, head);
    for (const [index, part] of rest.entries()) {
      // Only our own names are nested; "__proto__" and friends never become keys.
      if (part === "__proto__" || part === "constructor" || part === "prototype") break;
      if (index === rest.length - 1) node[part] = entry;
      else node = child(node, part);
    }
  }
  return out;
}

/** {"0": {...}, "1": {...}} (posted) or [...] (react-hook-form) → an array in index order. */
const listOf = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess(
    (value) =>
      Array.isArray(value)
        ? value
        : typeof value === "object" && value !== null
          ? Object.entries(value)
              .sort(([a], [b]) => Number(a) - Number(b))
              .map(([, entry]) => entry)
          : [],
    z.array(item).max(max, "tooMany"),
  );

/** Checkboxes named "<group>.<id>": true in the browser, "on" when posted; gives the ticked ids. */
const idSet = z
  .record(z.string(), z.union([z.boolean(), z.string()]))
  .optional()
  .transform((record) =>
    Object.entries(record ?? {})
      .filter(([id, ticked]) => (ticked === true || ticked === "on") && /^[A-Za-z0-9_-]{1,40}$/.test(id))
      .map(([id]) => id),
  );

const checkbox = z.union([z.boolean(), z.string()]).optional().transform((v) => v === true || v === "on" || v === "1");
// One line (titles, names, captions, ids) or several (the lead, a quote); never a NUL (lib/text.ts).
const line = (max: number) => lineText().max(max, "tooLong").default("");
const lines = (max: number) => longText().max(max, "tooLong").default("");

const galleryPhoto = z.object({ file: optionalImageFileSchema, alt: line(ALT_TEXT_MAX), caption: line(300) });

const quote = z.object({ text: lines(400), attribution: line(160) });
const link = z.object({
  label: line(160),
  // A web address or a path on this site: a "read more" link never runs script (javascript:), opens something
  // local, or leads off-site while looking like a path ("/\evil.example").
  url: optionalLinkTarget.default(""),
});

export const reportSchema = z.preprocess(
  unflatten,
  z
    .object({
      // The new-report page hands out the id the report will get: a second submit of the same form edits
      // that report instead of creating another.
      reportId: z.string().trim().regex(/^[A-Za-z0-9_-]{10,40}$/, "invalid"),
      organisationId: lineText().min(1, "required").max(40, "invalid"),
      intent: z.enum(REPORT_INTENTS).catch("save"),
      title: lineText().min(3, "titleRequired").max(160, "tooLong"),
      slug: z
        .string()
        .trim()
        .toLowerCase()
        .max(80, "tooLong")
        .regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, "slugInvalid")
        .default(""),
      lead: lines(600),
      body: anyText().max(60_000, "tooLong").default(""),
      authorName: line(120),
      conferenceId: line(40),
      publishAt: line(16),
      speakers: idSet,
      dossiers: idSet,
      quotes: listOf(quote, MAX_QUOTES),
      links: listOf(link, MAX_LINKS),
      cover: optionalImageFileSchema,
      // Set by the page when the report has a cover: its alt text is then required too.
      hasCover: checkbox,
      removeCover: checkbox,
      coverAlt: line(ALT_TEXT_MAX),
      coverCaption: line(300),
      galleryPhotos: listOf(galleryPhoto, GALLERY_SLOTS),
      removePhotos: idSet,
    })
    .superRefine((input, ctx) => {
      const keepsCover = input.cover !== undefined || (input.hasCover && !input.removeCover);
      if (keepsCover && !altTextSchema.safeParse(input.coverAlt).success) {
        ctx.addIssue({ code: "custom", path: ["coverAlt"], message: "altTextRequired" });
      }
      input.galleryPhotos.forEach((photo, index) => {
        if (photo.file !== undefined && !altTextSchema.safeParse(photo.alt).success) {
          ctx.addIssue({ code: "custom", path: ["galleryPhotos", index, "alt"], message: "altTextRequired" });
        }
      });
      input.quotes.forEach((q, index) => {
        if (!q.text && q.attribution) ctx.addIssue({ code: "custom", path: ["quotes", index, "text"], message: "quoteTextRequired" });
      });
      input.links.forEach((l, index) => {
        if (l.label && !l.url) ctx.addIssue({ code: "custom", path: ["links", index, "url"], message: "urlRequired" });
        if (!l.label && l.url) ctx.addIssue({ code: "custom", path: ["links", index, "label"], message: "labelRequired" });
      });
      if (input.intent === "schedule") {
        const at = fromAmsterdamInput(input.publishAt);
        if (!at) ctx.addIssue({ code: "custom", path: ["publishAt"], message: "publishAtRequired" });
        else if (at.getTime() <= Date.now()) ctx.addIssue({ code: "custom", path: ["publishAt"], message: "publishAtPast" });
      }
    })
    .transform((input) => ({
      ...input,
      // Empty rows are the form's spare slots, not content.
      quotes: input.quotes.filter((q) => q.text),
      links: input.links.filter((l) => l.label && l.url),
      galleryPhotos: input.galleryPhotos.filter((photo) => photo.file !== undefined),
    })),
);

export type ReportInput = z.input<typeof reportSchema>;
export type Report = z.output<typeof reportSchema>;

export const unpublishReportSchema = z.object({ reportId: lineText().min(1, "required").max(40, "invalid") });
