import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { randomUUID } from "node:crypto";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { LocalizedLink as Link } from "@/components/site/localized-link";
import { RegistrationForm, type FormRound } from "@/components/registrations/registration-form";
import { OrganiserContact } from "@/components/conferences/organiser-contact";
import { loadPublicConference } from "@/lib/conferences/queries";
import { publicQuestions } from "@/lib/questions/queries";
import { formatDate, formatDateTime, formatDateTimeRange, formatTimeRange } from "@/lib/format";
import { contentLang } from "@/lib/site/content-lang";
import { conferenceCalendarPath } from "@/lib/site/paths";
import type { Locale } from "@/i18n/routing";

type Props = PageProps<"/[locale]/conferenties/[slug]/aanmelden">;

// Rendered per request: it shows the places left now, and carries a fresh idempotency key.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "registration" });
  // A form is not something to find through a search engine; the conference page is.
  return { title: t("title"), robots: { index: false } };
}

export default async function RegistrationPage({ params }: Props) {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  setRequestLocale(locale);
  const conference = await loadPublicConference(slug);
  if (!conference) notFound();
  const questions = await publicQuestions(slug);
  const t = await getTranslations();
  const state = conference.places.state;
  const messages = await getMessages();

  const rounds: FormRound[] = conference.rounds.map((round) => ({
    id: round.id,
    title: round.title,
    mode: conference.places.rounds.find((r) => r.id === round.id)?.mode ?? "choice",
    rankingClosesAt: round.rankingClosesAt ? formatDateTime(round.rankingClosesAt, locale) : undefined,
    sessions: conference.sessions
      .filter((s) => s.workshopRoundId === round.id)
      .map((s) => ({
        id: s.id,
        title: s.title,
        timeRange: formatTimeRange(s.startsAt, s.endsAt, locale),
        room: s.room?.name ?? null,
        placesLeft: s.places?.left ?? null,
        capacity: s.places?.capacity ?? null,
      })),
  }));

  const closedMessage =
    state === "notYetOpen" && conference.registrationOpensAt
      ? t("conference.state.notYetOpen", { date: formatDate(conference.registrationOpensAt, locale) })
      : state === "draft"
        ? t("conference.state.closed")
        : t(`conference.state.${state}`);

  return (
    <main className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <p>
        <Link href={`/conferenties/${slug}`} className="text-petrol-700 underline">
          ← {t("registration.backToConference")}
        </Link>
      </p>
      <h1 className="mt-4 text-3xl font-semibold leading-tight text-petrol-800">
        {t("registration.title")}: <span lang={contentLang(locale)}>{conference.title}</span>
      </h1>
      <p className="mt-2 text-lg">{formatDateTimeRange(conference.startsAt, conference.endsAt, locale)}</p>
      {state === "open" || state === "full" ? (
        <>
          <p className="mt-4 text-muted">{state === "full" ? t("registration.waitlistIntro") : t("registration.intro")}</p>
          <div className="mt-8">
            <NextIntlClientProvider
              messages={{
                registration: messages.registration,
                validation: messages.validation,
                // Only what the registry fields say, and only when they show.
                ...(conference.certificatesEnabled ? { certificates: { manage: messages.certificates.manage, validation: messages.certificates.validation } } : {}),
              }}
            >
              <RegistrationForm
                conferenceSlug={slug}
                locale={locale}
                rounds={rounds}
                waitlist={state === "full"}
                privacyHref={locale === "nl" ? "/privacy" : "/en/privacy"}
                calendarHref={conferenceCalendarPath(slug, locale)}
                idempotencyKey={randomUUID()}
                questions={questions}
                registryNumbers={conference.certificatesEnabled}
              />
            </NextIntlClientProvider>
          </div>
        </>
      ) : (
        <p role="status" className="mt-8 rounded-xl border-2 border-line bg-white p-6 text-lg font-semibold">
          {closedMessage}
        </p>
      )}
      <OrganiserContact organisation={conference.organisation} className="mt-10 border-t border-line pt-4 text-muted" />
    </main>
  );
}
