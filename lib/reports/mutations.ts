import "server-only";
import { recordAudit } from "@/lib/audit/log";
import type { OrganisationAccess } from "@/lib/auth/authorize";
import type { HandlerResult } from "@/lib/auth/outcome";
import { db, type Tx } from "@/lib/db";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { slugify } from "@/lib/text";
import type { PreparedImage } from "@/lib/uploads/image";
import type { UploadRefusal } from "@/lib/uploads/limits";
import { discardPhotoFile, preparePhotoUpload, savePreparedPhoto } from "@/lib/uploads/store";
import { fromAmsterdamInput } from "@/lib/time/amsterdam";
import type { Report } from "./schema";
import { isUniqueViolation } from "@/lib/db-errors";

// These functions trust `access` (authorizedAction checked it against the database) and keep every record
// they touch inside access.organisation: a conference, speaker, dossier or photo id of another organisation is
// refused as unknown. They return what the public site must forget; actions.ts does the forgetting, so
// tests can call them without Next's cache.

/** Public pages that showed, or now show, this report: the caller expires their caches. */
export type ReportRevalidation = { reportSlugs: string[]; dossierSlugs: string[]; speakerSlugs: string[] };

export type SaveReportResult = {
  reportId: string;
  organisationSlug: string;
  slug: string;
  status: ReportStatus;
  created: boolean;
  revalidate: ReportRevalidation | null;
};

export type SaveReportRefusal = "notFound" | "slugTaken" | "scheduleInPast" | UploadRefusal;

const PUBLIC_STATUSES: readonly ReportStatus[] = ["PUBLISHED", "SCHEDULED"];

const unique = (values: string[]) => [...new Set(values)];

async function freeSlug(tx: Tx, wanted: string, reportId: string): Promise<string> {
  const base = wanted || "sfeerverslag";
  for (let n = 1; ; n += 1) {
    const slug = n === 1 ? base : `${base.slice(0, 76)}-${n}`;
    const other = await tx.report.findUnique({ where: { slug }, select: { id: true } });
    if (!other || other.id === reportId) return slug;
  }
}

async function prepare(file: File | undefined) {
  return file ? preparePhotoUpload(file) : ({ ok: true, image: null } as const);
}

/**
 * Saves the whole editor form: content, links to conference, speakers and dossiers, photos, and the status
 * the pressed button asks for (save keeps it, publish, schedule). A report id that does not exist yet
 * creates the report with that id, so a second submit of the new-report form changes that same report.
 */
