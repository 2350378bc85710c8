import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { SurveyForm } from "@/components/feedback/survey-form";
import { answerSurveyAction } from "@/lib/feedback/actions";
import { surveyOfToken } from "@/lib/feedback/queries";
import { formatDate, formatDateTime, formatTimeRange } from "@/lib/format";

type Props = PageProps<"/[locale]/feedback/[token]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "feedback.form" });
  // The URL holds a secret (see the manage page, /aanmelding/<token>): no search engines, no other site's referrer
  // logs. "same-origin" rather than "no-referrer", which makes browsers send Origin: null with the form's post.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

// The survey after a conference, through the personal link from the email: no account, no JavaScript needed. Read
// per request (the link and whether it was answered are the person's own), never from the public pages' cache.
export default async function SurveyPage({ params }: Props) {
  const { locale, token } = (await params) as { locale: Locale; token: string };
  setRequestLocale(locale);
  const view = await surveyOfToken(token);
  if (!view) notFound();
  const t = await getTranslations("feedback");
  const messages = (await getMessages()) as Record<string, unknown>;
  const { survey, conference } = view;
  const open = survey.enabled && new Date() < survey.closesAt;
  const ratingQuestion = (locale === "en" ? (survey.ratingQuestionEn ?? survey.ratingQuestionNl) : survey.ratingQuestionNl) ?? t("defaults.ratingQuestion");
  const openQuestion = (locale === "en" ? (survey.openQuestionEn ?? survey.openQuestionNl) : survey.openQuestionNl) ?? t("defaults.openQuestion");
  return (
    <main className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-semibold leading-tight text-petrol-800">{t("form.title")}</h1>
      <p className="mt-4 text-lg">{t("form.intro", { title: conference.title, date: formatDate(conference.startsAt, locale) })}</p>
      {view.answered ? (
        <p role="status" className="mt-6 rounded-md border-2 border-ok-700 bg-ok-50 p-4 text-lg font-semibold text-ok-700">
          <span aria-hidden>✓ </span>
          {t("form.answered")}
        </p>
      ) : !open ? (
        <p className="mt-6 rounded-md border border-line bg-white p-4 font-semibold">{t("form.closed")}</p>
      ) : (
        <>
          <p className="mt-4">{t("form.anonymous")}</p>
          <p className="mt-2 text-muted">{t("form.closes", { date: formatDateTime(survey.closesAt, locale) })}</p>
          <NextIntlClientProvider messages={{ feedback: messages.feedback }}>
            <SurveyForm
              action={answerSurveyAction.bind(null, token)}
              ratingQuestion={ratingQuestion}
              openQuestion={openQuestion}
              sessions={view.sessions.map((s) => ({ id: s.id, title: s.title, when: formatTimeRange(s.startsAt, s.endsAt, locale) }))}
            />
          </NextIntlClientProvider>
        </>
      )}
    </main>
  );
}
