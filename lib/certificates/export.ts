// The attendance list for one register (issue 15, item 6), as a CSV: the columns registers ask for (name,
// registry number, activity, date, hours, accreditation code), only of people who gave their number for this
// register and agreed to have their attendance passed on, and never of a revoked certificate. A session with a
// code of its own for the register is a row of its own; the hours of the other sessions are one row for the
// conference, under the conference's code. Every export is written to the audit log before the file leaves.
import "server-only";
import { attendanceOf } from "@/lib/attendance/queries";
import { recordAudit } from "@/lib/audit/log";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { csvResponse, toCsv, type CsvValue } from "@/lib/exports/csv";
import { notFoundResponse, withOrganiserAccess } from "@/lib/exports/route-guard";
import { translatorsFor } from "@/lib/i18n/translator";
import { amsterdamDateKey } from "@/lib/time/amsterdam";
import { slugify } from "@/lib/text";
import { formatHours } from "./hours";
import { REGISTER_SHORT, isRegister, type Register } from "./registers";

const translators = translatorsFor("certificates.admin");

export async function registerCsv(organisationId: string, conferenceId: string, register: Register, locale: "nl" | "en") {
  const conference = await db.conference.findFirst({
    where: { id: conferenceId, organisationId },
    select: {
      id: true,
      title: true,
      startsAt: true,
      accreditations: { where: { register }, select: { code: true } },
      sessions: { select: { id: true, title: true, startsAt: true, credit: { select: { minutes: true } }, accreditations: { where: { register }, select: { code: true } } } },
    },
  });
  if (!conference) return null;
  const people = await db.registryNumber.findMany({
    where: {
      register,
      consentedAt: { not: null },
      registration: { conferenceId: conference.id, erasedAt: null, OR: [{ certificate: null }, { certificate: { revokedAt: null } }] },
    },
    orderBy: { registration: { name: "asc" } },
    select: { number: true, registration: { select: { id: true, name: true } } },
  });
  const attended = new Map<string, string[]>();
  for (const row of await attendanceOf(conference.id)) attended.set(row.registrationId, [...(attended.get(row.registrationId) ?? []), row.sessionId]);
  const sessions = new Map(conference.sessions.map((s) => [s.id, s]));
  const conferenceCode = conference.accreditations[0]?.code ?? "";
  const t = translators(locale);

  const rows: CsvValue[][] = [];
  for (const person of people) {
    let rest = 0;
    const own: CsvValue[][] = [];
    for (const sessionId of attended.get(person.registration.id) ?? []) {
      const session = sessions.get(sessionId);
      const minutes = session?.credit?.minutes ?? 0;
      if (!session || minutes === 0) continue;
      const code = session.accreditations[0]?.code;
      if (code) own.push([person.registration.name, person.number, `${conference.title}: ${session.title}`, amsterdamDateKey(session.startsAt), formatHours(minutes, locale), code]);
      else rest += minutes;
    }
    if (rest > 0) rows.push([person.registration.name, person.number, conference.title, amsterdamDateKey(conference.startsAt), formatHours(rest, locale), conferenceCode]);
    rows.push(...own);
  }
  const header = [t("columns.name"), t("columns.number"), t("columns.activity"), t("columns.date"), t("columns.hours"), t("columns.code")];
  const filename = `${t("filePrefix")}-${slugify(REGISTER_SHORT[register])}-${slugify(conference.title)}.csv`;
  return { conference, filename, body: toCsv(header, rows), rows: rows.length };
}

/** The route handler's work, with the user passed in (tests call it, and the route through it). */
export async function exportRegister(
  user: CurrentUser | null,
  params: { locale: string; organisation: string; conference: string; register: string },
  request: Request,
): Promise<Response> {
  return withOrganiserAccess(user, params.organisation, request, async (access) => {
    const register = params.register.toUpperCase();
    if (!isRegister(register)) return notFoundResponse();
    const locale = params.locale === "en" ? "en" : "nl";
    const csv = await registerCsv(access.organisation.id, params.conference, register, locale);
    if (!csv) return notFoundResponse();
    await recordAudit(db, {
      organisationId: access.organisation.id,
      actorUserId: access.user.id,
      action: "certificates.register_exported",
      entityType: "conference",
      entityId: csv.conference.id,
      details: { title: csv.conference.title, name: REGISTER_SHORT[register], register, rows: csv.rows, date: amsterdamDateKey(new Date()) },
    });
    return csvResponse(csv.filename, csv.body);
  });
}
