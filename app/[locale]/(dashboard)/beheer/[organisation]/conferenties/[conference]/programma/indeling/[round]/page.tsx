import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { EditorMessages } from "@/components/editor/editor-messages";
import { PageHeading } from "@/components/editor/page-heading";
import { PublishAllocationForm } from "@/components/programme/publish-allocation-form";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { ORGANISE } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { placesOf } from "@/lib/places/queries";
import { previewAllocation } from "@/lib/places/ranked-choice";
import { dashboardMetadata } from "../../../../../../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]/conferenties/[conference]/programma/indeling/[round]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "conferenceEditor.allocation" });
  return dashboardMetadata(locale, t("title", { round: "" }).replace(/:\s*$/, ""));
}

const cell = "border-b border-line px-3 py-2";

export default async function AllocationPage({ params }: Props) {
  const { locale, organisation: slug, conference: conferenceId, round: roundId } = (await params) as {
    locale: Locale;
    organisation: string;
    conference: string;
    round: string;
  };
  setRequestLocale(locale);
  const base = `/beheer/${slug}/conferenties/${conferenceId}/programma`;
  const access = await requireOrganisationPage(locale, slug, ORGANISE, `${base}/indeling/${roundId}`);
  // The round, only when it is of this organisation's conference: anything else is the 404 page.
  const round = await db.workshopRound.findFirst({
    where: { id: roundId, conferenceId, conference: { organisationId: access.organisation.id } },
    select: { id: true, title: true, allocation: true, rankingClosesAt: true, allocatedAt: true },
  });
  if (!round) notFound();
  const [preview, places, t] = await Promise.all([previewAllocation(round.id), placesOf(conferenceId), getTranslations("conferenceEditor.allocation")]);
  if (!preview) notFound();
  const mode = places?.rounds.find((r) => r.id === round.id)?.mode ?? "choice";
  // Once published, what the allocation did: the round's choices as they are now.
  const choices = round.allocatedAt
    ? await db.workshopChoice.groupBy({ by: ["status"], where: { roundId: round.id, registration: { status: "CONFIRMED" } }, _count: { _all: true } })
    : [];
  const counted = (status: string) => choices.find((c) => c.status === status)?._count._all ?? 0;
  const ranks = preview.byRank.map((count, index) => ({ rank: index + 1, ranked: count, firstCome: preview.firstCome.byRank[index] ?? 0 }));

  return (
    <main className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <PageHeading back={{ href: base, label: t("back") }} title={t("title", { round: round.title })} intro={t("intro", { round: round.title })} />
      {round.allocation !== "RANKED" ? (
        <p className="mt-6 rounded-lg border border-line bg-white p-5">{t("notRanked")}</p>
      ) : (
        <>
          <p className="mt-6 rounded-lg border-2 border-petrol-200 bg-white p-4 font-semibold">
            {round.allocatedAt
              ? t("published", { date: formatDateTime(round.allocatedAt, locale) })
              : mode === "ranking" && round.rankingClosesAt
                ? t("rankingsOpen", { date: formatDateTime(round.rankingClosesAt, locale) })
                : t("rankingsClosed")}
          </p>
          {round.allocatedAt ? (
            <p className="mt-4">{t("now", { placed: counted("CONFIRMED"), waiting: counted("WAITLISTED") })}</p>
          ) : (
            <p className="mt-4">{t("ranked", { count: preview.ranked })}</p>
          )}
          {!round.allocatedAt && preview.waitingForConference > 0 && <p className="mt-1">{t("waitingForConference", { count: preview.waitingForConference })}</p>}

          {!round.allocatedAt && preview.ranked > 0 && (
            <section aria-labelledby="uitkomst" className="mt-6 rounded-lg border border-line bg-white p-5">
              <h2 id="uitkomst" className="text-xl font-semibold text-petrol-800">
                {t("outcome")}
              </h2>
              <table className="mt-3 w-full text-left tabular-nums">
                <caption className="sr-only">{t("caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col" className={cell}>
                      {t("choiceHeader")}
                    </th>
                    <th scope="col" className={`${cell} text-right`}>{t("ranked_col")}</th>
                    <th scope="col" className={`${cell} text-right`}>{t("firstCome_col")}</th>
                  </tr>
                </thead>
                <tbody>
                  {ranks.map((row) => (
                    <tr key={row.rank}>
                      <th scope="row" className={`${cell} font-semibold`}>{t("rank", { rank: row.rank })}</th>
                      <td className={`${cell} text-right`}>{t("people", { count: row.ranked })}</td>
                      <td className={`${cell} text-right`}>{t("people", { count: row.firstCome })}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row" className={`${cell} font-semibold`}>{t("none")}</th>
                    <td className={`${cell} text-right`}>{t("people", { count: preview.unplaced })}</td>
                    <td className={`${cell} text-right`}>{t("people", { count: preview.firstCome.unplaced })}</td>
                  </tr>
                </tbody>
              </table>
              {preview.nobodyLeftOut && (
                <p className="mt-3 font-semibold text-ok-700">
                  <span aria-hidden>✓ </span>
                  {t("nobodyLeftOut")}
                </p>
              )}

              <table className="mt-6 w-full text-left tabular-nums">
                <caption className="mb-2 text-left font-semibold text-petrol-800">{t("workshopsCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col" className={cell}>{t("workshop")}</th>
                    <th scope="col" className={`${cell} text-right`}>{t("free")}</th>
                    <th scope="col" className={`${cell} text-right`}>{t("allocated")}</th>
                    <th scope="col" className={`${cell} text-right`}>{t("firstChoices")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.workshops.map((workshop) => (
                    <tr key={workshop.id}>
                      <th scope="row" className={`${cell} font-normal`}>{workshop.title}</th>
                      <td className={`${cell} text-right`}>{workshop.free ?? t("unlimited")}</td>
                      <td className={`${cell} text-right`}>{workshop.allocated}</td>
                      <td className={`${cell} text-right`}>{workshop.firstChoices}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <EditorMessages>
                <PublishAllocationForm roundId={round.id} />
              </EditorMessages>
            </section>
          )}
        </>
      )}
    </main>
  );
}
