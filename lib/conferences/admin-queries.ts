import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { toAmsterdamInput } from "@/lib/time/amsterdam";
import { placesOf } from "@/lib/places/queries";

// Reads of the organisers' conference editor. Every one is scoped by organisation in its where clause: an id
// of another organisation's conference finds nothing, and the page answers 404.

export const getEditableConference = cache(async (organisationId: string, conferenceId: string) => {
  const conference = await db.conference.findFirst({
    where: { id: conferenceId, organisationId },
    include: { venue: { select: { id: true, name: true, city: true } } },
  });
  if (!conference) return null;
  const [places, sessions, questions] = await Promise.all([
    placesOf(conferenceId),
    db.programmeSession.count({ where: { conferenceId } }),
    db.registrationQuestion.count({ where: { conferenceId } }),
  ]);
  return { ...conference, confirmed: places?.confirmed ?? 0, waitlisted: places?.waitlisted ?? 0, sessions, questions };
});

export type EditableConference = NonNullable<Awaited<ReturnType<typeof getEditableConference>>>;

/** The conference as the strings its form shows (wall-clock times in Amsterdam). */
export function conferenceFormValues(conference: EditableConference) {
  return {
    title: conference.title,
    subtitle: conference.subtitle ?? "",
    slug: conference.slug,
    description: conference.description,
    venueId: conference.venueId ?? "",
    coverPhotoId: conference.coverPhotoId ?? "",
    startsAt: toAmsterdamInput(conference.startsAt),
    endsAt: toAmsterdamInput(conference.endsAt),
    capacity: String(conference.capacity),
    registrationOpensAt: toAmsterdamInput(conference.registrationOpensAt),
    registrationClosesAt: toAmsterdamInput(conference.registrationClosesAt),
    coverAlt: "",
    savedStartsAt: toAmsterdamInput(conference.startsAt),
  };
}

export async function venueOptions(organisationId: string) {
  const venues = await db.venue.findMany({ where: { organisationId }, orderBy: { name: "asc" }, select: { id: true, name: true, city: true } });
  return venues.map((v) => ({ value: v.id, label: `${v.name}, ${v.city}` }));
}

/**
 * The photos a cover can be chosen from, as thumbnails (issue 14, item 11): the organisation's own, newest first,
 * without its speakers' portraits and its logo (never a conference's cover), and always with the current cover.
 */
export async function photoOptions(organisationId: string, currentCoverId: string | null = null) {
  return db.photo.findMany({
    where: {
      organisationId,
      OR: [{ speakerPhotos: { none: {} }, organisationLogos: { none: {} } }, ...(currentCoverId ? [{ id: currentCoverId }] : [])],
    },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, file: true, width: true, height: true, altText: true, caption: true },
  });
}
export type CoverOption = Awaited<ReturnType<typeof photoOptions>>[number];
