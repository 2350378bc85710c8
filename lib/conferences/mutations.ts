import "server-only";
import { recordAudit } from "@/lib/audit/log";
import type { OrganisationAccess } from "@/lib/auth/authorize";
import type { FieldErrors, HandlerResult } from "@/lib/auth/outcome";
import { db, type Tx } from "@/lib/db";
import { withUploadedPhoto } from "@/lib/editor/photo-transaction";
import { earlierCreation } from "@/lib/editor/request-key";
import { kickMailWorker } from "@/lib/mail/worker";
import {
  cancelConference as cancelConferencePlaces,
  checkConferenceCapacity,
  PLACES_TRANSACTION,
  setConferenceCapacity,
} from "@/lib/places/mutations";
import type { CreateConference, UpdateConference } from "./schema";
import { isUniqueViolation } from "@/lib/db-errors";
import { publishChecklist, readyToPublish } from "./publish-checklist";
import { copyQuestions } from "@/lib/questions/mutations";

// These functions trust `access` (the caller checked the role against the database) and scope every read and
// write to access.organisation themselves: an id of another organisation's record is simply not found.

type Invalid = { ok: false; reason: "invalid"; fieldErrors: FieldErrors };
const invalid = (fieldErrors: FieldErrors): Invalid => ({ ok: false, reason: "invalid", fieldErrors });

/** Venue and cover photo must be the organisation's own: ids come from a form, and forms can be edited. */
async function checkReferences(
  tx: Tx,
  organisationId: string,
  input: { venueId: string | null; coverPhotoId: string | null },
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (input.venueId && !(await tx.venue.findFirst({ where: { id: input.venueId, organisationId }, select: { id: true } }))) {
    errors.venueId = "unknownVenue";
  }
  if (input.coverPhotoId && !(await tx.photo.findFirst({ where: { id: input.coverPhotoId, organisationId }, select: { id: true } }))) {
    errors.coverPhotoId = "unknownPhoto";
  }
  return errors;
}

async function slugTaken(tx: Tx, slug: string, exceptId?: string): Promise<boolean> {
  const existing = await tx.conference.findUnique({ where: { slug }, select: { id: true } });
  return existing !== null && existing.id !== exceptId;
}

/** An address made from the title (nobody chose it): the first of "x", "x-2", "x-3"... that is free. */
async function freeSlug(tx: Tx, base: string): Promise<string> {
  for (let n = 2; ; n += 1) {
    const slug = `${base.slice(0, 76)}-${n}`;
    if (!(await slugTaken(tx, slug))) return slug;
  }
}

/** Everything but the capacity, which lib/places sets once the conference exists (it decides places). */
function fieldsOf(input: CreateConference | UpdateConference) {
  return {
    title: input.title,
    subtitle: input.subtitle,
    slug: input.slug,
    description: input.description,
    venueId: input.venueId,
    coverPhotoId: input.coverPhotoId,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    registrationOpensAt: input.registrationOpensAt,
    registrationClosesAt: input.registrationClosesAt,
  };
}

export async function createConference(
  access: OrganisationAccess,
  input: CreateConference,
): Promise<HandlerResult<{ conferenceId: string; slug: string }, never>> {
  const organisationId = access.organisation.id;
  const cover = { field: "coverUpload", file: input.coverUpload, altText: input.coverAlt };
  try {
    return await withUploadedPhoto(organisationId, cover, async (tx, photo) => {
      const earlier = await earlierCreation(tx, organisationId, "conference.created", input.requestKey);
      if (earlier) {
        const conference = await tx.conference.findUniqueOrThrow({ where: { id: earlier }, select: { id: true, slug: true } });
        return { ok: true, data: { conferenceId: conference.id, slug: conference.slug } } as const;
      }
      const errors = await checkReferences(tx, organisationId, input);
      // An address someone typed is theirs to change when taken; one made from the title gets a number.
      let slug = input.slug;
      if (await slugTaken(tx, slug)) {
        if (input.slugFromTitle) slug = await freeSlug(tx, slug);
        else errors.slug = "slugTaken";
      }
      if (Object.keys(errors).length > 0) return invalid(errors);
      const stored = await photo();
      if (!stored.ok) return stored;
      const conference = await tx.conference.create({
        // A new conference has no places taken yet: its capacity is nothing to decide.
        data: { organisationId, status: "DRAFT", ...fieldsOf(input), slug, capacity: input.capacity, coverPhotoId: stored.photoId ?? input.coverPhotoId },
        select: { id: true, slug: true },
      });
      await recordAudit(tx, {
        organisationId,
        actorUserId: access.user.id,
        action: "conference.created",
        entityType: "conference",
        entityId: conference.id,
        details: { title: input.title, slug, requestKey: input.requestKey },
      });
      return { ok: true, data: { conferenceId: conference.id, slug: conference.slug } } as const;
    });
  } catch (error) {
    // Two organisers claiming one address at the same moment: the unique index decides.
    if (isUniqueViolation(error)) return invalid({ slug: "slugTaken" });
    throw error;
  }
}

