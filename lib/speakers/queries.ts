import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { cachedQuery } from "@/lib/cached-query";
import { CONFERENCES_TAG, REPORTS_TAG, SPEAKERS_TAG, speakerTag } from "@/lib/cache-tags";
import { PUBLIC_CONFERENCE_STATUSES, publicReportWhere } from "@/lib/reports/visibility";
import { pickPublicSpeaker } from "@/lib/speakers/pick";
import { speakerLinks } from "@/lib/speakers/links";

const publicConference = { status: { in: [...PUBLIC_CONFERENCE_STATUSES] } };

// A speaker is public only through something public: a session of a published (or cancelled) conference or a
// published report. Someone who is only in a draft programme has no public page yet.
function visibleSpeakerWhere(now: Date) {
  return {
    OR: [
      { sessions: { some: { session: { conference: publicConference } } } },
      { reports: { some: { report: publicReportWhere(now) } } },
    ],
  };
}

async function loadPublicSpeaker(slug: string) {
  const now = new Date();
  // Slugs are unique per organisation, so the same slug may belong to speakers of different organisations.
  const candidates = await db.speaker.findMany({
    where: { slug, ...visibleSpeakerWhere(now) },
    include: {
      photo: true,
      organisation: { select: { name: true } },
      sessions: {
        where: { session: { conference: publicConference } },
        include: {
          session: {
            select: {
              id: true,
              title: true,
              kind: true,
              startsAt: true,
              endsAt: true,
              room: { select: { name: true } },
              conference: { select: { slug: true, title: true, status: true, startsAt: true, endsAt: true } },
            },
          },
        },
      },
      reports: {
        where: { report: publicReportWhere(now) },
        include: { report: { select: { slug: true, title: true, lead: true, publishedAt: true } } },
      },
    },
  });
  const speaker = pickPublicSpeaker(candidates);
  if (!speaker) return null;
  const { sessions, reports, links, ...rest } = speaker;
  return {
    ...rest,
    links: speakerLinks(links),
    // Newest conference first (the one someone is about to attend matters more than one from years ago),
    // and within a conference the day's order.
    sessions: sessions
      .map((s) => s.session)
      .sort(
        (a, b) =>
          b.conference.startsAt.getTime() - a.conference.startsAt.getTime() || a.startsAt.getTime() - b.startsAt.getTime(),
      ),
    reports: reports
      .map((r) => r.report)
      .sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0)),
  };
}

export type PublicSpeaker = NonNullable<Awaited<ReturnType<typeof loadPublicSpeaker>>>;

export const getPublicSpeaker = cache(
  cachedQuery(loadPublicSpeaker, "public-speaker", {
    tags: (slug) => [SPEAKERS_TAG, speakerTag(slug), CONFERENCES_TAG, REPORTS_TAG],
    revalidate: 300,
  }),
);

// Every speaker with a public page, for the sitemap.
async function loadSpeakerSlugs() {
  const speakers = await db.speaker.findMany({
    where: visibleSpeakerWhere(new Date()),
    select: { slug: true, updatedAt: true },
    orderBy: { slug: "asc" },
  });
  const seen = new Map<string, Date>();
  for (const s of speakers) {
    const known = seen.get(s.slug);
    if (!known || known < s.updatedAt) seen.set(s.slug, s.updatedAt);
  }
  return [...seen].map(([slug, updatedAt]) => ({ slug, updatedAt }));
}

export const listSpeakerSlugs = cache(
  cachedQuery(loadSpeakerSlugs, "speaker-slugs", {
    tags: () => [SPEAKERS_TAG, CONFERENCES_TAG, REPORTS_TAG],
    revalidate: 300,
  }),
);
