// The registrations of one conference as a CSV file for Excel (see lib/exports/csv.ts). Dietary and
// accessibility needs are health-adjacent personal data: they are columns only when the organiser ticks them,
// and every export, with what it held, is written to the audit log before the file leaves.
import "server-only";
import { translatorsFor } from "@/lib/i18n/translator";
import { recordAudit } from "@/lib/audit/log";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { csvResponse, toCsv, type CsvValue } from "@/lib/exports/csv";
import { notFoundResponse, withOrganiserAccess } from "@/lib/exports/route-guard";
import { amsterdamDateKey } from "@/lib/time/amsterdam";
import { formatDoorCode } from "@/lib/format";
import { slugify } from "@/lib/text";
import { questionsOfConference } from "@/lib/questions/queries";
import { findAdminConference, listExportRegistrations } from "./admin-queries";
import { exportOptionsSchema, type ExportOptions } from "./admin-schema";

type Locale = "nl" | "en";

const translators = translatorsFor("registrationsAdmin.export");

export async function registrationsCsv(conferenceId: string, organisationId: string, options: ExportOptions, locale: Locale) {
  const conference = await findAdminConference(organisationId, conferenceId);
  if (!conference) return null;
  const t = translators(locale);
  const [registrations, questions, answers] = await Promise.all([
    listExportRegistrations(conference.id, options.cancelled),
    questionsOfConference(conference.id),
    db.registrationAnswer.findMany({
      where: { registration: { conferenceId: conference.id } },
      select: { registrationId: true, questionId: true, textNl: true, textEn: true },
    }),
  ]);
  // One column per question as it is now; each cell the answer in words as it was given (lib/questions).
  const answerOf = new Map(answers.map((a) => [`${a.registrationId}:${a.questionId}`, locale === "nl" ? a.textNl : a.textEn]));
  const yesNo = (value: boolean) => (value ? t("yes") : t("no"));

  const header = [
    t("columns.name"),
    t("columns.email"),
    t("columns.organisation"),
    t("columns.jobRole"),
    t("columns.status"),
    t("columns.registeredAt"),
    ...conference.rounds.map((round) => round.title),
    t("columns.checkedInAt"),
    t("columns.ticketCode"),
    t("columns.doorCode"),
    ...(options.dietary ? [t("columns.dietary")] : []),
    ...(options.accessibility ? [t("columns.accessibility")] : []),
    ...questions.map((question) => question.label[locale]),
    t("columns.photoConsent"),
    t("columns.language"),
  ];
  const rows = registrations.map((r): CsvValue[] => [
    r.name,
    r.email,
    r.organisation,
    r.jobRole,
    t(`status.${r.status}`),
    r.createdAt,
    ...conference.rounds.map((round) => {
      const choice = r.choices.find((c) => c.roundId === round.id);
      if (!choice) return "";
      return choice.status === "WAITLISTED" ? t("waitlistedFor", { title: choice.session.title }) : choice.session.title;
    }),
    r.checkedInAt,
    r.ticketCode,
    r.doorCode ? formatDoorCode(r.doorCode) : "",
    ...(options.dietary ? [r.dietaryNeeds] : []),
    ...(options.accessibility ? [r.accessibilityNeeds] : []),
    ...questions.map((question) => answerOf.get(`${r.id}:${question.id}`) ?? ""),
    yesNo(r.photoConsent),
    r.locale,
  ]);
  const filename = `${t("filePrefix")}-${slugify(conference.title)}-${amsterdamDateKey(new Date())}.csv`;
  return { conference, filename, body: toCsv(header, rows), count: rows.length };
}

/** The route handler's work, with the user passed in (tests call it, and the route through it). */
export async function exportRegistrations(
  user: CurrentUser | null,
  params: { locale: string; organisation: string; conference: string },
  request: Request,
): Promise<Response> {
  return withOrganiserAccess(user, params.organisation, request, async (access) => {
    const form = await request.formData().catch(() => new FormData());
    const options = exportOptionsSchema.parse({
      dietary: form.get("dietary"),
      accessibility: form.get("accessibility"),
      cancelled: form.get("cancelled"),
    });
    const locale: Locale = params.locale === "en" ? "en" : "nl";
    const csv = await registrationsCsv(params.conference, access.organisation.id, options, locale);
    if (!csv) return notFoundResponse();
    await recordAudit(db, {
      organisationId: access.organisation.id,
      actorUserId: access.user.id,
      action: "registrations.exported",
      entityType: "conference",
      entityId: csv.conference.id,
      details: { title: csv.conference.title, rows: csv.count, dietary: options.dietary, accessibility: options.accessibility, cancelled: options.cancelled },
    });
    return csvResponse(csv.filename, csv.body);
  });
}