export async function saveReport(
  access: OrganisationAccess,
  input: Report,
  now: Date = new Date(),
): Promise<HandlerResult<SaveReportResult, SaveReportRefusal>> {
  const organisationId = access.organisation.id;
  // Re-encoding a large photo takes a moment: before the transaction, and a refused file changes nothing.
  const cover = await prepare(input.cover);
  if (!cover.ok) return cover;
  const gallery: Array<{ image: PreparedImage; alt: string; caption: string }> = [];
  for (const photo of input.galleryPhotos) {
    const prepared = await prepare(photo.file);
    if (!prepared.ok) return prepared;
    if (prepared.image) gallery.push({ image: prepared.image, alt: photo.alt, caption: photo.caption });
  }

  let scheduledAt: Date | null = null;
  if (input.intent === "schedule") {
    scheduledAt = fromAmsterdamInput(input.publishAt);
    if (!scheduledAt || scheduledAt <= now) return { ok: false, reason: "scheduleInPast" };
  }

  const written: string[] = [];
  const savePhoto = async (tx: Tx, image: PreparedImage, altText: string, caption: string) => {
    const photo = await savePreparedPhoto(tx, { organisationId, image, altText, caption });
    written.push(photo.file);
    return photo;
  };

  const attempt = () =>
    db.$transaction(async (tx): Promise<HandlerResult<SaveReportResult, SaveReportRefusal>> => {
      const existing = await tx.report.findUnique({
        where: { id: input.reportId },
        include: {
          speakers: { select: { speaker: { select: { id: true, slug: true } } } },
          dossiers: { select: { dossierId: true, dossier: { select: { slug: true } } } },
          photos: { select: { photoId: true, position: true } },
        },
      });
      if (existing && existing.organisationId !== organisationId) return { ok: false, reason: "notFound" } as const;

      // One query after another: a transaction is one connection.
      const conference = input.conferenceId
        ? await tx.conference.findFirst({ where: { id: input.conferenceId, organisationId }, select: { id: true } })
        : null;
      const speakers = await tx.speaker.findMany({ where: { id: { in: input.speakers }, organisationId }, select: { id: true, slug: true } });
      const dossiers = await tx.dossier.findMany({ where: { id: { in: input.dossiers }, organisationId }, select: { id: true, slug: true } });
      if ((input.conferenceId && !conference) || speakers.length !== input.speakers.length || dossiers.length !== input.dossiers.length) {
        return { ok: false, reason: "notFound" } as const;
      }

      // An address someone chose is kept or refused; one made from the title gets a number when taken.
      let slug: string;
      if (input.slug) {
        const other = await tx.report.findUnique({ where: { slug: input.slug }, select: { id: true } });
        if (other && other.id !== input.reportId) return { ok: false, reason: "slugTaken" } as const;
        slug = input.slug;
      } else {
        slug = existing?.slug ?? (await freeSlug(tx, slugify(input.title), input.reportId));
      }

      let status: ReportStatus = existing?.status ?? "DRAFT";
      let publishedAt: Date | null = existing?.publishedAt ?? null;
      if (input.intent === "publish") {
        // Publishing again (after an edit) keeps the original date; a scheduled one is published now.
        publishedAt = existing?.status === "PUBLISHED" && existing.publishedAt ? existing.publishedAt : now;
        status = "PUBLISHED";
      } else if (input.intent === "schedule") {
        status = "SCHEDULED";
        publishedAt = scheduledAt;
      }

      let coverPhotoId = input.removeCover ? null : (existing?.coverPhotoId ?? null);
      if (cover.image) {
        coverPhotoId = (await savePhoto(tx, cover.image, input.coverAlt, input.coverCaption)).id;
      } else if (coverPhotoId && input.coverAlt) {
        // The alt text and caption of the cover are edited in the same form. A form that did not show the
        // cover (hasCover unset, so no alt text required) leaves them as they are: the database refuses an
        // empty alt text anyway.
        await tx.photo.updateMany({
          where: { id: coverPhotoId, organisationId },
          data: { altText: input.coverAlt, caption: input.coverCaption || null },
        });
      }

      const content = {
        title: input.title,
        slug,
        lead: input.lead,
        body: input.body,
        authorName: input.authorName || null,
        conferenceId: conference?.id ?? null,
        coverPhotoId,
        status,
        publishedAt,
      };
      const report = existing
        ? await tx.report.update({ where: { id: existing.id }, data: content, select: { id: true } })
        : await tx.report.create({
            data: { id: input.reportId, organisationId, authorUserId: access.user.id, ...content },
            select: { id: true },
          });

      // Lists are replaced as a whole: the form always shows and posts all of them.
      await tx.reportSpeaker.deleteMany({ where: { reportId: report.id } });
      await tx.reportSpeaker.createMany({ data: speakers.map((s) => ({ reportId: report.id, speakerId: s.id })) });
      await tx.reportQuote.deleteMany({ where: { reportId: report.id } });
      await tx.reportQuote.createMany({
        data: input.quotes.map((q, position) => ({ reportId: report.id, text: q.text, attribution: q.attribution || null, position })),
      });
      await tx.reportLink.deleteMany({ where: { reportId: report.id } });
      await tx.reportLink.createMany({
        data: input.links.map((l, position) => ({ reportId: report.id, label: l.label, url: l.url, position })),
      });

      // Dossiers: a report added to one goes to its end; one taken out leaves the others in their order.
      const before = existing?.dossiers ?? [];
      const wanted = new Set(dossiers.map((d) => d.id));
      await tx.dossierReport.deleteMany({ where: { reportId: report.id, dossierId: { notIn: [...wanted] } } });
      for (const dossier of dossiers) {
        if (before.some((d) => d.dossierId === dossier.id)) continue;
        const last = await tx.dossierReport.aggregate({ where: { dossierId: dossier.id }, _max: { position: true } });
        await tx.dossierReport.create({ data: { dossierId: dossier.id, reportId: report.id, position: (last._max.position ?? -1) + 1 } });
      }

      if (input.removePhotos.length > 0) {
        await tx.reportPhoto.deleteMany({ where: { reportId: report.id, photoId: { in: input.removePhotos } } });
      }
      // The new photos after the ones already there, in the order of the form.
      for (const added of gallery) {
        const photo = await savePhoto(tx, added.image, added.alt, added.caption);
        const last = await tx.reportPhoto.aggregate({ where: { reportId: report.id }, _max: { position: true } });
        await tx.reportPhoto.create({ data: { reportId: report.id, photoId: photo.id, position: (last._max.position ?? -1) + 1 } });
      }

      const action =
        input.intent === "publish"
          ? "report.published"
          : input.intent === "schedule"
            ? "report.scheduled"
            : existing
              ? "report.updated"
              : "report.created";
      await recordAudit(tx, {
        organisationId,
        actorUserId: access.user.id,
        action,
        entityType: "report",
        entityId: report.id,
        details: { title: input.title, slug, status, publishedAt: publishedAt?.toISOString() ?? null },
      });

      const wasPublic = existing ? PUBLIC_STATUSES.includes(existing.status) : false;
      const isPublic = PUBLIC_STATUSES.includes(status);
      const revalidate =
        wasPublic || isPublic
          ? {
              reportSlugs: unique([existing?.slug, slug].filter((s): s is string => Boolean(s))),
              dossierSlugs: unique([...before.map((d) => d.dossier.slug), ...dossiers.map((d) => d.slug)]),
              speakerSlugs: unique([...(existing?.speakers ?? []).map((s) => s.speaker.slug), ...speakers.map((s) => s.slug)]),
            }
          : null;
      return { ok: true, data: { reportId: report.id, organisationSlug: access.organisation.slug, slug, status, created: !existing, revalidate } } as const;
    });

  try {
    try {
      return await attempt();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Two submits of the same new-report form (or two new reports with the same title) at the same moment:
      // the other one committed first. Once more, this one finds that report and saves as an edit of it, or
      // takes the next free address.
      await Promise.all(written.splice(0).map(discardPhotoFile));
      return await attempt();
    }
  } catch (error) {
    // The rows are gone with the transaction; the files written for them go too.
    await Promise.all(written.map(discardPhotoFile));
    throw error;
  }
}

