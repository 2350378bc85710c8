import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cachedQuery } from "@/lib/cached-query";
import { conferenceTag, CONFERENCES_TAG } from "@/lib/cache-tags";
import { placesOf, sessionPlaces } from "@/lib/places/queries";
import { hasNul } from "@/lib/text";

const publicConferenceInclude = {
  venue: true,
  coverPhoto: true,
  organisation: { select: { name: true, website: true, contactEmail: true } },
  rounds: { orderBy: { position: "asc" } },
  sessions: {
    orderBy: [{ startsAt: "asc" }, { title: "asc" }],
    include: {
      room: { select: { name: true } },
      speakers: {
        orderBy: { position: "asc" },
        include: { speaker: { include: { photo: true } } },
      },
    },
  },
  reports: {
    where: { status: { in: ["PUBLISHED", "SCHEDULED"] } },
    select: { slug: true, title: true, publishedAt: true },
    orderBy: { publishedAt: "desc" },
  },
} satisfies Prisma.ConferenceInclude;

// Uncached: for pages that must show the places left this very moment (the registration form).
export async function loadPublicConference(slug: string) {
  // The calendar route passes its path segment straight here: no conference has a NUL in its address, and
  // PostgreSQL cannot compare one.
  if (hasNul(slug)) return null;
  const conference = await db.conference.findFirst({
    where: { slug, status: { in: ["PUBLISHED", "CANCELLED"] } },
    include: publicConferenceInclude,
  });
  if (!conference) return null;
  // The places as every page shows them, from lib/places: counts kept by triggers, and the sign-up state.
  return asShown(conference, await placesOf(conference.id));
}

/**
 * Any conference of any status, as its public page would show it once published: for the organisers' preview
 * (app/[locale]/(public)/voorbeeld), which checks membership of `organisationId` before it shows anything.
 * Never cached.
 */
export async function loadConferencePreview(slug: string) {
  if (hasNul(slug)) return null;
  const conference = await db.conference.findUnique({ where: { slug }, include: publicConferenceInclude });
  if (!conference) return null;
  const shown = asShown(conference, await placesOf(conference.id, new Date(), { asPublished: true }));
  return shown && { organisationId: conference.organisationId, draft: conference.status === "DRAFT", conference: shown };
}

type LoadedConference = Prisma.ConferenceGetPayload<{ include: typeof publicConferenceInclude }>;

function asShown(conference: LoadedConference, places: Awaited<ReturnType<typeof placesOf>>) {
  if (!places) return null;
  const bySession = sessionPlaces(places);
  const now = Date.now();
  const { venue, ...rest } = conference;
  return {
    ...rest,
    // Decimal does not survive the cache; coordinates are plain numbers from here on.
    venue: venue && {
      ...venue,
      latitude: venue.latitude === null ? null : Number(venue.latitude),
      longitude: venue.longitude === null ? null : Number(venue.longitude),
    },
    // A scheduled report is not there until its moment.
    reports: conference.reports.filter((r) => r.publishedAt && r.publishedAt.getTime() <= now),
    places,
    sessions: conference.sessions.map((s) => ({ ...s, places: bySession.get(s.id) ?? null })),
  };
}

export type PublicConference = NonNullable<Awaited<ReturnType<typeof loadPublicConference>>>;

// Served from Next's data cache; registrations and organiser edits invalidate the conference's tag.
export const getPublicConference = cache(
  cachedQuery(loadPublicConference, "public-conference", {
    tags: (slug) => [CONFERENCES_TAG, conferenceTag(slug)],
    revalidate: 300,
  }),
);

// Also the iCalendar feed's list, hence the full address. Which conferences are still to come is decided
// when a page or the feed is served, not when this was cached.
async function loadPublicConferences() {
  return db.conference.findMany({
    where: { status: { in: ["PUBLISHED", "CANCELLED"] } },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      slug: true,
      title: true,
      subtitle: true,
      startsAt: true,
      endsAt: true,
      status: true,
      updatedAt: true,
      venue: { select: { name: true, street: true, postalCode: true, city: true } },
      coverPhoto: true,
    },
  });
}

export const listPublicConferences = cache(
  cachedQuery(loadPublicConferences, "public-conferences", { tags: () => [CONFERENCES_TAG], revalidate: 300 }),
);
