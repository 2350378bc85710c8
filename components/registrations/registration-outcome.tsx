"use client";
// What a sign-up was given, from the server's answer (lib/places decided it under the conference's lock): a
// place or a place in line, each workshop with its place or its waiting list, the ranked rounds, and where the
// email went. Rendered by the server too, after a post without JavaScript.
import type { Ref } from "react";
import { useTranslations } from "next-intl";
import type { Decision } from "@/lib/places/schema";
import { contentLang } from "@/lib/site/content-lang";
import type { FormRound } from "./registration-form";

type Props = {
  email: string;
  decision: Decision | null;
  rounds: FormRound[];
  locale: "nl" | "en";
  calendarHref: string;
  ref?: Ref<HTMLDivElement>;
};

// Long addresses wrap anywhere instead of widening a 360 px screen.
const ADDRESS = "font-semibold [overflow-wrap:anywhere]";

export function RegistrationOutcome({ email, decision, rounds, locale, calendarHref, ref }: Props) {
  const t = useTranslations("registration.outcome");
  const lang = contentLang(locale);
  const address = (chunks: React.ReactNode) => <span className={ADDRESS}>{chunks}</span>;
  const rich = { email, address };

  if (!decision) {
    return (
      <div ref={ref} tabIndex={-1} autoFocus aria-labelledby="outcome-title" className="rounded-xl border-2 border-petrol-700 bg-white p-6 focus:outline-none">
        <h2 id="outcome-title" className="text-2xl font-semibold text-petrol-800">
          {t("alreadyTitle")}
        </h2>
        <p className="mt-3 text-lg">{t.rich("alreadyText", rich)}</p>
        <p className="mt-2 text-muted">{t("mailHint")}</p>
      </div>
    );
  }

  const waitlisted = decision.status === "WAITLISTED";
  const sessions = new Map(rounds.flatMap((round) => round.sessions.map((session) => [session.id, { round, session }] as const)));
  const shownRounds = rounds.filter(
    (round) => round.mode === "choice" || decision.rankedRoundIds.includes(round.id) || decision.choices.some((c) => c.roundId === round.id),
  );
  const anyWorkshopWaiting = decision.choices.some((c) => c.status === "WAITLISTED") && !waitlisted;

  return (
    <div
      ref={ref}
      tabIndex={-1}
      autoFocus
      aria-labelledby="outcome-title"
      className={`rounded-xl border-2 p-6 focus:outline-none ${waitlisted ? "border-warn-800 bg-warn-50" : "border-ok-700 bg-ok-50"}`}
    >
      <h2 id="outcome-title" className={`text-2xl font-semibold ${waitlisted ? "text-warn-800" : "text-ok-700"}`}>
        <span aria-hidden>{waitlisted ? "⏳ " : "✓ "}</span>
        {waitlisted ? t("waitlistedTitle", { position: decision.waitlistPosition ?? 1 }) : t("confirmedTitle")}
      </h2>
      <p className="mt-3 text-lg">{waitlisted ? t("waitlistedText") : t("confirmedText")}</p>

      {shownRounds.length > 0 && (
        <section aria-labelledby="outcome-workshops" className="mt-5">
          <h3 id="outcome-workshops" className="text-lg font-semibold text-petrol-800">
            {t("workshopsTitle")}
          </h3>
          <ul className="mt-2 space-y-3">
            {shownRounds.map((round) => {
              const choice = decision.choices.find((c) => c.roundId === round.id);
              const chosen = choice ? sessions.get(choice.sessionId)?.session : undefined;
              const ranked = decision.rankedRoundIds.includes(round.id);
              return (
                <li key={round.id} className="rounded-md border border-line bg-white p-3">
                  <p className="text-sm font-semibold text-muted" lang={lang}>
                    {round.title}
                  </p>
                  {chosen && choice ? (
                    <>
                      <p className="font-semibold" lang={lang}>
                        {chosen.title}
                      </p>
                      <p className="text-sm text-muted">
                        {chosen.timeRange}
                        {chosen.room && <>, {t("room", { room: chosen.room })}</>}
                      </p>
                      <p className={`mt-1 font-semibold ${choice.status === "CONFIRMED" ? "text-ok-700" : "text-warn-800"}`}>
                        <span aria-hidden>{choice.status === "CONFIRMED" ? "✓ " : "⏳ "}</span>
                        {choice.status === "CONFIRMED"
                          ? t("workshopPlace")
                          : waitlisted
                            ? t("workshopWaitlistedConference")
                            : t("workshopWaitlisted")}
                      </p>
                    </>
                  ) : ranked ? (
                    <p className="font-semibold">{t("ranked")}</p>
                  ) : (
                    <p>{t("noWorkshop")}</p>
                  )}
                </li>
              );
            })}
          </ul>
          {anyWorkshopWaiting && <p className="mt-3">{t("workshopFullHint")}</p>}
        </section>
      )}

      <p className="mt-5 text-lg">
        <span aria-hidden>✉ </span>
        {t.rich(waitlisted ? "confirmationOnItsWay" : "ticketOnItsWay", rich)}
      </p>
      <p className="mt-2 text-muted">{t("mailHint")}</p>
      {!waitlisted && (
        <p className="mt-4">
          <a href={calendarHref} className="inline-flex min-h-11 items-center font-semibold text-petrol-700 underline">
            {t("calendar")}
          </a>
        </p>
      )}
    </div>
  );
}
