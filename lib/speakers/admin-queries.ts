import "server-only";
import { db } from "@/lib/db";

// The organisers' speaker pages; scoped by organisation in the where clause.

const photo = { select: { file: true, width: true, height: true, altText: true } } as const;

export async function listSpeakersForEditor(organisationId: string) {
  return db.speaker.findMany({
    where: { organisationId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, role: true, affiliation: true, photo, _count: { select: { sessions: true } } },
  });
}

export async function getSpeakerForEditor(organisationId: string, speakerId: string) {
  return db.speaker.findFirst({
    where: { id: speakerId, organisationId },
    select: { id: true, slug: true, name: true, role: true, affiliation: true, bio: true, photo, _count: { select: { sessions: true, reports: true } } },
  });
}
