import { OpenOffers } from "@/components/offers/open-offers";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocalizedLink as Link } from "@/components/site/localized-link";
import { inputClass } from "@/components/ui/field";
import { DestructiveSection } from "@/components/ui/destructive-section";
import { OrganiserContact } from "@/components/conferences/organiser-contact";
import { DetailsForm } from "@/components/registrations/details-form";
import { getManageView } from "@/lib/registrations/queries";
import { cancelAction, changeRankingAction, changeWorkshopsAction, eraseAction, updateNeedsAction } from "@/lib/registrations/manage-actions";
import { formatDateTime, formatDateTimeRange, formatDoorCode, formatTimeRange } from "@/lib/format";
import { placesTone } from "@/lib/places/few-places";
import { manageCalendarPath } from "@/lib/site/paths";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { RankingField } from "@/components/registrations/ranking-field";
import { AnswersForm } from "@/components/registrations/answers-form";
import { answersOpen } from "@/lib/questions/schema";
import { answersOfRegistration, answerValues, questionsOfConference } from "@/lib/questions/queries";
import type { Locale } from "@/i18n/routing";
import { CertificateSection } from "@/components/certificates/certificate-section";

type Props = PageProps<"/[locale]/aanmelding/[token]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "manage" });
  // The URL holds a secret: keep it out of search engines and other sites' referrer logs. Not "no-referrer":
  // browsers then send Origin: null with form posts, and Next refuses the server actions.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

const DONE = ["workshops", "needs", "cancelled", "ranking", "details", "emailSent", "answers", "coming"] as const;
const ERRORS = ["busy", "cancelled", "conferenceCancelled", "past", "invalidWorkshop", "notFound", "invalid", "closed"] as const;