export type ConferenceChange = { conferenceId: string; slug: string; previousSlug: string; promoted: number };

/**
 * Saves the conference's details. Capacity is lib/places's to decide, under the conference's places lock held
 * from the check to the commit: it may not drop below the confirmed places, and when it rises the longest
 * waiting are promoted (and emailed) in the same transaction, so no place is free while someone waits.
 */
export async function updateConference(
  access: OrganisationAccess,
  input: UpdateConference,
): Promise<HandlerResult<ConferenceChange, "notFound">> {
  const organisationId = access.organisation.id;
  const cover = { field: "coverUpload", file: input.coverUpload, altText: input.coverAlt };
  try {
    const result = await withUploadedPhoto(organisationId, cover, async (tx, photo) => {
      const current = await tx.conference.findFirst({
        where: { id: input.conferenceId, organisationId },
        select: { id: true, slug: true, capacity: true, venueId: true, startsAt: true, endsAt: true },
      });
      if (!current) return { ok: false, reason: "notFound" } as const;
      // Moving the whole day (a duplicate for next year) moves its programme along; changing only the start
      // or only the end leaves the sessions where they are, and they must still fit.
      const shift = input.startsAt.getTime() - current.startsAt.getTime();
      const moved = shift !== 0 && shift === input.endsAt.getTime() - current.endsAt.getTime();
      const capacity = await checkConferenceCapacity(tx, current.id, input.capacity);
      const errors = await checkReferences(tx, organisationId, input);
      if (input.slug !== current.slug && (await slugTaken(tx, input.slug, current.id))) errors.slug = "slugTaken";
      if (capacity.outcome === "belowConfirmed") errors.capacity = "capacityBelowConfirmed";
      const outside = moved
        ? 0
        : await tx.programmeSession.count({
            where: { conferenceId: current.id, OR: [{ startsAt: { lt: input.startsAt } }, { endsAt: { gt: input.endsAt } }] },
          });
      if (outside > 0) errors.startsAt = "sessionsOutside";
      if (input.venueId !== current.venueId) {
        const roomsInUse = await tx.programmeSession.count({ where: { conferenceId: current.id, roomId: { not: null } } });
        if (roomsInUse > 0) errors.venueId = "roomsInUse";
      }
      if (Object.keys(errors).length > 0) return invalid(errors);
      const stored = await photo();
      if (!stored.ok) return stored;

      await tx.conference.update({
        where: { id: current.id },
        data: { ...fieldsOf(input), coverPhotoId: stored.photoId ?? input.coverPhotoId },
      });
      if (moved) {
        await tx.$executeRaw`
          UPDATE programme_sessions
             SET starts_at = starts_at + make_interval(secs => ${shift / 1000}),
                 ends_at = ends_at + make_interval(secs => ${shift / 1000}),
                 updated_at = now()
           WHERE conference_id = ${current.id}`;
      }
      const placed = await setConferenceCapacity(tx, current.id, input.capacity);
      const promoted = placed.outcome === "set" ? placed.promoted : 0;
      await recordAudit(tx, {
        organisationId,
        actorUserId: access.user.id,
        action: "conference.updated",
        entityType: "conference",
        entityId: current.id,
        details: {
          title: input.title,
          ...(input.capacity !== current.capacity ? { capacity: { from: current.capacity, to: input.capacity } } : {}),
          ...(input.slug !== current.slug ? { slug: { from: current.slug, to: input.slug } } : {}),
          ...(promoted > 0 ? { promoted } : {}),
        },
      });
      return {
        ok: true,
        data: { conferenceId: current.id, slug: input.slug, previousSlug: current.slug, promoted },
      } as const;
    }, PLACES_TRANSACTION);
    if (result.ok && result.data.promoted > 0) kickMailWorker();
    return result;
  } catch (error) {
    if (isUniqueViolation(error)) return invalid({ slug: "slugTaken" });
    throw error;
  }
}

