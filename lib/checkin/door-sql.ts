// The one TypeScript face of prisma/sql/checkin.sql: each call of its functions, with what they answer checked
// by zod instead of trusted as a cast, so a function that starts answering otherwise fails loudly at its
// caller. Plain node-postgres and no "server-only": npm start answers door scans before Next sees the request
// (server/door-scans.ts). Statements are named, so PostgreSQL plans them once per connection.
import { z } from "zod";
import { pgPool } from "@/lib/db-pool";
import { isUniqueViolation } from "@/lib/db-errors";

const attendeeSchema = z.object({
  registrationId: z.string(),
  name: z.string(),
  organisation: z.string().nullable(),
  workshops: z.array(z.string()),
  hostNote: z.string().nullable(),
  dietaryNeeds: z.string().nullable(),
  accessibilityNeeds: z.string().nullable(),
});

/** The first check-in that still counts (times as JSON text). */
const firstSchema = z.object({ id: z.string(), scannedAt: z.string(), hostName: z.string().nullable(), hostEmail: z.string().nullable() });
export type FirstCheckIn = z.infer<typeof firstSchema>;

const replaySchema = z.union([
  z.object({ unknown: z.literal(true) }),
  z.object({ attendee: attendeeSchema, first: firstSchema.nullable(), outsideChoice: z.boolean().optional() }),
]);

/** Room mode: the workshop where a person in the wrong room has their place. */
const ownSessionSchema = z.object({ sessionId: z.string(), title: z.string(), room: z.string().nullable() });

const candidateSchema = z.object({
  registrationId: z.string(),
  name: z.string(),
  organisation: z.string().nullable(),
  status: z.enum(["CONFIRMED", "WAITLISTED", "CANCELLED"]),
});

export const scanAnswerSchema = z.union([
  z.object({ replay: replaySchema }),
  // Room mode with a session that is not this conference's.
  z.object({ noRoom: z.literal(true) }),
  z.object({ candidates: z.array(candidateSchema) }),
  z.object({
    target: z.object({ status: z.enum(["CONFIRMED", "WAITLISTED", "CANCELLED"]), attendee: attendeeSchema }).nullable(),
    first: firstSchema.nullable(),
    outsideChoice: z.boolean().optional(),
    wrongRoom: z.literal(true).optional(),
    own: ownSessionSchema.nullable().optional(),
  }),
]);
export type ScanAnswer = z.infer<typeof scanAnswerSchema>;

const refusalSchema = z.enum(["unauthenticated", "notFound"]);
const scanBySessionSchema = z.union([z.object({ refusal: refusalSchema }), z.object({ scan: scanAnswerSchema })]);

const doorAccessSchema = z.object({
  refusal: refusalSchema.nullable(),
  userId: z.string().nullable(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  id: z.string().nullable(),
  slug: z.string().nullable(),
  title: z.string().nullable(),
  organisationId: z.string().nullable(),
  startsAt: z.date().nullable(),
  endsAt: z.date().nullable(),
});
export type DoorAccessRow = z.infer<typeof doorAccessSchema>;

/**
 * Runs a scan, once more if its nonce was stored by another request at the same moment (a unique violation):
 * the second call finds it and answers as a resend.
 */
async function once<T>(schema: z.ZodType<T>, query: { name: string; text: string; values: unknown[] }): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { rows } = await pgPool().query<{ result: unknown }>(query);
      return schema.parse(rows[0]?.result);
    } catch (error) {
      if (attempt > 1 || !isUniqueViolation(error)) throw error;
    }
  }
}

/** checkin_record_scan: a scan for a conference and host already known. */
export function recordScanCall(values: unknown[]): Promise<ScanAnswer> {
  return once(scanAnswerSchema, {
    name: "checkin-record-scan",
    text: "SELECT checkin_record_scan($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) AS result",
    values,
  });
}

/** checkin_record_scan_by_session: the session's door access and the scan in one round trip. */
export function recordScanBySessionCall(values: unknown[]): Promise<z.infer<typeof scanBySessionSchema>> {
  return once(scanBySessionSchema, {
    name: "checkin-record-scan-by-session",
    text: "SELECT checkin_record_scan_by_session($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) AS result",
    values,
  });
}

const BY_USER = { name: "checkin-access-by-user", text: "SELECT * FROM checkin_door_access($1, $2, $3)" };
// The session's user (if the session has not expired) as a column, not a sub-select in the argument list: so
// PostgreSQL inlines the function into this query rather than planning its body on every call.
const BY_SESSION = {
  name: "checkin-access-by-session",
  text: `SELECT a.* FROM (SELECT (SELECT s.user_id FROM sessions s WHERE s.session_token = $1 AND s.expires > now()) AS user_id) who,
                 checkin_door_access(who.user_id, $2, $3) a`,
};

/** checkin_door_access for a user id or a session token: exactly one row. */
export async function doorAccessCall(who: { userId: string } | { sessionToken: string }, conferenceSlug: string, roles: readonly string[]): Promise<DoorAccessRow> {
  const query = "userId" in who ? { ...BY_USER, values: [who.userId, conferenceSlug, roles] } : { ...BY_SESSION, values: [who.sessionToken, conferenceSlug, roles] };
  const { rows } = await pgPool().query<Record<string, unknown>>(query);
  return doorAccessSchema.parse(rows[0]);
}