export default async function ManagePage({ params, searchParams }: Props) {
  const { locale, token } = (await params) as { locale: Locale; token: string };
  setRequestLocale(locale);
  const view = await getManageView(token);
  if (!view) notFound();
  const { registration, workshops, roundModes, position, qrSvg, emailChange } = view;
  const choiceRounds = view.registration.conference.rounds.filter((round) => (roundModes.get(round.id) ?? "choice") === "choice");
  const rankedRounds = view.registration.conference.rounds.filter((round) => roundModes.get(round.id) !== "choice");
  const { conference } = registration;
  const t = await getTranslations("manage");
  const tr = await getTranslations("registration");
  const messages = (await getMessages()) as Record<string, Record<string, unknown>>;
  // Only what the client components say: the rest of the page is rendered here.
  const clientMessages = {
    registration: {
      ranking: messages.registration?.ranking,
      questions: messages.registration?.questions,
      name: tr("name"),
      email: tr("email"),
      organisation: tr("organisation"),
      jobRole: tr("jobRole"),
      optional: tr("optional"),
    },
    validation: messages.validation,
    manage: messages.manage,
  };
  const query = await searchParams;
  const done = DONE.find((d) => d === query.done);
  const error = ERRORS.find((e) => e === query.error);
  // Cancelled by the organisers: no ticket to show and nothing to change; the data stays the person's own.
  const conferenceCancelled = conference.status === "CANCELLED";
  const active = registration.status !== "CANCELLED" && !conferenceCancelled;
  const changeable = active && conference.endsAt > new Date();
  const mine = (roundId: string) => registration.choices.find((c) => c.roundId === roundId);
  const [questions, answers, answerRaw] = await Promise.all([
    questionsOfConference(conference.id),
    answersOfRegistration(registration.id, locale),
    answerValues(registration.id),
  ]);
  const answersChangeable = active && answersOpen(conference, new Date());

  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-semibold leading-tight text-petrol-800">{t("for", { title: conference.title })}</h1>
      <p className="mt-2 text-lg">
        {formatDateTimeRange(conference.startsAt, conference.endsAt, locale)}
        {conference.venue && `, ${conference.venue.name}, ${conference.venue.city}`}
      </p>
      <OrganiserContact organisation={conference.organisation} className="mt-2 text-muted" />

      {done && (
        <p role="status" className="mt-6 rounded-md border-2 border-ok-700 bg-ok-50 p-4 font-semibold text-ok-700">
          <span aria-hidden>✓ </span>
          {done === "emailSent" && emailChange
            ? t.rich("done.emailSent", { email: emailChange.newEmail, address: (chunks) => <span className="[overflow-wrap:anywhere]">{chunks}</span> })
            : t(`done.${done === "emailSent" ? "details" : done}`)}
        </p>
      )}
      {error && (
        <p role="alert" className="mt-6 rounded-md border-2 border-bad-700 bg-bad-50 p-4 font-semibold text-bad-700">
          <span aria-hidden>⚠ </span>
          {t(`errors.${error}`)}
        </p>
      )}

      {active && <OpenOffers registrationId={registration.id} token={token} title={conference.title} locale={locale} />}

      <section aria-labelledby="status" className="mt-8">
        {conferenceCancelled && registration.status !== "CANCELLED" && (
          <div className="rounded-xl border-2 border-bad-700 bg-bad-50 p-6">
            <h2 id="status" className="text-2xl font-semibold text-bad-700">
              {t("conferenceCancelled")}
            </h2>
            <p className="mt-2">{t("conferenceCancelledHint")}</p>
          </div>
        )}
        {active && registration.status === "CONFIRMED" && (
          <div className="rounded-xl border-2 border-ok-700 bg-white p-6">
            <h2 id="status" className="text-2xl font-semibold text-ok-700">
              <span aria-hidden>✓ </span>
              {t("confirmed")}
            </h2>
            <div className="mt-4 flex flex-col items-start gap-6 sm:flex-row">
              <div
                role="img"
                aria-label={t("qrAlt")}
                className="h-56 w-56 shrink-0 bg-white [&>svg]:h-full [&>svg]:w-full"
                dangerouslySetInnerHTML={{ __html: qrSvg }}
              />
              <div className="min-w-0">
                <h3 className="font-semibold">{t("ticket")}</h3>
                <p className="mt-1 text-muted">{t("ticketHint")}</p>
                <p className="mt-3">
                  {t("ticketCode")}: <code className="break-all font-mono text-lg font-semibold">{registration.ticketCode}</code>
                </p>
                {registration.doorCode && (
                  <p className="mt-1">
                    {t("doorCode")}: <code className="whitespace-nowrap font-mono text-lg font-semibold">{formatDoorCode(registration.doorCode)}</code>
                  </p>
                )}
              </div>
            </div>
          </div>
        )}
        {active && registration.status === "WAITLISTED" && (
          <div className="rounded-xl border-2 border-warn-800 bg-warn-50 p-6">
            <h2 id="status" className="text-2xl font-semibold text-warn-800">
              <span aria-hidden>⏳ </span>
              {t("waitlisted", { position: position ?? 1 })}
            </h2>
            <p className="mt-2">{t("waitlistedHint")}</p>
          </div>
        )}
        {registration.status === "CANCELLED" && (
          <div className="rounded-xl border-2 border-line bg-white p-6">
            <h2 id="status" className="text-2xl font-semibold text-petrol-800">
              {t("cancelled")}
            </h2>
            <p className="mt-2">{t("cancelledHint")}</p>
            <p className="mt-3">
              <Link href={`/conferenties/${conference.slug}`} className="font-semibold text-petrol-700 underline">
                {conference.title}
              </Link>
            </p>
          </div>
        )}
      </section>

      <section aria-labelledby="details" className="mt-10">
        <h2 id="details" className="text-xl font-semibold text-petrol-800">
          {t("details")}
        </h2>
        {emailChange && (
          <p className="mt-2 rounded-md border border-petrol-200 bg-petrol-50 p-3">
            {t.rich("emailPending", {
              email: emailChange.newEmail,
              current: registration.email,
              until: formatDateTime(emailChange.expiresAt, locale),
              address: (chunks) => <strong className="[overflow-wrap:anywhere]">{chunks}</strong>,
            })}
          </p>
        )}
        {changeable ? (
          <NextIntlClientProvider messages={clientMessages}>
            <DetailsForm
              token={token}
              values={{ name: registration.name, email: registration.email, organisation: registration.organisation ?? "", jobRole: registration.jobRole ?? "" }}
            />
          </NextIntlClientProvider>
        ) : (
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
            <dt className="text-muted">{t("name")}</dt>
            <dd>{registration.name}</dd>
            <dt className="text-muted">{t("email")}</dt>
            <dd className="break-all">{registration.email}</dd>
            {registration.organisation && (
              <>
                <dt className="text-muted">{t("organisation")}</dt>
                <dd>{registration.organisation}</dd>
              </>
            )}
          </dl>
        )}
        <p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
          {active && (
            <a href={manageCalendarPath(token, locale)} className="inline-flex min-h-11 items-center font-semibold text-petrol-700 underline">
              {t("calendar")}
            </a>
          )}
          <a href={`/api/manage/${token}/data`} className="inline-flex min-h-11 items-center font-semibold text-petrol-700 underline">
            {t("downloadData")}
          </a>
        </p>
      </section>

      <CertificateSection token={token} registrationId={registration.id} conferenceId={conference.id} locale={locale} />

      {questions.length > 0 && (active || answers.length > 0) && (
        <section aria-labelledby="antwoorden" className="mt-10">
          <h2 id="antwoorden" className="text-xl font-semibold text-petrol-800">
            {t("answersTitle")}
          </h2>
          {answersChangeable ? (
            <>
              <p className="mt-1 text-muted">{t("answersHint")}</p>
              <NextIntlClientProvider messages={clientMessages}>
                <AnswersForm token={token} locale={locale} questions={questions} values={answerRaw} />
              </NextIntlClientProvider>
            </>
          ) : answers.length === 0 ? (
            <p className="mt-3">{t("noAnswers")}</p>
          ) : (
            <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
              {answers.map((answer) => (
                <div key={answer.questionId} className="contents">
                  <dt className="text-muted">{answer.label}</dt>
                  <dd className="whitespace-pre-line">{answer.text}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      )}

      {changeable &&
        rankedRounds.map((round) => (
          <section key={round.id} aria-labelledby={`ranking-${round.id}-title`} className="mt-10">
            <h2 id={`ranking-${round.id}-title`} className="text-xl font-semibold text-petrol-800">
              {t("rankingTitle", { round: round.title })}
            </h2>
            {roundModes.get(round.id) === "pending" ? (
              <p className="mt-2">{tr("ranking.pending")}</p>
            ) : (
              <form action={changeRankingAction.bind(null, token, round.id)} className="mt-2 space-y-4">
                <p id={`ranking-${round.id}-hint`} className="text-muted">
                  {tr("ranking.hint", { date: round.rankingClosesAt ? formatDateTime(round.rankingClosesAt, locale) : "" })}
                </p>
                <NextIntlClientProvider messages={clientMessages}>
                  <RankingField
                    roundId={round.id}
                    sessions={round.sessions.map((s) => ({ id: s.id, title: s.title, timeRange: formatTimeRange(s.startsAt, s.endsAt, locale) }))}
                    initial={registration.preferences.filter((p) => p.roundId === round.id).map((p) => p.sessionId)}
                    locale={locale}
                    describedBy={`ranking-${round.id}-hint`}
                  />
                </NextIntlClientProvider>
                <button type="submit" className="min-h-12 rounded-md bg-petrol-800 px-5 font-semibold text-white hover:bg-petrol-900">
                  {t("saveRanking")}
                </button>
              </form>
            )}
          </section>
        ))}

      {changeable && choiceRounds.length > 0 && (
        <section aria-labelledby="workshops" className="mt-10">
          <h2 id="workshops" className="text-xl font-semibold text-petrol-800">
            {t("workshops")}
          </h2>
          <p className="mt-1 text-muted">{t("workshopsHint")}</p>
          <form action={changeWorkshopsAction.bind(null, token)} className="mt-4 space-y-4">
            {choiceRounds.map((round) => {
              const choice = mine(round.id);
              return (
                <fieldset key={round.id} className="rounded-lg border border-line bg-white p-4">
                  <legend className="px-1 font-semibold">{round.title}</legend>
                  {round.sessions.map((s) => {
                    const isMine = choice?.sessionId === s.id;
                    const places = workshops.get(s.id);
                    const tone = places?.left != null && places.capacity != null ? placesTone(places.left, places.capacity) : null;
                    return (
                      <label key={s.id} className="flex min-h-12 items-start gap-3 rounded-md p-2 hover:bg-petrol-50">
                        <input type="radio" name={`workshops.${round.id}`} value={s.id} defaultChecked={isMine} className="mt-1 h-5 w-5 shrink-0 accent-petrol-700" />
                        <span>
                          <span className="font-semibold">{s.title}</span>{" "}
                          <span className="text-sm text-muted">
                            {formatTimeRange(s.startsAt, s.endsAt, locale)}
                            {s.room && ` · ${s.room.name}`}
                          </span>
                          {isMine && (
                            <span className={`block text-sm font-semibold ${choice?.status === "WAITLISTED" ? "text-warn-800" : "text-ok-700"}`}>
                              <span aria-hidden>{choice?.status === "WAITLISTED" ? "⏳ " : "✓ "}</span>
                              {choice?.status === "WAITLISTED" ? t("waitlistedChoice") : t("yourChoice")}
                            </span>
                          )}
                          {!isMine && places?.left != null && (
                            <span
                              className={`block text-sm ${tone === "full" ? "font-semibold text-warn-800" : tone === "few" ? "font-semibold text-accent-700" : "text-muted"}`}
                            >
                              {tone === "full" && <span aria-hidden>⏳ </span>}
                              {tone === "full" ? tr("sessionFull") : tone === "few" ? tr("placesLeftFew", { count: places.left }) : tr("placesLeft", { count: places.left })}
                            </span>
                          )}
                        </span>
                      </label>
                    );
                  })}
                  <label className="flex min-h-12 items-center gap-3 rounded-md p-2 hover:bg-petrol-50">
                    <input type="radio" name={`workshops.${round.id}`} value="" defaultChecked={!choice} className="h-5 w-5 shrink-0 accent-petrol-700" />
                    <span>{tr("noWorkshop")}</span>
                  </label>
                </fieldset>
              );
            })}
            <button type="submit" className="min-h-12 rounded-md bg-petrol-800 px-5 font-semibold text-white hover:bg-petrol-900">
              {t("saveWorkshops")}
            </button>
          </form>
        </section>
      )}

      {changeable && (
        <section aria-labelledby="needs" className="mt-10">
          <h2 id="needs" className="text-xl font-semibold text-petrol-800">
            {t("needs")}
          </h2>
          <form action={updateNeedsAction.bind(null, token)} className="mt-4 space-y-4">
            <div>
              <label htmlFor="dietaryNeeds" className="block font-semibold">
                {tr("dietaryNeeds")}
              </label>
              <textarea id="dietaryNeeds" name="dietaryNeeds" rows={2} maxLength={500} defaultValue={registration.dietaryNeeds ?? ""} className={inputClass} />
            </div>
            <div>
              <label htmlFor="accessibilityNeeds" className="block font-semibold">
                {tr("accessibilityNeeds")}
              </label>
              <textarea id="accessibilityNeeds" name="accessibilityNeeds" rows={2} maxLength={500} defaultValue={registration.accessibilityNeeds ?? ""} className={inputClass} />
            </div>
            <button type="submit" className="min-h-12 rounded-md bg-petrol-800 px-5 font-semibold text-white hover:bg-petrol-900">
              {t("saveNeeds")}
            </button>
          </form>
        </section>
      )}

      {changeable && (
        <DestructiveSection
          id="cancel"
          className="mt-10"
          title={t("cancelTitle")}
          text={t("cancelText")}
          confirmLabel={t("cancelConfirm")}
          action={cancelAction.bind(null, token)}
        />
      )}
      <DestructiveSection
        id="erase"
        className="mt-6"
        title={t("eraseTitle")}
        text={t("eraseText")}
        confirmLabel={t("eraseConfirm")}
        action={eraseAction.bind(null, token)}
      />
    </main>
  );
}