/** Turns the reminders a week and a day before the start on or off (prisma/sql/reminders.sql sends them). */
export async function setConferenceReminders(
  access: OrganisationAccess,
  input: {
    conferenceId: string;
    reminderWeekBefore: boolean;
    reminderDayBefore: boolean;
    stillComingDays: number | null;
    offersHoursBefore: number | null;
    offerClaimHours: number;
  },
): Promise<HandlerResult<{ conferenceId: string; slug: string }, "notFound">> {
  return db.$transaction(async (tx) => {
    const conference = await tx.conference.findFirst({
      where: { id: input.conferenceId, organisationId: access.organisation.id },
      select: { id: true, slug: true, title: true },
    });
    if (!conference) return { ok: false, reason: "notFound" } as const;
    await tx.conference.update({
      where: { id: conference.id },
      data: {
        reminderWeekBefore: input.reminderWeekBefore,
        reminderDayBefore: input.reminderDayBefore,
        stillComingDays: input.stillComingDays,
        offersHoursBefore: input.offersHoursBefore,
        offerClaimHours: input.offerClaimHours,
      },
    });
    await recordAudit(tx, {
      organisationId: access.organisation.id,
      actorUserId: access.user.id,
      action: "conference.reminders",
      entityType: "conference",
      entityId: conference.id,
      details: {
        title: conference.title,
        weekBefore: input.reminderWeekBefore,
        dayBefore: input.reminderDayBefore,
        stillComingDays: input.stillComingDays,
        offersHoursBefore: input.offersHoursBefore,
        offerClaimHours: input.offerClaimHours,
      },
    });
    return { ok: true, data: { conferenceId: conference.id, slug: conference.slug } } as const;
  });
}

export async function publishConference(
  access: OrganisationAccess,
  input: { conferenceId: string },
): Promise<HandlerResult<{ conferenceId: string; slug: string }, "notFound" | "cancelled" | "noContact">> {
  return db.$transaction(async (tx) => {
    const conference = await tx.conference.findFirst({
      where: { id: input.conferenceId, organisationId: access.organisation.id },
      select: { id: true, slug: true, title: true, status: true },
    });
    if (!conference) return { ok: false, reason: "notFound" } as const;
    if (conference.status === "CANCELLED") return { ok: false, reason: "cancelled" } as const;
    // The page and every email name the organiser's contact address: nothing goes public without one.
    const checklist = await publishChecklist(access.organisation.id, conference.id, tx);
    if (conference.status === "DRAFT" && checklist && !readyToPublish(checklist)) return { ok: false, reason: "noContact" } as const;
    // Publishing twice (a double click) publishes once.
    const changed = await tx.conference.updateMany({
      where: { id: conference.id, status: "DRAFT" },
      data: { status: "PUBLISHED", publishedAt: new Date() },
    });
    if (changed.count > 0) {
      await recordAudit(tx, {
        organisationId: access.organisation.id,
        actorUserId: access.user.id,
        action: "conference.published",
        entityType: "conference",
        entityId: conference.id,
        details: { title: conference.title, slug: conference.slug },
      });
    }
    return { ok: true, data: { conferenceId: conference.id, slug: conference.slug } } as const;
  });
}

/**
 * Calls the conference off (lib/places: under the places lock, with one email to every registrant, confirmed or
 * waiting, so nobody who signs up at that moment is missed or told twice) and records it.
 */
