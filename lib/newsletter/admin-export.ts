// The confirmed newsletter subscribers as CSV (see lib/exports/csv.ts), written to the audit log.
import "server-only";
import { translatorsFor } from "@/lib/i18n/translator";
import { recordAudit } from "@/lib/audit/log";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { csvResponse, toCsv } from "@/lib/exports/csv";
import { withOrganiserAccess } from "@/lib/exports/route-guard";
import { amsterdamDateKey } from "@/lib/time/amsterdam";
import { listConfirmedSubscribers } from "./admin-queries";

const translators = translatorsFor("newsletterAdmin.export");

export async function exportSubscribers(
  user: CurrentUser | null,
  params: { locale: string; organisation: string },
  request: Request,
): Promise<Response> {
  return withOrganiserAccess(user, params.organisation, request, async (access) => {
    const t = translators(params.locale === "en" ? "en" : "nl");
    const subscribers = await listConfirmedSubscribers(access.organisation.id);
    const body = toCsv(
      [t("columns.email"), t("columns.language"), t("columns.confirmedAt")],
      subscribers.map((s) => [s.email, s.locale, s.confirmedAt]),
    );
    await recordAudit(db, {
      organisationId: access.organisation.id,
      actorUserId: access.user.id,
      action: "newsletter.exported",
      entityType: "newsletter",
      entityId: null,
      details: { rows: subscribers.length },
    });
    return csvResponse(`${t("filePrefix")}-${access.organisation.slug}-${amsterdamDateKey(new Date())}.csv`, body);
  });
}
