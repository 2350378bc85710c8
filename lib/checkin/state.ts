// Checked-in state, derived from the append-only log: a registration is checked in while it has a CHECK_IN
// that no UNDO points at. The first such check-in is the moment the person arrived.
import "server-only";
import type { Tx } from "@/lib/db";
import { sql, type SqlFragment } from "@/lib/sql-text";

export interface ActiveCheckIn {
  id: string;
  scannedAt: Date;
  hostName: string | null;
  hostEmail: string | null;
}

export async function firstActiveCheckIn(tx: Tx, registrationId: string, excludeId: string | null = null): Promise<ActiveCheckIn | null> {
  const rows = await tx.$queryRaw<ActiveCheckIn[]>`
    SELECT c.id, c.scanned_at AS "scannedAt", u.name AS "hostName", u.email AS "hostEmail"
      FROM check_ins c LEFT JOIN users u ON u.id = c.host_user_id
     WHERE c.registration_id = ${registrationId} AND c.action = 'CHECK_IN'
       AND c.id IS DISTINCT FROM ${excludeId}
       AND NOT EXISTS (SELECT 1 FROM check_ins x WHERE x.undoes_id = c.id)
     ORDER BY c.scanned_at, c.received_at
     LIMIT 1`;
  return rows[0] ?? null;
}

/** The same question as SQL text for a simple-protocol round trip; `registrationId` is a value or a subquery. */
export function firstActiveCheckInQuery(registrationId: SqlFragment): SqlFragment {
  return sql`
    SELECT c.id, c.scanned_at AS "scannedAt", u.name AS "hostName", u.email AS "hostEmail"
      FROM check_ins c LEFT JOIN users u ON u.id = c.host_user_id
     WHERE c.registration_id = ${registrationId} AND c.action = 'CHECK_IN'
       AND NOT EXISTS (SELECT 1 FROM check_ins x WHERE x.undoes_id = c.id)
     ORDER BY c.scanned_at, c.received_at
     LIMIT 1`;
}
