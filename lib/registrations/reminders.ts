// Reminders before a conference (issue 16): which are due is decided in PostgreSQL (prisma/sql/reminders.sql),
// once per person whichever instance asks; the mail worker asks on each pass (instrumentation.ts) and writes
// the queued drafts right after (./draft-emails.ts). No in-process timer: an instance that restarts, or a
// second one, neither loses a reminder nor sends one twice.
import type pg from "pg";
import { z } from "zod";
import { pgPool } from "@/lib/db-pool";
import { formatDateTime } from "@/lib/format";

export const REMINDER_DAYS = [7, 1] as const;
const DAY = 24 * 60 * 60 * 1000;

/**
 * Queues every reminder and "still coming?" email due at `now` as a draft email; returns how many (a draft writer
 * of the mail worker).
 */
export async function queueDueReminders(now: Date = new Date(), pool: pg.Pool = pgPool()): Promise<number> {
  const { rows } = await pool.query({
    name: "reminders-queue-due",
    text: "SELECT reminders_queue_due($1) + reminders_queue_still_coming($1) AS queued",
    values: [now],
  });
  return z.number().int().parse(rows[0]?.queued);
}

/** When each reminder of a conference goes, as the editor shows it (null: off). */
export function reminderMoments(conference: { startsAt: Date; reminderWeekBefore: boolean; reminderDayBefore: boolean }, locale: "nl" | "en") {
  return REMINDER_DAYS.map((days) => {
    const on = days === 7 ? conference.reminderWeekBefore : conference.reminderDayBefore;
    return { days, on, at: formatDateTime(new Date(conference.startsAt.getTime() - days * DAY), locale) };
  });
}