export async function cancelConference(
  access: OrganisationAccess,
  input: { conferenceId: string },
): Promise<HandlerResult<{ conferenceId: string; slug: string; emailed: number }, "notFound">> {
  const result = await db.$transaction(async (tx) => {
    const conference = await tx.conference.findFirst({
      where: { id: input.conferenceId, organisationId: access.organisation.id },
      select: { id: true, slug: true, title: true },
    });
    if (!conference) return { ok: false, reason: "notFound" } as const;
    const cancelled = await cancelConferencePlaces(tx, conference.id);
    if (cancelled.outcome === "cancelled") {
      await recordAudit(tx, {
        organisationId: access.organisation.id,
        actorUserId: access.user.id,
        action: "conference.cancelled",
        entityType: "conference",
        entityId: conference.id,
        details: { title: conference.title, slug: conference.slug, emailed: cancelled.emailed },
      });
    }
    return { ok: true, data: { conferenceId: conference.id, slug: conference.slug, emailed: cancelled.emailed } } as const;
  }, PLACES_TRANSACTION);
  if (result.ok && result.data.emailed > 0) kickMailWorker();
  return result;
}

async function freeCopySlug(tx: Tx, slug: string): Promise<string> {
  const base = `${slug.replace(/-kopie(?:-\d+)?$/, "").slice(0, 70)}-kopie`;
  const taken = new Set(
    (await tx.conference.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((c) => c.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * A new draft with the same details, programme (rounds, sessions, rooms, speakers and their parts) and sign-up
 * questions, under a new address; registrations, check-ins and reports stay with the original.
 */
export async function duplicateConference(
  access: OrganisationAccess,
  input: { conferenceId: string },
): Promise<HandlerResult<{ conferenceId: string; slug: string }, "notFound">> {
  return db.$transaction(async (tx) => {
    const source = await tx.conference.findFirst({
      where: { id: input.conferenceId, organisationId: access.organisation.id },
      include: { rounds: true, sessions: { include: { speakers: true } } },
    });
    if (!source) return { ok: false, reason: "notFound" } as const;
    const slug = await freeCopySlug(tx, source.slug);
    const copy = await tx.conference.create({
      data: {
        organisationId: source.organisationId,
        slug,
        title: source.title,
        subtitle: source.subtitle,
        description: source.description,
        startsAt: source.startsAt,
        endsAt: source.endsAt,
        timeZone: source.timeZone,
        venueId: source.venueId,
        capacity: source.capacity,
        registrationOpensAt: source.registrationOpensAt,
        registrationClosesAt: source.registrationClosesAt,
        coverPhotoId: source.coverPhotoId,
        status: "DRAFT",
      },
      select: { id: true, slug: true },
    });
    const roundIds = new Map<string, string>();
    for (const round of source.rounds) {
      const created = await tx.workshopRound.create({
        data: { conferenceId: copy.id, title: round.title, position: round.position },
        select: { id: true },
      });
      roundIds.set(round.id, created.id);
    }
    for (const session of source.sessions) {
      await tx.programmeSession.create({
        data: {
          conferenceId: copy.id,
          title: session.title,
          description: session.description,
          kind: session.kind,
          startsAt: session.startsAt,
          endsAt: session.endsAt,
          roomId: session.roomId,
          workshopRoundId: session.workshopRoundId ? (roundIds.get(session.workshopRoundId) ?? null) : null,
          capacity: session.capacity,
          speakers: {
            create: session.speakers.map((s) => ({ speakerId: s.speakerId, part: s.part, position: s.position })),
          },
        },
      });
    }
    await copyQuestions(tx, source.id, copy.id);
    await recordAudit(tx, {
      organisationId: access.organisation.id,
      actorUserId: access.user.id,
      action: "conference.duplicated",
      entityType: "conference",
      entityId: copy.id,
      details: { from: source.slug, slug: copy.slug, title: source.title },
    });
    return { ok: true, data: { conferenceId: copy.id, slug: copy.slug } } as const;
  });
}
