// Adds programme sessions (and their speakers) to a conference, with times as Amsterdam wall-clock times.
import type { SessionKind, SpeakerPart } from "../../lib/generated/prisma/client";
import type { Tx } from "./db";
import { amsterdam } from "./time";

export type SessionSeed = {
  title: string;
  description?: string;
  kind: SessionKind;
  from: string; // "13:00", Amsterdam
  to: string;
  roomId?: string;
  roundId?: string;
  capacity?: number;
  speakers?: Array<{ id: string; part?: SpeakerPart }>;
};

export async function addSession(tx: Tx, conferenceId: string, date: string, session: SessionSeed): Promise<string> {
  const created = await tx.programmeSession.create({
    data: {
      conferenceId,
      title: session.title,
      description: session.description ?? "",
      kind: session.kind,
      startsAt: amsterdam(date, session.from),
      endsAt: amsterdam(date, session.to),
      roomId: session.roomId ?? null,
      workshopRoundId: session.roundId ?? null,
      capacity: session.capacity ?? null,
    },
    select: { id: true },
  });
  for (const [position, speaker] of (session.speakers ?? []).entries()) {
    await tx.sessionSpeaker.create({
      data: { sessionId: created.id, speakerId: speaker.id, part: speaker.part ?? "SPEAKER", position },
    });
  }
  return created.id;
}
