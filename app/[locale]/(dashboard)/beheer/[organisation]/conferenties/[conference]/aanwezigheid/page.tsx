// Attendance per session (issue 15, item 2): present of registered for every session, and for the session
// chosen (?sessie=) its people, each of whom the organiser can mark present or absent. Organisers and owners of
// the conference's organisation only; another organisation's conference or session is the same 404 as none.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { CorrectionForm } from "@/components/attendance/correction-form";
import { PageHeading } from "@/components/editor/page-heading";
import { conferenceSession, sessionRoster, sessionsWithAttendance } from "@/lib/attendance/admin-queries";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { ORGANISE } from "@/lib/auth/roles";
import { getEditableConference } from "@/lib/conferences/admin-queries";
import { formatDateTime, formatTimeRange } from "@/lib/format";
import { dashboardMetadata } from "../../../../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]/conferenties/[conference]/aanwezigheid">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "attendance.page" });
  return dashboardMetadata(locale, t("title"));
}

const cell = "px-3 py-2 text-left align-top";

export default async function AttendancePage({ params, searchParams }: Props) {
  const { locale, organisation: slug, conference: conferenceId } = (await params) as { locale: Locale; organisation: string; conference: string };
  setRequestLocale(locale);
  const base = `/beheer/${slug}/conferenties/${conferenceId}`;
  const path = `${base}/aanwezigheid`;
  const access = await requireOrganisationPage(locale, slug, ORGANISE, path);
  const conference = await getEditableConference(access.organisation.id, conferenceId);
  if (!conference) notFound();
  const chosen = (await searchParams).sessie;
  // Only what can be an id is looked up (PostgreSQL refuses a NUL, which would otherwise be a 500).
  const session = typeof chosen === "string" && /^[A-Za-z0-9_-]{1,40}$/.test(chosen) ? await conferenceSession(conference.id, chosen) : null;
  if (chosen !== undefined && !session) notFound();
  const [t, sessions, roster, messages] = await Promise.all([
    getTranslations("attendance.page"),
    sessionsWithAttendance(conference.id),
    session ? sessionRoster(conference.id, session) : Promise.resolve(null),
    getMessages(),
  ]);

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <PageHeading back={{ href: base, label: t("back") }} title={`${t("title")}: ${conference.title}`} intro={t("intro")} />
      {sessions.length === 0 ? (
        <p className="mt-6">{t("noSessions")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg border border-line bg-white">
          <table className="w-full text-sm sm:text-base">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="border-b border-line bg-petrol-50">
              <tr>
                <th scope="col" className={cell}>{t("columns.session")}</th>
                <th scope="col" className={cell}>{t("columns.time")}</th>
                <th scope="col" className={cell}>{t("columns.room")}</th>
                <th scope="col" className={`${cell} text-right`}>{t("columns.present")}</th>
                <th scope="col" className={`${cell} text-right`}>{t("columns.registered")}</th>
                <th scope="col" className={cell}>{t("columns.people")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {sessions.map((s) => (
                <tr key={s.sessionId} data-testid="attendance-session" aria-current={session?.id === s.sessionId ? "true" : undefined} className={session?.id === s.sessionId ? "bg-petrol-50" : undefined}>
                  <th scope="row" className={`${cell} font-semibold`}>
                    {s.title}
                    <span className="block text-sm font-normal text-muted">{s.round ?? t("plenary")}</span>
                  </th>
                  <td className={`${cell} whitespace-nowrap`}>{formatTimeRange(s.startsAt, s.endsAt, locale)}</td>
                  <td className={cell}>{s.room ?? "–"}</td>
                  <td className={`${cell} text-right font-semibold tabular-nums`} data-testid="present">{s.present}</td>
                  <td className={`${cell} text-right tabular-nums`} data-testid="registered">{s.registered}</td>
                  <td className={cell}>
                    <Link href={`${path}?sessie=${s.sessionId}#deelnemers`} className="inline-flex min-h-12 items-center font-semibold text-petrol-700 underline">
                      {t("show", { title: s.title })}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {session && roster && (
        <section id="deelnemers" aria-labelledby="deelnemers-kop" className="mt-10">
          <h2 id="deelnemers-kop" className="text-xl font-semibold text-petrol-800">
            {t("roster", { title: session.title })}
          </h2>
          <p className="mt-1 max-w-prose text-muted">{t("rosterIntro")}</p>
          {roster.length === 0 ? (
            <p className="mt-4">{t("nobody")}</p>
          ) : (
            <NextIntlClientProvider messages={{ attendance: { page: messages.attendance.page } }}>
              <div className="mt-4 overflow-x-auto rounded-lg border border-line bg-white">
                <table className="w-full">
                  <caption className="sr-only">{t("rosterCaption", { title: session.title })}</caption>
                  <thead className="border-b border-line bg-petrol-50">
                    <tr>
                      <th scope="col" className={cell}>{t("people.name")}</th>
                      <th scope="col" className={cell}>{t("people.attendance")}</th>
                      <th scope="col" className={cell}>{t("people.correct")}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-line">
                    {roster.map((person) => (
                      <tr key={person.registrationId} data-testid="attendance-person">
                        <th scope="row" className={`${cell} font-semibold`}>
                          {person.name}
                          {person.organisation && <span className="block text-sm font-normal text-muted">{person.organisation}</span>}
                        </th>
                        <td className={cell}>
                          <p className={`font-semibold ${person.source ? "text-ok-700" : "text-bad-700"}`} data-testid="attendance-state">
                            <span aria-hidden>{person.source ? "✓ " : "✕ "}</span>
                            {t(person.source ? "present" : "absent")}
                            {person.source && <span className="font-normal text-ink"> ({t(`source.${person.source}`)})</span>}
                          </p>
                          {!person.registered && <p className="text-sm text-muted">{t("notRegistered")}</p>}
                          {person.correction && (
                            <p className="text-sm text-muted">
                              {t("corrected", { date: formatDateTime(person.correction.at, locale), by: person.correction.by ?? t("someone") })}
                              {person.correction.reason && <span className="block">{t("correctedReason", { reason: person.correction.reason })}</span>}
                            </p>
                          )}
                        </td>
                        <td className={cell}>
                          <CorrectionForm conferenceId={conference.id} sessionId={session.id} registrationId={person.registrationId} name={person.name} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </NextIntlClientProvider>
          )}
        </section>
      )}
    </main>
  );
}
