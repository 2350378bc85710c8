import "server-only";
import { db } from "@/lib/db";
import { toAmsterdamInput } from "@/lib/time/amsterdam";
import { placesOf, sessionPlaces, type SessionPlaces } from "@/lib/places/queries";

// The programme editor's reads, scoped by organisation in the where clause.

export async function getProgrammeForEditor(organisationId: string, conferenceId: string) {
  const conference = await db.conference.findFirst({
    where: { id: conferenceId, organisationId },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      startsAt: true,
      endsAt: true,
      venue: { select: { name: true, rooms: { orderBy: { name: "asc" }, select: { id: true, name: true, capacity: true } } } },
      rounds: {
        orderBy: { position: "asc" },
        select: { id: true, title: true, allocation: true, rankingClosesAt: true, allocatedAt: true, _count: { select: { sessions: true } } },
      },
      sessions: {
        orderBy: [{ startsAt: "asc" }, { title: "asc" }],
        include: {
          room: { select: { name: true, capacity: true } },
          round: { select: { title: true } },
          speakers: { orderBy: { position: "asc" }, include: { speaker: { select: { id: true, name: true } } } },
        },
      },
    },
  });
  if (!conference) return null;
  const places = await placesOf(conference.id);
  const bySession = places ? sessionPlaces(places) : new Map<string, SessionPlaces>();
  return {
    ...conference,
    // How each round hands out its workshops now (lib/places decides).
    rounds: conference.rounds.map((r) => ({ ...r, mode: places?.rounds.find((x) => x.id === r.id)?.mode ?? "choice" })),
    sessions: conference.sessions.map((s) => ({ ...s, taken: bySession.get(s.id)?.confirmed ?? 0 })),
  };
}

export type ProgrammeForEditor = NonNullable<Awaited<ReturnType<typeof getProgrammeForEditor>>>;
export type EditorSession = ProgrammeForEditor["sessions"][number];

/** The organisation's speakers, for the session form's picker: searched by name and organisation. */
export async function speakerOptions(organisationId: string) {
  return db.speaker.findMany({ where: { organisationId }, orderBy: { name: "asc" }, select: { id: true, name: true, affiliation: true } });
}
export type SpeakerOption = Awaited<ReturnType<typeof speakerOptions>>[number];

/** A session as the strings of its form. */
export function sessionFormValues(session: EditorSession): Record<string, string> {
  const values: Record<string, string> = {
    title: session.title,
    description: session.description,
    kind: session.kind,
    startsAt: toAmsterdamInput(session.startsAt),
    endsAt: toAmsterdamInput(session.endsAt),
    roomId: session.roomId ?? "",
    workshopRoundId: session.workshopRoundId ?? "",
    newRoundTitle: "",
    capacity: session.capacity === null ? "" : String(session.capacity),
  };
  // As the form posts them (./schema.ts): each speaker's position and part.
  for (const [index, speaker] of session.speakers.entries()) {
    values[`speaker.${speaker.speakerId}`] = String(index + 1);
    values[`part.${speaker.speakerId}`] = speaker.part;
  }
  return values;
}