/** Back to draft: off the public site at once, kept for editing. */
export async function unpublishReport(
  access: OrganisationAccess,
  input: { reportId: string },
): Promise<HandlerResult<{ slug: string; revalidate: ReportRevalidation | null }, "notFound">> {
  const organisationId = access.organisation.id;
  return db.$transaction(async (tx) => {
    const report = await tx.report.findFirst({
      where: { id: input.reportId, organisationId },
      select: {
        id: true,
        slug: true,
        title: true,
        status: true,
        speakers: { select: { speaker: { select: { slug: true } } } },
        dossiers: { select: { dossier: { select: { slug: true } } } },
      },
    });
    if (!report) return { ok: false, reason: "notFound" } as const;
    // Pressed twice (or in two tabs): the second press finds a draft and changes nothing.
    if (report.status === "DRAFT") return { ok: true, data: { slug: report.slug, revalidate: null } } as const;
    await tx.report.update({ where: { id: report.id }, data: { status: "DRAFT", publishedAt: null } });
    await recordAudit(tx, {
      organisationId,
      actorUserId: access.user.id,
      action: "report.unpublished",
      entityType: "report",
      entityId: report.id,
      details: { title: report.title, slug: report.slug, previousStatus: report.status },
    });
    return {
      ok: true,
      data: {
        slug: report.slug,
        revalidate: {
          reportSlugs: [report.slug],
          dossierSlugs: report.dossiers.map((d) => d.dossier.slug),
          speakerSlugs: report.speakers.map((s) => s.speaker.slug),
        },
      },
    } as const;
  });
}
