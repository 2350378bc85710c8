import "server-only";
import type { Tx } from "@/lib/db";

// Counting taken places. Only call under lockConference, or the numbers may be stale before you use them.
export async function confirmedCount(tx: Tx, conferenceId: string): Promise<number> {
  return tx.registration.count({ where: { conferenceId, status: "CONFIRMED" } });
}

export async function takenPerSession(tx: Tx, sessionIds: string[]): Promise<Map<string, number>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await tx.workshopChoice.groupBy({
    by: ["sessionId"],
    where: { sessionId: { in: sessionIds }, status: "CONFIRMED" },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.sessionId, r._count._all]));
}

export async function waitlistPosition(tx: Tx, conferenceId: string, waitlistedAt: Date): Promise<number> {
  const ahead = await tx.registration.count({
    where: { conferenceId, status: "WAITLISTED", waitlistedAt: { lt: waitlistedAt } },
  });
  return ahead + 1;
}
