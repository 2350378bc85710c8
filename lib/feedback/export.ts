// The survey's answers as a CSV file for Excel (lib/exports/csv.ts: separator, BOM, formula injection): one line per
// answered part (the conference as a whole, or a session), grouped by part. Deliberately no response number and no
// order by response: the sessions one person answered about would point at them through the attendance lists
// (lib/feedback/remarks.ts says the same of the results page). Within a part the lines follow the remarks' handles.
// A name only where the attendee chose to be named; anonymous answers about a part with too few people are left
// out, as on the results page (lib/feedback/queries.ts, MIN_GROUP). Every export is in the audit log.
import "server-only";
import { recordAudit } from "@/lib/audit/log";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { csvResponse, toCsv, type CsvValue } from "@/lib/exports/csv";
import { notFoundResponse, withOrganiserAccess } from "@/lib/exports/route-guard";
import { translatorsFor } from "@/lib/i18n/translator";
import { slugify } from "@/lib/text";
import { amsterdamDateKey } from "@/lib/time/amsterdam";
import { answerGroups, shownToOrganiser } from "./queries";
import { remarkHandle } from "./remarks";

type Locale = "nl" | "en";

const translators = translatorsFor("feedback.admin");

export async function surveyCsv(organisationId: string, conferenceId: string, locale: Locale) {
  const conference = await db.conference.findFirst({
    where: { id: conferenceId, organisationId },
    select: { id: true, title: true, sessions: { orderBy: { startsAt: "asc" }, select: { id: true, title: true } } },
  });
  if (!conference) return null;
  const t = translators(locale);
  const responses = await db.surveyResponse.findMany({
    where: { conferenceId: conference.id },
    select: { id: true, rating: true, remark: true, quoteNamed: true, registration: { select: { name: true } }, sessions: { select: { sessionId: true, rating: true, remark: true } } },
  });
  // The same answers the results page shows: not the anonymous ones about a part with too few people.
  const group = await answerGroups(conference.id);
  const shown = (response: (typeof responses)[number], key: string) => shownToOrganiser(response.registration !== null, group(key));
  const header = [t("csv.part"), t("csv.rating"), t("csv.remark"), t("csv.name"), t("csv.quoteNamed")];
  type Line = { handle: string; cells: CsvValue[] };
  const line = (response: (typeof responses)[number], key: string, part: string, rating: number | null, remark: string | null): Line => ({
    handle: remarkHandle(response.id, key),
    cells: [part, rating, remark, response.registration?.name ?? "", response.registration ? t(response.quoteNamed ? "csv.yes" : "csv.no") : ""],
  });
  const inOrder = (lines: Line[]) => lines.sort((a, b) => (a.handle < b.handle ? -1 : a.handle > b.handle ? 1 : 0)).map((l) => l.cells);
  const rows: CsvValue[][] = [
    ...inOrder(responses.filter((r) => shown(r, "open")).map((r) => line(r, "open", t("conference"), r.rating, r.remark))),
    ...conference.sessions.flatMap((session) =>
      inOrder(
        responses
          .filter((r) => shown(r, session.id))
          .flatMap((r) => r.sessions.filter((s) => s.sessionId === session.id).map((s) => line(r, session.id, session.title, s.rating, s.remark))),
      ),
    ),
  ];
  const filename = `${t("csv.filePrefix")}-${slugify(conference.title)}-${amsterdamDateKey(new Date())}.csv`;
  return { conference, filename, body: toCsv(header, rows), count: rows.length };
}

/** The route handler's work, with the user passed in (tests call it, and the route through it). */
export async function exportSurvey(user: CurrentUser | null, params: { locale: string; organisation: string; conference: string }, request: Request): Promise<Response> {
  return withOrganiserAccess(user, params.organisation, request, async (access) => {
    const csv = await surveyCsv(access.organisation.id, params.conference, params.locale === "en" ? "en" : "nl");
    if (!csv) return notFoundResponse();
    await recordAudit(db, {
      organisationId: access.organisation.id,
      actorUserId: access.user.id,
      action: "feedback.exported",
      entityType: "conference",
      entityId: csv.conference.id,
      details: { title: csv.conference.title, rows: csv.count },
    });
    return csvResponse(csv.filename, csv.body);
  });
}
