import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { DeleteForm } from "@/components/editor/delete-form";
import { EditorMessages } from "@/components/editor/editor-messages";
import { PageHeading } from "@/components/editor/page-heading";
import { RoundAllocationForm } from "@/components/programme/round-allocation-form";
import { RoundForm } from "@/components/programme/round-form";
import { Link } from "@/i18n/navigation";
import { SessionCard } from "@/components/programme/session-card";
import { SessionForm } from "@/components/programme/session-form";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { ORGANISE } from "@/lib/auth/roles";
import { toAmsterdamInput } from "@/lib/time/amsterdam";
import { formatDate, formatDateTime } from "@/lib/format";
import { amsterdamDateKey } from "@/lib/time/amsterdam";
import { deleteRoundAction } from "@/lib/programme/actions";
import { getProgrammeForEditor, sessionFormValues, speakerOptions } from "@/lib/programme/queries";
import { emptySession } from "@/lib/programme/schema";
import { dashboardMetadata } from "../../../../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]/conferenties/[conference]/programma">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "conferenceEditor.programme" });
  return dashboardMetadata(locale, t("title"));
}

const HOUR = 60 * 60 * 1000;

export default async function ProgrammePage({ params }: Props) {
  const { locale, organisation: slug, conference: conferenceId } = (await params) as {
    locale: Locale;
    organisation: string;
    conference: string;
  };
  setRequestLocale(locale);
  const base = `/beheer/${slug}/conferenties/${conferenceId}`;
  const access = await requireOrganisationPage(locale, slug, ORGANISE, `${base}/programma`);
  const [programme, speakers, t] = await Promise.all([
    getProgrammeForEditor(access.organisation.id, conferenceId),
    speakerOptions(access.organisation.id),
    getTranslations("conferenceEditor.programme"),
  ]);
  if (!programme) notFound();

  const rooms = (programme.venue?.rooms ?? []).map((room) => ({
    value: room.id,
    label: t("fields.roomOption", { name: room.name, capacity: room.capacity }),
  }));
  const rounds = programme.rounds.map((round) => ({ value: round.id, label: round.title }));
  // A new session starts where the last one ended (an hour long), or when the conference starts.
  const last = programme.sessions.at(-1);
  const nextStart = last && last.endsAt < programme.endsAt ? last.endsAt : programme.startsAt;
  const nextEnd = new Date(Math.min(nextStart.getTime() + HOUR, programme.endsAt.getTime()));
  // By calendar day in Amsterdam (Map.groupBy is not in Node 20).
  const days = new Map<string, typeof programme.sessions>();
  for (const session of programme.sessions) {
    const day = amsterdamDateKey(session.startsAt);
    days.set(day, [...(days.get(day) ?? []), session]);
  }

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <PageHeading back={{ href: base, label: t("back") }} title={`${t("title")}: ${programme.title}`} intro={t("intro", { title: programme.title })} />
      {!programme.venue && <p className="mt-4 max-w-prose rounded-md border-2 border-accent-600 bg-white p-3">{t("noVenue")}</p>}
      <EditorMessages>
        <div className="mt-6 grid gap-8 lg:grid-cols-2">
          <section aria-labelledby="tijdlijn">
            <h2 id="tijdlijn" className="text-xl font-semibold text-petrol-800">
              {t("timeline")}
            </h2>
            {programme.sessions.length === 0 ? (
              <p className="mt-3 rounded-lg border border-line bg-white p-5">{t("empty")}</p>
            ) : (
              [...days.entries()].map(([day, sessions]) => (
                <div key={day} className="mt-3">
                  {days.size > 1 && sessions[0] && <h3 className="mb-2 font-semibold text-muted">{formatDate(sessions[0].startsAt, locale)}</h3>}
                  <ol className="space-y-3 border-l-4 border-petrol-200 pl-4">
                    {sessions.map((session) => (
                      <li key={session.id}>
                        <SessionCard session={session} values={sessionFormValues(session)} locale={locale} rooms={rooms} rounds={rounds} speakers={speakers} />
                      </li>
                    ))}
                  </ol>
                </div>
              ))
            )}
          </section>

          <div className="space-y-8">
            <section aria-labelledby="nieuwe-sessie" className="rounded-lg border border-line bg-white p-5">
              <h2 id="nieuwe-sessie" className="mb-4 text-xl font-semibold text-petrol-800">
                {t("addSession")}
              </h2>
              <SessionForm
                mode="create"
                conferenceId={programme.id}
                requestKey={randomUUID()}
                locale={locale}
                values={emptySession(toAmsterdamInput(nextStart), toAmsterdamInput(nextEnd))}
                rooms={rooms}
                rounds={rounds}
                speakers={speakers}
              />
            </section>

            <section aria-labelledby="rondes" className="rounded-lg border border-line bg-white p-5">
              <h2 id="rondes" className="text-xl font-semibold text-petrol-800">
                {t("rounds")}
              </h2>
              <p className="mb-4 mt-1 text-sm text-muted">{t("roundsIntro")}</p>
              {programme.rounds.length === 0 && <p className="mb-4">{t("noRounds")}</p>}
              <ul className="divide-y divide-line">
                {programme.rounds.map((round) => (
                  <li key={round.id} className="py-3">
                    <RoundForm mode="edit" roundId={round.id} title={round.title} locale={locale} />
                    <p className="mt-2 text-sm font-semibold text-petrol-800">
                      {round.allocation === "FIRST_COME"
                        ? t("allocation.status.choice")
                        : round.allocatedAt
                          ? t("allocation.status.allocated", { date: formatDateTime(round.allocatedAt, locale) })
                          : round.mode === "ranking" && round.rankingClosesAt
                            ? t("allocation.status.ranking", { date: formatDateTime(round.rankingClosesAt, locale) })
                            : t("allocation.status.pending")}
                      {round.allocation === "RANKED" && (
                        <>
                          {" · "}
                          <Link href={`${base}/programma/indeling/${round.id}`} className="text-petrol-700 underline">
                            {t("allocation.open")}
                          </Link>
                        </>
                      )}
                    </p>
                    {!round.allocatedAt && (
                      <RoundAllocationForm roundId={round.id} allocation={round.allocation} rankingClosesAt={toAmsterdamInput(round.rankingClosesAt)} />
                    )}
                    <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-muted">
                      <span>{t("roundSessions", { count: round._count.sessions })}</span>
                      <DeleteForm
                        action={deleteRoundAction}
                        fields={{ roundId: round.id }}
                        label={t("deleteRound", { title: round.title })}
                        text={t("deleteRoundText")}
                        locale={locale}
                      />
                    </div>
                  </li>
                ))}
              </ul>
              <div className="mt-4 border-t border-line pt-4">
                <RoundForm mode="create" conferenceId={programme.id} requestKey={randomUUID()} title="" locale={locale} />
              </div>
            </section>
          </div>
        </div>
      </EditorMessages>
    </main>
  );
}
