// The organiser's correction of one person's attendance of one session (issue 15, item 2), shared by the form
// and the server action. Messages are keys under "attendance.page.errors".
import { z } from "zod";
import { recordId } from "@/lib/editor/fields";
import { lineText } from "@/lib/text";

export const REASON_MAX = 300;

export const correctionSchema = z.object({
  conferenceId: recordId,
  sessionId: recordId,
  registrationId: recordId,
  // A button's value: the form has one button for each, so a click says which.
  present: z.enum(["present", "absent"]).transform((value) => value === "present"),
  reason: lineText()
    .max(REASON_MAX, "invalid")
    .optional()
    .transform((reason) => reason || null),
});
export type CorrectionInput = z.input<typeof correctionSchema>;

/** How a session's attendance is known, as the organiser's page shows it (client-safe). */
export type AttendanceSourceName = "correction" | "room" | "door";

/** A session with its attendance: present (attendance_of) of registered (confirmed places, or confirmed people for a plenary). */
export interface SessionAttendanceRow {
  sessionId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  room: string | null;
  round: string | null;
  registered: number;
  present: number;
}

/** One person on a session's list: registered for it, or present at it anyway, or corrected for it. */
export interface RosterRow {
  registrationId: string;
  name: string;
  organisation: string | null;
  registered: boolean;
  /** Null: not present. */
  source: AttendanceSourceName | null;
  /** The newest correction for this person and session, if any. */
  correction: { present: boolean; reason: string | null; at: Date; by: string | null } | null;
}
