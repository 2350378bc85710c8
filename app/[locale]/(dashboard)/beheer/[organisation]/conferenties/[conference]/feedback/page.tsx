import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { PageHeading } from "@/components/editor/page-heading";
import { secondaryButton } from "@/components/dashboard/styles";
import { QuoteRemarkForm } from "@/components/feedback/quote-remark-form";
import { RatingSummaryView } from "@/components/feedback/rating-summary";
import { SurveySettingsForm } from "@/components/feedback/survey-settings-form";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { ORGANISE } from "@/lib/auth/roles";
import { MIN_GROUP, reportsOfConference, surveyOfConference, surveyResults, type SurveyResults } from "@/lib/feedback/queries";
import { formatDateTime } from "@/lib/format";
import { localizedPath } from "@/lib/site/urls";
import { toAmsterdamInput } from "@/lib/time/amsterdam";
import { dashboardMetadata } from "../../../../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]/conferenties/[conference]/feedback">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "feedback.admin" });
  return dashboardMetadata(locale, t("title"));
}

type Remark = SurveyResults["remarks"][number];

// The survey after a conference: its settings, and its results per conference and per session, with the remarks
// the organiser can quote in the conference's report. Who wrote a remark shows only where they chose to be named.
export default async function SurveyPage({ params }: Props) {
  const { locale, organisation: slug, conference: conferenceId } = (await params) as { locale: Locale; organisation: string; conference: string };
  setRequestLocale(locale);
  const base = `/beheer/${slug}/conferenties/${conferenceId}`;
  const access = await requireOrganisationPage(locale, slug, ORGANISE, `${base}/feedback`);
  const [settings, results, reports] = await Promise.all([
    surveyOfConference(access.organisation.id, conferenceId),
    surveyResults(access.organisation.id, conferenceId),
    reportsOfConference(access.organisation.id, conferenceId),
  ]);
  if (!settings || !results) notFound();
  const [t, tNl, tEn, messages] = await Promise.all([
    getTranslations("feedback"),
    getTranslations({ locale: "nl", namespace: "feedback.defaults" }),
    getTranslations({ locale: "en", namespace: "feedback.defaults" }),
    getMessages(),
  ]);
  const { survey } = settings;

  const remarkList = (remarks: Remark[]) =>
    remarks.length === 0 ? (
      <p className="text-muted">{t("admin.noRemarks")}</p>
    ) : (
      <ul className="space-y-3">
        {remarks.map((remark) => {
          const id = `remark-${remark.handle}`;
          return (
            <li key={id} className="rounded-md border border-line bg-white p-3">
              <blockquote id={id} className="whitespace-pre-line">
                {remark.text}
              </blockquote>
              <p className="mt-1 text-sm text-muted">
                {remark.name ? t("admin.by", { name: remark.name }) : t("admin.anonymous")}
                {remark.name && remark.quoteNamed && ` · ${t("admin.mayQuoteNamed")}`}
              </p>
              {remark.quotedIn ? (
                <p className="mt-2 text-sm font-semibold text-ok-700">
                  <span aria-hidden>✓ </span>
                  {t("admin.quoted", { title: remark.quotedIn })}
                </p>
              ) : reports.length > 0 ? (
                <QuoteRemarkForm conferenceId={settings.conference.id} remark={remark.handle} reports={reports} remarkElementId={id} />
              ) : null}
            </li>
          );
        })}
      </ul>
    );

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <PageHeading back={{ href: base, label: t("admin.back") }} title={`${t("admin.title")}: ${settings.conference.title}`} intro={t("admin.intro")} />
      <NextIntlClientProvider messages={{ feedback: messages.feedback }}>
        <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <section aria-labelledby="instellingen" className="self-start rounded-lg border border-line bg-white p-5">
            <h2 id="instellingen" className="mb-4 text-xl font-semibold text-petrol-800">
              {t("admin.settings")}
            </h2>
            <SurveySettingsForm
              conferenceId={settings.conference.id}
              locale={locale}
              values={{
                enabled: survey.enabled,
                askSessions: survey.askSessions,
                ratingQuestionNl: survey.ratingQuestionNl ?? "",
                ratingQuestionEn: survey.ratingQuestionEn ?? "",
                openQuestionNl: survey.openQuestionNl ?? "",
                openQuestionEn: survey.openQuestionEn ?? "",
                sendAt: toAmsterdamInput(survey.sendAt),
                closesAt: toAmsterdamInput(survey.closesAt),
              }}
              defaults={{
                ratingQuestion: { nl: tNl("ratingQuestion"), en: tEn("ratingQuestion") },
                openQuestion: { nl: tNl("openQuestion"), en: tEn("openQuestion") },
              }}
            />
          </section>
          <section aria-labelledby="resultaten" className="space-y-6">
            <h2 id="resultaten" className="text-xl font-semibold text-petrol-800">
              {t("admin.results")}
            </h2>
            <p>{t("admin.counts", { invited: results.invited, reminded: results.reminded, answered: results.answered })}</p>
            {results.responses === 0 ? (
              <p>{t("admin.noResponses", { date: formatDateTime(survey.sendAt, locale) })}</p>
            ) : (
              <>
                <form method="post" action={localizedPath(locale, `${base}/feedback/export`)}>
                  <button type="submit" className={secondaryButton} aria-describedby="export-hint">
                    {t("admin.export")}
                  </button>
                  <p id="export-hint" className="mt-1 text-sm text-muted">
                    {t("admin.exportHint")}
                  </p>
                </form>
                {reports.length === 0 && <p className="rounded-md border border-line bg-warn-50 p-3">{t("admin.noReport")}</p>}
                {results.withheld && <p className="rounded-md border border-line bg-white p-3">{t("admin.withheld", { min: MIN_GROUP })}</p>}
                <section aria-labelledby="conferentie-als-geheel" className="space-y-3 rounded-lg border border-line bg-white p-5">
                  <h3 id="conferentie-als-geheel" className="text-lg font-semibold text-petrol-800">
                    {t("admin.conference")}
                  </h3>
                  <RatingSummaryView rating={results.rating} locale={locale} />
                  <h4 className="font-semibold">{t("admin.remarks")}</h4>
                  {remarkList(results.remarks)}
                </section>
                {results.sessions.map((session) => (
                  <section key={session.id} aria-labelledby={`sessie-${session.id}`} className="space-y-3 rounded-lg border border-line bg-white p-5">
                    <h3 id={`sessie-${session.id}`} className="text-lg font-semibold text-petrol-800">
                      {session.title}
                    </h3>
                    <p className="text-sm text-muted">{t("admin.sessionResponses", { count: session.responses })}</p>
                    <RatingSummaryView rating={session.rating} locale={locale} />
                    <h4 className="font-semibold">{t("admin.remarks")}</h4>
                    {remarkList(session.remarks)}
                  </section>
                ))}
              </>
            )}
          </section>
        </div>
      </NextIntlClientProvider>
    </main>
  );
}
