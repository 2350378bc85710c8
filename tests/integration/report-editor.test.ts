import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ReportBody } from "@/components/reports/report-body";
import { ReportPreview, type PreviewContent } from "@/components/reports/editor/report-preview";
import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { save, unpublish } from "@/lib/reports/definitions";
import { toAmsterdamInput } from "@/lib/time/amsterdam";
import { publicReportWhere } from "@/lib/reports/visibility";
import { discardPhotoFile } from "@/lib/uploads/store";
import { messages } from "@/messages";
import { createOrganisation, type TestOrganisation } from "../support/organisation-factories";
import { createReportLinks, pngFile, reportForm, reportSnapshot } from "../support/report-factories";

// next-auth's ESM build imports "next/server" in a way only Next's bundler resolves; these tests pass the user
// in explicitly and never need a session.
vi.mock("@/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined }));

// The report editor's actions through their whole path (schema, authorization, mutation), as the organiser of
// the organisation. The public site's one visibility condition decides what visitors can see.

type AnyDefinition = ActionDefinition<never, unknown, string>;
const HOUR = 60 * 60 * 1000;

let home: TestOrganisation;
let links: Awaited<ReturnType<typeof createReportLinks>>;

beforeAll(async () => {
  home = await createOrganisation();
  links = await createReportLinks(home.id);
});
afterAll(async () => {
  const photos = await db.photo.findMany({ where: { organisationId: home.id }, select: { file: true } });
  await Promise.all(photos.map((p) => discardPhotoFile(p.file)));
  await db.$disconnect();
});

const run = (definition: unknown, input: Record<string, unknown>, user: CurrentUser = home.organiser) =>
  runAuthorized(definition as AnyDefinition, user, input);

async function saved(input: Record<string, unknown>) {
  const outcome = await run(save, input);
  if (!outcome.ok) throw new Error(`save refused: ${JSON.stringify(outcome)}`);
  return outcome.data as { reportId: string; slug: string; status: string; revalidate: { reportSlugs: string[]; dossierSlugs: string[]; speakerSlugs: string[] } | null };
}

const visibleAt = async (reportId: string, now = new Date()) =>
  (await db.report.count({ where: { id: reportId, ...publicReportWhere(now) } })) === 1;

describe("saving a report", () => {
  it("saves a draft with everything it links to, invisible to the public and with nothing to revalidate", async () => {
    const cover = await pngFile("omslag.png", 1200, 800);
    const data = await saved(
      reportForm(home.id, {
        title: "Doe, Leer en Inspireer: het verslag",
        conferenceId: links.conference.id,
        [`speakers.${links.speaker.id}`]: "on",
        [`dossiers.${links.dossier.id}`]: "on",
        "quotes.0.text": "Samen komen we verder.",
        "quotes.0.attribution": "Wethouder",
        "quotes.1.text": "",
        "quotes.1.attribution": "",
        "links.0.label": "De presentatie",
        "links.0.url": "https://example.org/presentatie.pdf",
        "links.1.label": "",
        "links.1.url": "",
        cover,
        coverAlt: "Een volle zaal die naar het podium kijkt.",
      }),
    );
    expect(data).toMatchObject({ status: "DRAFT", slug: "doe-leer-en-inspireer-het-verslag", revalidate: null });
    expect(await visibleAt(data.reportId)).toBe(false);

    const report = await db.report.findUniqueOrThrow({
      where: { id: data.reportId },
      include: { coverPhoto: true, speakers: true, dossiers: true, quotes: true, links: true },
    });
    expect(report).toMatchObject({ organisationId: home.id, conferenceId: links.conference.id, authorUserId: home.organiser.id, publishedAt: null });
    expect(report.coverPhoto).toMatchObject({ altText: "Een volle zaal die naar het podium kijkt.", mimeType: "image/webp", width: 1200 });
    expect(report.speakers.map((s) => s.speakerId)).toEqual([links.speaker.id]);
    expect(report.dossiers.map((d) => d.dossierId)).toEqual([links.dossier.id]);
    expect(report.quotes.map((q) => [q.text, q.attribution])).toEqual([["Samen komen we verder.", "Wethouder"]]);
    expect(report.links.map((l) => [l.label, l.url])).toEqual([["De presentatie", "https://example.org/presentatie.pdf"]]);
    const audit = await db.auditLogEntry.findMany({ where: { entityId: data.reportId } });
    expect(audit.map((a) => a.action)).toEqual(["report.created"]);
  });

  it("saves one report when the new-report form is submitted twice", async () => {
    const form = reportForm(home.id, { title: "Twee keer verstuurd" });
    const [first, second] = [await saved(form), await saved(form)];
    expect(second.reportId).toBe(first.reportId);
    expect(await db.report.count({ where: { organisationId: home.id, title: "Twee keer verstuurd" } })).toBe(1);
  });

  it("saves one report when the two submits arrive at the same moment", async () => {
    const form = reportForm(home.id, { title: "Tegelijk verstuurd", cover: await pngFile(), coverAlt: "Twee keer dezelfde foto." });
    const outcomes = await Promise.all([run(save, form), run(save, form)]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    const reports = await db.report.findMany({ where: { organisationId: home.id, title: "Tegelijk verstuurd" }, include: { coverPhoto: true } });
    expect(reports).toHaveLength(1);
    expect(reports[0]?.coverPhoto?.altText).toBe("Twee keer dezelfde foto.");
  });

  it("gives a title that is taken a free address, and refuses a chosen address that is taken", async () => {
    const first = await saved(reportForm(home.id, { title: "Zelfde titel" }));
    const second = await saved(reportForm(home.id, { title: "Zelfde titel" }));
    expect(second.slug).not.toBe(first.slug);
    expect(second.slug).toMatch(/^zelfde-titel-\d+$/);
    expect(await run(save, reportForm(home.id, { slug: first.slug }))).toMatchObject({ ok: false, reason: "slugTaken" });
  });

  it("requires alt text for the cover and for a gallery photo, and stores nothing without it", async () => {
    const before = await reportSnapshot(home.id);
    const noCoverAlt = await run(save, reportForm(home.id, { cover: await pngFile(), coverAlt: "  " }));
    expect(noCoverAlt).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { coverAlt: "altTextRequired" } });
    const noGalleryAlt = await run(save, reportForm(home.id, { "galleryPhotos.0.file": await pngFile(), "galleryPhotos.0.alt": "Een zaal.", "galleryPhotos.1.file": await pngFile() }));
    expect(noGalleryAlt).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { galleryPhotos: "altTextRequired" } });
    expect(await reportSnapshot(home.id)).toEqual(before);
  });

  it("adds several gallery photos at once, each with its own alt text and caption, in the form's order", async () => {
    const data = await saved(
      reportForm(home.id, {
        "galleryPhotos.0.file": await pngFile(),
        "galleryPhotos.0.alt": "De zaal loopt vol.",
        "galleryPhotos.0.caption": "Om half twee",
        // An empty slot in between is skipped, not refused.
        "galleryPhotos.1.alt": "",
        "galleryPhotos.2.file": await pngFile(),
        "galleryPhotos.2.alt": "Koffie in de foyer.",
        "galleryPhotos.3.file": await pngFile(),
        "galleryPhotos.3.alt": "Het panel op het podium.",
      }),
    );
    const photos = await db.reportPhoto.findMany({ where: { reportId: data.reportId }, orderBy: { position: "asc" }, include: { photo: true } });
    expect(photos.map((p) => [p.photo.altText, p.photo.caption])).toEqual([
      ["De zaal loopt vol.", "Om half twee"],
      ["Koffie in de foyer.", null],
      ["Het panel op het podium.", null],
    ]);
  });

  it("keeps a report's cover alt text required when only the text is edited", async () => {
    const data = await saved(reportForm(home.id, { cover: await pngFile(), coverAlt: "Koffie en chocola op tafel." }));
    const edit = await run(save, reportForm(home.id, { reportId: data.reportId, hasCover: "1", coverAlt: "" }));
    expect(edit).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { coverAlt: "altTextRequired" } });
  });

  it("refuses a file that is no photo, with the upload's own reason", async () => {
    const before = await reportSnapshot(home.id);
    const html = new File(["<!doctype html><html><script>alert(1)</script></html>"], "foto.jpg", { type: "image/jpeg" });
    expect(await run(save, reportForm(home.id, { cover: html, coverAlt: "Een foto." }))).toMatchObject({ ok: false, reason: "uploadNotAnImage" });
    expect(await reportSnapshot(home.id)).toEqual(before);
  });

  it("refuses a conference, speaker or dossier of another organisation", async () => {
    const stranger = await createOrganisation();
    const theirs = await createReportLinks(stranger.id);
    for (const field of [
      { conferenceId: theirs.conference.id },
      { [`speakers.${theirs.speaker.id}`]: "on" },
      { [`dossiers.${theirs.dossier.id}`]: "on" },
    ]) {
      expect(await run(save, reportForm(home.id, field))).toMatchObject({ ok: false, reason: "notFound" });
    }
  });

  it("refuses links that are not web addresses", async () => {
    const outcome = await run(save, reportForm(home.id, { "links.0.label": "Klik", "links.0.url": "javascript:alert(1)" }));
    expect(outcome).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { links: "urlInvalid" } });
  });

  it("refuses paths that a browser opens on another site, and keeps real paths and addresses", async () => {
    const before = await reportSnapshot(home.id);
    for (const url of ["/\\evil.example", "/\\/evil.example", "\\\\evil.example", "//evil.example", "/\t/evil.example", "/\n/evil.example"]) {
      const outcome = await run(save, reportForm(home.id, { "links.0.label": "Programma", "links.0.url": url }));
      expect(outcome, JSON.stringify(url)).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { links: "urlInvalid" } });
    }
    expect(await reportSnapshot(home.id)).toEqual(before);
    const data = await saved(
      reportForm(home.id, { "links.0.label": "Programma", "links.0.url": "/conferenties/x?taal=en", "links.1.label": "Slides", "links.1.url": "https://example.org/slides" }),
    );
    const stored = await db.reportLink.findMany({ where: { reportId: data.reportId }, orderBy: { position: "asc" } });
    expect(stored.map((link) => link.url)).toEqual(["/conferenties/x?taal=en", "https://example.org/slides"]);
  });
});

