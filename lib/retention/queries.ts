// What the retention job will purge when, per conference of an organisation (the schedule page). The moments
// come from retention_schedule in prisma/sql/retention.sql, the same rule the job follows.
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";

export interface RetentionScheduleRow {
  conferenceId: string;
  title: string;
  endsAt: Date;
  needsDueAt: Date;
  personalDueAt: Date;
  needsPurgedAt: Date | null;
  needsPurged: number | null;
  personalPurgedAt: Date | null;
  personalPurged: number | null;
  /** Registrations not yet erased, and how many of them hold needs: what a purge now would concern. */
  registrations: number;
  withNeeds: number;
}

export const getRetentionSettings = cache(async (organisationId: string) =>
  db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { retentionMonths: true, needsRetentionDays: true } }),
);

/** Every conference of the organisation, the latest first. */
export const getRetentionSchedule = cache(async (organisationId: string): Promise<RetentionScheduleRow[]> =>
  db.$queryRaw<RetentionScheduleRow[]>`
    SELECT conference_id AS "conferenceId", title, ends_at AS "endsAt", needs_due_at AS "needsDueAt",
           personal_due_at AS "personalDueAt", needs_purged_at AS "needsPurgedAt", needs_purged AS "needsPurged",
           personal_purged_at AS "personalPurgedAt", personal_purged AS "personalPurged", registrations,
           with_needs AS "withNeeds"
      FROM retention_schedule(${organisationId}::text)
     ORDER BY ends_at DESC, conference_id`,
);
