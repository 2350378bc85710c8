import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { CancelRegistrationForm } from "@/components/registrations-admin/cancel-registration-form";
import { CheckInHistory } from "@/components/registrations-admin/check-in-history";
import { MoveWorkshopsForm } from "@/components/registrations-admin/move-workshops-form";
import { RegistrationStatusBadge } from "@/components/registrations-admin/registration-status-badge";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { ORGANISE } from "@/lib/auth/roles";
import { formatDate, formatDoorCode, formatTime, formatTimeRange } from "@/lib/format";
import { messagesOfRegistration } from "@/lib/announcements/queries";
import { answersOfRegistration } from "@/lib/questions/queries";
import { findAdminConference, findRegistrationDetail } from "@/lib/registrations/admin-queries";
import { dashboardMetadata } from "../../../../../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]/conferenties/[conference]/aanmeldingen/[registration]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "registrationsAdmin" });
  return dashboardMetadata(locale, t("title"));
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-line bg-white p-5">
      <h2 id={id} className="text-xl font-semibold text-petrol-800">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[12rem_1fr]">
      <dt className="font-semibold text-muted">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

export default async function RegistrationDetailPage({ params }: Props) {
  const { locale, organisation: slug, conference: conferenceId, registration: registrationId } = (await params) as {
    locale: Locale;
    organisation: string;
    conference: string;
    registration: string;
  };
  setRequestLocale(locale);
  const listPath = `/beheer/${slug}/conferenties/${conferenceId}/aanmeldingen`;
  const access = await requireOrganisationPage(locale, slug, ORGANISE, `${listPath}/${registrationId}`);
  const [conference, registration] = await Promise.all([
    findAdminConference(access.organisation.id, conferenceId),
    findRegistrationDetail(access.organisation.id, conferenceId, registrationId),
  ]);
  if (!conference || !registration) notFound();
  const [t, messages, answers, sentMessages] = await Promise.all([
    getTranslations("registrationsAdmin"),
    getMessages(),
    answersOfRegistration(registration.id, locale),
    messagesOfRegistration(registration.id),
  ]);
  const when = (date: Date) => `${formatDate(date, locale)}, ${formatTime(date, locale)}`;
  const rounds = conference.rounds.map((round) => ({
    id: round.id,
    title: round.title,
    sessions: round.sessions.map((s) => ({ id: s.id, title: s.title, placesLeft: s.left })),
  }));
  const current = Object.fromEntries(registration.choices.map((c) => [c.roundId, c.sessionId]));
  const canMove = registration.status !== "CANCELLED" && conference.endsAt > new Date() && rounds.length > 0;
  const clientMessages = { registrationsAdmin: messages.registrationsAdmin, validation: messages.validation };

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <Link href={listPath} className="inline-flex min-h-12 items-center font-semibold text-petrol-700 underline">
        <span aria-hidden>←&nbsp;</span>
        {t("detail.backToList")}
      </Link>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold text-petrol-800 sm:text-3xl">{registration.name}</h1>
        <RegistrationStatusBadge status={registration.status} label={t(`status.${registration.status}`)} />
      </div>
      <p className="mt-1 text-muted">{conference.title}</p>
      {registration.erasedAt && <p className="mt-3 rounded-md border border-line bg-paper p-3">{t("detail.erased")}</p>}
      {registration.status === "CONFIRMED" && !registration.erasedAt && (
        <p className="mt-3">
          <Link href={`/beheer/${slug}/conferenties/${conferenceId}/badges?aanmelding=${registration.id}`} className="inline-flex min-h-12 items-center rounded-md border border-petrol-700 bg-white px-4 font-semibold text-petrol-800 hover:bg-petrol-50">
            {t("detail.printBadge")}
          </Link>
        </p>
      )}

      <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-6">
          <Section id="gegevens" title={t("detail.details")}>
            <dl className="divide-y divide-line">
              <Row label={t("detail.email")}>{registration.email || t("detail.notGiven")}</Row>
              <Row label={t("detail.organisation")}>{registration.organisation ?? t("detail.notGiven")}</Row>
              <Row label={t("detail.jobRole")}>{registration.jobRole ?? t("detail.notGiven")}</Row>
              <Row label={t("detail.language")}>{t(`detail.languages.${registration.locale === "en" ? "en" : "nl"}`)}</Row>
              <Row label={t("detail.source")}>{t(`detail.sources.${registration.source}`)}</Row>
              <Row label={t("detail.registeredAt")}>{when(registration.createdAt)}</Row>
              {registration.confirmedAt && <Row label={t("detail.confirmedAt")}>{when(registration.confirmedAt)}</Row>}
              {registration.status === "WAITLISTED" && registration.waitlistedAt && (
                <Row label={t("detail.waitlistedAt")}>{when(registration.waitlistedAt)}</Row>
              )}
              {registration.cancelledAt && <Row label={t("detail.cancelledAt")}>{when(registration.cancelledAt)}</Row>}
              {registration.comingConfirmedAt && <Row label={t("detail.comingConfirmedAt")}>{when(registration.comingConfirmedAt)}</Row>}
              <Row label={t("detail.ticketCode")}>
                <code className="break-all font-mono">{registration.ticketCode}</code>
              </Row>
              {registration.doorCode && (
                <Row label={t("detail.doorCode")}>
                  <code className="font-mono">{formatDoorCode(registration.doorCode)}</code>
                </Row>
              )}
            </dl>
          </Section>

          <Section id="workshops" title={t("detail.workshops")}>
            {registration.choices.length === 0 ? (
              <p>{t("detail.noWorkshops")}</p>
            ) : (
              <ul className="space-y-2">
                {registration.choices.map((choice) => (
                  <li key={choice.roundId}>
                    <span className="block text-sm text-muted">{choice.round.title}</span>
                    <span className="font-semibold">{choice.session.title}</span>
                    <span className="text-muted">
                      {" "}
                      · {formatTimeRange(choice.session.startsAt, choice.session.endsAt, locale)}
                      {choice.session.room && ` · ${choice.session.room.name}`} · {t(`detail.workshopStatus.${choice.status}`)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Section>

          {answers.length > 0 && (
            <Section id="antwoorden" title={t("detail.answers")}>
              <dl className="divide-y divide-line">
                {answers.map((answer) => (
                  <Row key={answer.questionId} label={answer.label}>
                    <span className="whitespace-pre-line">{answer.text}</span>
                    {answer.changedSince && <span className="block text-sm text-muted">{t("detail.answerChangedSince")}</span>}
                  </Row>
                ))}
              </dl>
            </Section>
          )}

          {sentMessages.length > 0 && (
            <Section id="berichten" title={t("detail.messages")}>
              <ul className="space-y-3">
                {sentMessages.map((message) => (
                  <li key={message.id}>
                    <span className="block text-sm text-muted">{when(message.sentAt)}</span>
                    <span className="font-semibold">{message.subject}</span>
                  </li>
                ))}
              </ul>
            </Section>
          )}

          <Section id="inchecken" title={t("detail.checkIns")}>
            <CheckInHistory checkIns={registration.checkIns} name={registration.name} locale={locale} />
          </Section>
        </div>

        <div className="space-y-6">
          <Section id="wensen" title={t("detail.needs")}>
            <dl className="divide-y divide-line">
              <Row label={t("detail.dietary")}>{registration.dietaryNeeds ?? t("detail.notGiven")}</Row>
              <Row label={t("detail.accessibility")}>{registration.accessibilityNeeds ?? t("detail.notGiven")}</Row>
              {registration.hostNote && <Row label={t("detail.hostNote")}>{registration.hostNote}</Row>}
            </dl>
          </Section>

          <Section id="toestemmingen" title={t("detail.consents")}>
            <ul className="space-y-1">
              <li>{t("detail.privacyAt", { date: when(registration.privacyConsentAt) })}</li>
              <li>
                {t("detail.photo")}: <strong>{registration.photoConsent ? t("detail.yes") : t("detail.no")}</strong>
              </li>
              <li>
                {t("detail.newsletter")}: <strong>{registration.newsletterOptIn ? t("detail.yes") : t("detail.no")}</strong>
              </li>
            </ul>
          </Section>

          <NextIntlClientProvider messages={clientMessages}>
            {canMove && (
              <Section id="verplaatsen" title={t("move.title")}>
                <p className="mb-4 text-sm text-muted">{t("move.intro", { name: registration.name })}</p>
                <MoveWorkshopsForm registrationId={registration.id} rounds={rounds} current={current} />
              </Section>
            )}
            <CancelRegistrationForm registrationId={registration.id} name={registration.name} cancelled={registration.status === "CANCELLED"} />
          </NextIntlClientProvider>
        </div>
      </div>
    </main>
  );
}