describe("publishing", () => {
  it("publishes, revalidates the pages that show it, and unpublishes again", async () => {
    const draft = await saved(reportForm(home.id, { [`speakers.${links.speaker.id}`]: "on", [`dossiers.${links.dossier.id}`]: "on" }));
    const published = await saved(reportForm(home.id, { reportId: draft.reportId, intent: "publish", [`speakers.${links.speaker.id}`]: "on", [`dossiers.${links.dossier.id}`]: "on" }));
    expect(published.status).toBe("PUBLISHED");
    expect(published.revalidate).toEqual({ reportSlugs: [draft.slug], dossierSlugs: [links.dossier.slug], speakerSlugs: [links.speaker.slug] });
    expect(await visibleAt(draft.reportId)).toBe(true);
    const { publishedAt } = await db.report.findUniqueOrThrow({ where: { id: draft.reportId } });

    // Editing a published report keeps its date and expires its pages, under the old and the new address.
    const edited = await saved(reportForm(home.id, { reportId: draft.reportId, slug: `${draft.slug}-nieuw`, intent: "save" }));
    expect(edited.status).toBe("PUBLISHED");
    expect(edited.revalidate?.reportSlugs).toEqual([draft.slug, `${draft.slug}-nieuw`]);
    expect(edited.revalidate?.speakerSlugs).toEqual([links.speaker.slug]);
    expect((await db.report.findUniqueOrThrow({ where: { id: draft.reportId } })).publishedAt).toEqual(publishedAt);

    const off = await run(unpublish, { reportId: draft.reportId });
    expect(off).toMatchObject({ ok: true, data: { revalidate: { reportSlugs: [`${draft.slug}-nieuw`] } } });
    expect(await db.report.findUniqueOrThrow({ where: { id: draft.reportId } })).toMatchObject({ status: "DRAFT", publishedAt: null });
    expect(await visibleAt(draft.reportId)).toBe(false);
    // Pressed again: nothing more to do.
    expect(await run(unpublish, { reportId: draft.reportId })).toMatchObject({ ok: true, data: { revalidate: null } });

    const audit = await db.auditLogEntry.findMany({ where: { entityId: draft.reportId }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["report.created", "report.published", "report.updated", "report.unpublished"]);
    expect(audit.every((a) => a.actorUserId === home.organiser.id)).toBe(true);
  });

  it("schedules a report: invisible until its Amsterdam moment, visible from then on", async () => {
    const at = new Date(Math.ceil((Date.now() + 48 * HOUR) / 60_000) * 60_000);
    const data = await saved(reportForm(home.id, { intent: "schedule", publishAt: toAmsterdamInput(at) }));
    expect(data.status).toBe("SCHEDULED");
    expect(data.revalidate).not.toBeNull();
    const report = await db.report.findUniqueOrThrow({ where: { id: data.reportId } });
    expect(report.publishedAt).toEqual(at);
    expect(await visibleAt(data.reportId)).toBe(false);
    expect(await visibleAt(data.reportId, new Date(at.getTime() - 60_000))).toBe(false);
    expect(await visibleAt(data.reportId, at)).toBe(true);
  });

  it("refuses to schedule in the past or without a moment", async () => {
    const before = await reportSnapshot(home.id);
    const past = await run(save, reportForm(home.id, { intent: "schedule", publishAt: toAmsterdamInput(new Date(Date.now() - HOUR)) }));
    expect(past).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { publishAt: "publishAtPast" } });
    const none = await run(save, reportForm(home.id, { intent: "schedule", publishAt: "" }));
    expect(none).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { publishAt: "publishAtRequired" } });
    expect(await reportSnapshot(home.id)).toEqual(before);
  });
});

