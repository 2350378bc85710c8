// Retention (issue 15, point 9): the organisation's periods, and the job that purges what is due. What is due
// and what a purge removes are decided in prisma/sql/retention.sql (which erases through places_erase, the
// attendee's own erase); this file runs it one conference at a time and writes the audit entries.
import "server-only";
import { z } from "zod";
import type { OrganisationAccess } from "@/lib/auth/authorize";
import type { HandlerResult } from "@/lib/auth/outcome";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import type { RetentionStep } from "@/lib/generated/prisma/enums";
import type { RetentionSettings } from "./schema";

export async function updateRetentionSettings(
  access: OrganisationAccess,
  input: RetentionSettings,
): Promise<HandlerResult<{ retentionMonths: number; needsRetentionDays: number }, never>> {
  return db.$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({
      where: { id: access.organisation.id },
      select: { retentionMonths: true, needsRetentionDays: true },
    });
    const after = { retentionMonths: input.retentionMonths, needsRetentionDays: input.needsRetentionDays };
    await tx.organisation.update({ where: { id: access.organisation.id }, data: after });
    if (before.retentionMonths !== after.retentionMonths || before.needsRetentionDays !== after.needsRetentionDays) {
      await recordAudit(tx, {
        organisationId: access.organisation.id,
        actorUserId: access.user.id,
        action: "organisation.retention_changed",
        entityType: "organisation",
        entityId: access.organisation.id,
        details: {
          months: after.retentionMonths,
          days: after.needsRetentionDays,
          retentionMonths: { from: before.retentionMonths, to: after.retentionMonths },
          needsRetentionDays: { from: before.needsRetentionDays, to: after.needsRetentionDays },
        },
      });
    }
    return { ok: true, data: after } as const;
  });
}

const purgeAnswerSchema = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.enum(["notFound", "notDue", "alreadyDone"]) }),
  z.object({ outcome: z.literal("purged"), organisationId: z.string(), title: z.string(), registrations: z.number().int().nonnegative() }),
]);

export interface Purge {
  conferenceId: string;
  step: RetentionStep;
  registrations: number;
}

// A purge of a large conference erases every registration in one transaction: give it time.
const PURGE_TIMEOUT_MS = 120_000;

/**
 * One step for one conference, if it is due at `now` and no instance did it yet; its audit entry in the same
 * transaction (no names: the conference, the step, how many registrations). Null when nothing was done.
 */
export async function purgeConference(conferenceId: string, step: RetentionStep, now: Date): Promise<Purge | null> {
  return db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<Array<{ answer: unknown }>>`
        SELECT retention_purge(${conferenceId}, ${step}::"RetentionStep", ${now}::timestamptz) AS answer`;
      const answer = purgeAnswerSchema.parse(row?.answer);
      if (answer.outcome !== "purged") return null;
      // A step that found nothing to remove (no needs were given, nobody signed up) is shown on the schedule page
      // as done; the log keeps to purges that removed something.
      if (answer.registrations > 0) await recordAudit(tx, {
        organisationId: answer.organisationId,
        actorUserId: null,
        action: step === "NEEDS" ? "retention.needs_purged" : "retention.purged",
        entityType: "conference",
        entityId: conferenceId,
        details: { title: answer.title, rows: answer.registrations },
      });
      return { conferenceId, step, registrations: answer.registrations };
    },
    { timeout: PURGE_TIMEOUT_MS, maxWait: 10_000 },
  );
}

/**
 * The job: every step due at `now` (the clock; tests pass their own), one conference per transaction, so one
 * failure leaves the others done. Every instance may run it at the same moment; each step happens once.
 * `organisationId` limits it to one organisation (tests that share a database with others).
 */
export async function purgeDueData(now: Date = new Date(), options: { organisationId?: string } = {}): Promise<Purge[]> {
  const due = await db.$queryRaw<Array<{ conference_id: string; step: RetentionStep }>>`
    SELECT conference_id, step FROM retention_due(${now}::timestamptz, ${options.organisationId ?? null}::text)`;
  const purges: Purge[] = [];
  for (const { conference_id: conferenceId, step } of due) {
    const purge = await purgeConference(conferenceId, step, now);
    if (purge) purges.push(purge);
  }
  return purges;
}
