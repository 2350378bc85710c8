// The organiser's corrections of attendance (issue 15, item 2). Append-only: a correction is a new row of
// attendance_corrections (the newest per person and session decides, in attendance_of), written in one
// transaction with its audit entry, so the log holds exactly the corrections there are.
import "server-only";
import { recordAudit } from "@/lib/audit/log";
import type { OrganisationAccess } from "@/lib/auth/authorize";
import type { HandlerResult } from "@/lib/auth/outcome";
import { db } from "@/lib/db";
import type { correctionSchema } from "./schema";
import type { z } from "zod";

export type CorrectionOutcome = HandlerResult<{ name: string; present: boolean }, "notFound">;

export async function correctAttendance(access: OrganisationAccess, input: z.output<typeof correctionSchema>): Promise<CorrectionOutcome> {
  return db.$transaction(async (tx) => {
    // The session and the person must both be of this conference, and the conference of the member's
    // organisation: ids from the form are never trusted.
    const session = await tx.programmeSession.findFirst({
      where: { id: input.sessionId, conferenceId: input.conferenceId, conference: { organisationId: access.organisation.id } },
      select: { id: true, title: true },
    });
    const person = await tx.registration.findFirst({
      where: { id: input.registrationId, conferenceId: input.conferenceId, erasedAt: null },
      select: { id: true, name: true },
    });
    if (!session || !person) return { ok: false, reason: "notFound" } as const;
    await tx.attendanceCorrection.create({
      data: { conferenceId: input.conferenceId, registrationId: person.id, sessionId: session.id, present: input.present, reason: input.reason, actorUserId: access.user.id },
    });
    await recordAudit(tx, {
      organisationId: access.organisation.id,
      actorUserId: access.user.id,
      action: input.present ? "attendance.marked_present" : "attendance.marked_absent",
      entityType: "registration",
      entityId: person.id,
      // The reason stays in attendance_corrections, where an erase can reach it; the log only says there was one.
      details: { name: person.name, title: session.title, sessionId: session.id, conferenceId: input.conferenceId, withReason: input.reason !== null },
    });
    return { ok: true, data: { name: person.name, present: input.present } } as const;
  });
}