describe("markdown with raw HTML", () => {
  const hostile = [
    "Gewone tekst.",
    "",
    "<script>alert('body')</script>",
    "",
    '<img src="x" onerror="alert(1)">',
    "",
    "[klik](javascript:alert(2))",
    "",
    '<iframe src="https://evil.example"></iframe>',
  ].join("\n");

  const inert = (html: string) => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain("Gewone tekst.");
  };

  it("is stored as written and stays inert on the public page and in the editor's preview", async () => {
    const data = await saved(reportForm(home.id, { body: hostile, "quotes.0.text": "<b>geen vet</b>" }));
    const report = await db.report.findUniqueOrThrow({ where: { id: data.reportId }, include: { quotes: true } });
    expect(report.body).toBe(hostile);

    inert(renderToStaticMarkup(createElement(ReportBody, { lead: report.lead, body: report.body, quotes: report.quotes })));

    const content: PreviewContent = {
      title: "<script>alert('titel')</script>",
      lead: report.lead,
      body: report.body,
      authorName: "",
      quotes: [{ text: "<b>geen vet</b>", attribution: "" }],
      links: [{ label: "Lees", url: "javascript:alert(3)" }],
      cover: null,
      coverFile: null,
      coverAlt: "",
      coverCaption: "",
      gallery: [],
      publishedDate: null,
      conference: null,
      speakers: [],
    };
    const preview = renderToStaticMarkup(
      // eslint-disable-next-line react/no-children-prop -- no JSX in a .ts test, and the provider's type requires children
      createElement(NextIntlClientProvider, {
        locale: "nl",
        messages: messages.nl,
        timeZone: "Europe/Amsterdam",
        children: createElement(ReportPreview, { content }),
      }),
    );
    inert(preview);
    expect(preview).toContain("&lt;b&gt;geen vet&lt;/b&gt;");
  });
});
