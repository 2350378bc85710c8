import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Every kind of entry, so the audit page can name each in Dutch and English. */
export type AuditAction =
  | "member.invited"
  | "member.invitation_revoked"
  | "member.joined"
  | "member.role_changed"
  | "member.removed"
  | "organisation.updated"
  // Conferences, venues, speakers and the programme (the conference editor).
  | "conference.created"
  | "conference.updated"
  | "conference.published"
  | "conference.cancelled"
  | "conference.duplicated"
  | "conference.reminders"
  | "conference.message_sent"
  | "question.created"
  | "question.updated"
  | "question.moved"
  | "question.deleted"
  | "venue.created"
  | "venue.updated"
  | "venue.deleted"
  | "room.created"
  | "room.updated"
  | "room.deleted"
  | "speaker.created"
  | "speaker.updated"
  | "speaker.deleted"
  | "session.created"
  | "session.updated"
  | "session.deleted"
  | "round.created"
  | "round.updated"
  | "round.deleted"
  | "round.allocation"
  | "round.allocated"
  // The sfeerverslag editor.
  | "report.created"
  | "report.updated"
  | "report.published"
  | "report.scheduled"
  | "report.unpublished"
  // Registrations and exports of personal data (the registrations pages).
  | "registration.added"
  | "registration.cancelled"
  | "registration.moved"
  | "registrations.exported"
  | "newsletter.exported"
  // The organisation's logo on its badges.
  | "organisation.logo_changed"
  | "organisation.logo_removed"
  // API tokens (issue 17): made and revoked by an owner; every request made with one.
  | "api_token.created"
  | "api_token.revoked"
  | "api_token.used"
  // Retention (issue 15, point 9): the periods, set by an owner; what the job purged, per conference.
  | "organisation.retention_changed"
  | "retention.needs_purged"
  | "retention.purged"
  // The survey after a conference (lib/feedback).
  | "feedback.settings_changed"
  | "feedback.quoted"
  | "feedback.exported"
  // Attendance per session (issue 15): the organiser's corrections after the event.
  | "attendance.marked_present"
  | "attendance.marked_absent"
  // Certificates of attendance (issue 15): the settings, a revocation, a register's attendance list.
  | "certificates.settings_changed"
  | "certificate.revoked"
  | "certificates.register_exported";

export interface AuditEntry {
  organisationId: string;
  /** Null only for the system itself (a script, a scheduled job). */
  actorUserId: string | null;
  action: AuditAction;
  entityType:
    | "organisation"
    | "membership"
    | "invitation"
    | "question"
    | "certificate"
    | "conference"
    | "venue"
    | "room"
    | "speaker"
    | "session"
    | "round"
    | "report"
    | "registration"
    | "newsletter"
    | "api_token";
  entityId: string | null;
  /** What an owner needs to understand the entry later: roles before and after, the invited address. */
  details?: Prisma.InputJsonObject;
}

/**
 * Written in the same transaction as the change it describes: the entry exists exactly when the change does.
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLogEntry.create({
    data: {
      organisationId: entry.organisationId,
      actorUserId: entry.actorUserId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      details: entry.details ?? {},
    },
  });
}
