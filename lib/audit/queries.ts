// The organisation's audit log, newest first, for the log page (OWNER and ORGANISER).
import "server-only";
import { db } from "@/lib/db";

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEntries(organisationId: string, requestedPage: number) {
  const total = await db.auditLogEntry.count({ where: { organisationId } });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pageCount);
  const entries = await db.auditLogEntry.findMany({
    where: { organisationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: { id: true, action: true, details: true, createdAt: true, actorUserId: true, actor: { select: { name: true, email: true } } },
  });
  return { entries, total, page, pageCount };
}
export type AuditEntryRow = Awaited<ReturnType<typeof listAuditEntries>>["entries"][number];
