import "server-only";
import type { Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/mail/outbox";
import { confirmedCount, takenPerSession } from "./places";
import { promotedEmail, workshopPromotedEmail } from "./emails";

// Gives free places to the people waiting longest: first conference places, then workshop places. Runs in
// the caller's transaction, under lockConference, right after whatever freed the places (a cancellation, a
// raised capacity), so a place is never left empty while someone waits. Returns the promoted registrations.
export async function fillFreePlaces(tx: Tx, conferenceId: string): Promise<string[]> {
  const conference = await tx.conference.findUniqueOrThrow({ where: { id: conferenceId }, select: { capacity: true, status: true, endsAt: true } });
  // A cancelled conference, or one that is over, has no places to hand out: nobody is promoted or emailed a
  // ticket when someone cancels or a capacity changes then.
  if (conference.status === "CANCELLED" || conference.endsAt <= new Date()) return [];
  const free = conference.capacity - (await confirmedCount(tx, conferenceId));
  const promoted =
    free > 0
      ? await tx.registration.findMany({
          where: { conferenceId, status: "WAITLISTED" },
          orderBy: [{ waitlistedAt: "asc" }, { id: "asc" }],
          take: free,
          select: { id: true },
        })
      : [];
  const now = new Date();
  for (const { id } of promoted) {
    await tx.registration.update({ where: { id }, data: { status: "CONFIRMED", confirmedAt: now } });
  }

  // Workshop places: only people with a conference place can hold one; the longest waiting goes first.
  // Sessions without a capacity have room for everyone: a person promoted from the conference's waitlist
  // holds a WAITLISTED choice for them too (registration_register gives waitlisted people no workshop place), and
  // once those sessions were left out here such a choice stayed WAITLISTED for good.
  const sessions = await tx.programmeSession.findMany({
    where: { conferenceId, workshopRoundId: { not: null } },
    select: { id: true, capacity: true },
  });
  const taken = await takenPerSession(tx, sessions.flatMap((s) => (s.capacity === null ? [] : [s.id])));
  const workshopPromotions: Array<{ registrationId: string; sessionId: string }> = [];
  for (const session of sessions) {
    const room = session.capacity === null ? undefined : session.capacity - (taken.get(session.id) ?? 0);
    if (room !== undefined && room <= 0) continue;
    const waiting = await tx.workshopChoice.findMany({
      where: { sessionId: session.id, status: "WAITLISTED", registration: { status: "CONFIRMED" } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      ...(room === undefined ? {} : { take: room }),
      select: { id: true, registrationId: true },
    });
    for (const choice of waiting) {
      await tx.workshopChoice.update({ where: { id: choice.id }, data: { status: "CONFIRMED" } });
      workshopPromotions.push({ registrationId: choice.registrationId, sessionId: session.id });
    }
  }

  const promotedIds = new Set(promoted.map((p) => p.id));
  for (const id of promotedIds) await enqueueEmail(tx, await promotedEmail(tx, id), { registrationId: id });
  // Someone promoted to the conference already hears about their workshops in that email.
  for (const p of workshopPromotions) {
    if (!promotedIds.has(p.registrationId)) {
      await enqueueEmail(tx, await workshopPromotedEmail(tx, p.registrationId, p.sessionId), { registrationId: p.registrationId });
    }
  }
  return [...promotedIds];
}
