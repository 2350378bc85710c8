// Checked-in state, derived from the append-only log: a registration is checked in while it has a CHECK_IN
// that no UNDO points at. The first such check-in is the moment the person arrived.
import "server-only";
import type { Tx } from "@/lib/db";

export interface ActiveCheckIn {
  id: string;
  scannedAt: Date;
  hostName: string | null;
  hostEmail: string | null;
}

/** The first check-in that counts (the database function checkin_first_active), skipping `excludeId`. */
export async function firstActiveCheckIn(tx: Tx, registrationId: string, excludeId: string | null = null): Promise<ActiveCheckIn | null> {
  const rows = await tx.$queryRaw<ActiveCheckIn[]>`SELECT * FROM checkin_first_active(${registrationId}, ${excludeId})`;
  return rows[0] ?? null;
}
