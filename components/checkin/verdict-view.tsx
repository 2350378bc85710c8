"use client";
// The verdict, full screen, readable at arm's length: a colour field, an icon and words (never colour alone),
// the name very large. A keyboard-wedge scanner typing the next code here starts the next scan at once.
import { useEffect, useRef } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatTime } from "@/lib/format";
import type { Verdict } from "@/lib/checkin/schema";

const TONE = {
  welcome: { field: "bg-ok-700 text-white", icon: "✓" },
  already: { field: "bg-amber-300 text-ink", icon: "!" },
  unknown: { field: "bg-bad-700 text-white", icon: "✕" },
  cancelled: { field: "bg-bad-700 text-white", icon: "✕" },
  waitlisted: { field: "bg-bad-700 text-white", icon: "✕" },
  choose: { field: "bg-petrol-800 text-white", icon: "?" },
  // Room mode (issue 15): amber with its own sign and words, so it never rests on colour alone.
  wrongRoom: { field: "bg-amber-300 text-ink", icon: "⇄" },
} as const;

export function VerdictView({
  verdict,
  offline,
  onNext,
  onUndo,
  onWedgeCode,
  onPick,
  onAdmit,
  badgeHref,
}: {
  verdict: Verdict;
  offline: boolean;
  onNext: () => void;
  onUndo: (() => void) | null;
  onWedgeCode: (code: string) => void;
  /** A door code fitted several people: the host picks one, which is then checked in by its id. */
  onPick: (registrationId: string) => void;
  /** Room mode: admit someone whose place is in another workshop anyway (a new, recorded scan). */
  onAdmit: (registrationId: string) => void;
  /** Where this person's badge can be printed (a walk-in's, or one that got lost), when there is one. */
  badgeHref: string | null;
}) {
  const t = useTranslations("checkin.verdict");
  const tRoom = useTranslations("attendance.door");
  const locale = useLocale() === "en" ? "en" : "nl";
  const next = useRef<HTMLButtonElement>(null);
  const typed = useRef("");

  const firstCandidate = useRef<HTMLButtonElement>(null);

  useEffect(() => (firstCandidate.current ?? next.current)?.focus(), [verdict]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Enter" && typed.current.length >= 16) {
        event.preventDefault();
        onWedgeCode(typed.current);
        typed.current = "";
      } else if (event.key.length === 1 && /[0-9A-Za-z-]/.test(event.key)) {
        typed.current += event.key;
      } else if (event.key === "Escape") {
        onNext();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onNext, onWedgeCode]);

  const tone = TONE[verdict.kind];
  const heading =
    verdict.kind === "welcome"
      ? t("welcome", { name: verdict.attendee.name })
      : verdict.kind === "already"
        ? verdict.by
          ? t("already", { time: formatTime(new Date(verdict.at), locale), host: verdict.by })
          : t("alreadyNoHost", { time: formatTime(new Date(verdict.at), locale) })
        : t(verdict.kind);

  return (
    <div role="alertdialog" aria-modal="true" aria-labelledby="verdict-heading" aria-describedby="verdict-label" className={`fixed inset-0 z-50 flex flex-col overflow-y-auto p-5 ${tone.field}`} data-verdict={verdict.kind}>
      <p id="verdict-label" className="flex items-center gap-3 text-2xl font-semibold uppercase tracking-wide">
        <span aria-hidden className="flex size-12 items-center justify-center rounded-full border-4 border-current text-3xl leading-none">
          {tone.icon}
        </span>
        {t(`${verdict.kind}Label`)}
      </p>
      <h2 id="verdict-heading" className="mt-6 text-4xl leading-tight font-semibold break-words">
        {heading}
      </h2>
      {verdict.kind === "already" && <p className="mt-2 text-3xl font-semibold">{verdict.attendee.name}</p>}
      <div className="mt-4 flex-1 space-y-4 text-xl">
        {"attendee" in verdict ? <AttendeeDetails verdict={verdict} /> : null}
        {verdict.kind === "already" && <p>{t("alreadyAdvice")}</p>}
        {verdict.kind === "unknown" && <p>{t("unknownAdvice")}</p>}
        {verdict.kind === "welcome" && verdict.outsideChoice && <p className="rounded-md border-2 border-current p-3 font-semibold">{tRoom("admittedOutside")}</p>}
        {verdict.kind === "wrongRoom" && (
          <div data-testid="own-room" className="space-y-2">
            <p className="text-2xl font-semibold">
              {verdict.own ? tRoom("ownWorkshop", { name: verdict.attendee.name, title: verdict.own.title }) : tRoom("noPlace", { name: verdict.attendee.name })}
            </p>
            {verdict.own?.room && <p className="text-2xl">{tRoom("ownRoom", { room: verdict.own.room })}</p>}
            <p>{tRoom("wrongRoomAdvice")}</p>
          </div>
        )}
        {verdict.kind === "choose" && (
          <>
            <p>{t("chooseAdvice", { count: verdict.candidates.length })}</p>
            <ul className="grid gap-3">
              {verdict.candidates.map((candidate, index) => (
                <li key={candidate.registrationId}>
                  <button
                    ref={index === 0 ? firstCandidate : undefined}
                    type="button"
                    onClick={() => onPick(candidate.registrationId)}
                    className="flex min-h-16 w-full flex-col items-start rounded-lg bg-white px-4 py-2 text-left text-ink shadow"
                  >
                    <span className="text-2xl font-semibold">{candidate.name}</span>
                    {(candidate.organisation || candidate.status !== "CONFIRMED") && (
                      <span className="text-lg text-muted">
                        {[candidate.organisation, candidate.status === "CONFIRMED" ? null : t(`candidateStatus.${candidate.status}`)].filter(Boolean).join(" · ")}
                      </span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {(verdict.kind === "cancelled" || verdict.kind === "waitlisted") && (
          <>
            <p className="text-3xl font-semibold">{verdict.name}</p>
            <p>{t(`${verdict.kind}Advice`, { name: verdict.name })}</p>
          </>
        )}
        {offline && <p className="rounded-md border-2 border-current p-3 text-lg">{t("decidedOffline")}</p>}
      </div>
      <div className="mt-6 grid gap-3">
        <button ref={next} type="button" onClick={onNext} className="min-h-16 rounded-lg bg-white px-4 text-2xl font-semibold text-ink shadow">
          {t("next")}
        </button>
        {badgeHref && (
          <a href={badgeHref} target="_blank" rel="noopener" className="flex min-h-14 items-center justify-center rounded-lg border-2 border-current px-4 text-xl font-semibold">
            {t("printBadge")}
            <span className="sr-only"> {t("opensNewTab")}</span>
          </a>
        )}
        {verdict.kind === "wrongRoom" && (
          <button type="button" onClick={() => onAdmit(verdict.attendee.registrationId)} className="min-h-14 rounded-lg border-2 border-current px-4 text-xl font-semibold">
            {tRoom("admitAnyway")}
          </button>
        )}
        {onUndo && (
          <button type="button" onClick={onUndo} className="min-h-14 rounded-lg border-2 border-current px-4 text-xl font-semibold">
            {t("undo")}
          </button>
        )}
      </div>
    </div>
  );
}

function AttendeeDetails({ verdict }: { verdict: Extract<Verdict, { attendee: unknown }> }) {
  const t = useTranslations("checkin.verdict");
  const { attendee } = verdict;
  const needs = [
    [t("hostNote"), attendee.hostNote],
    [t("dietary"), attendee.dietaryNeeds],
    [t("accessibility"), attendee.accessibilityNeeds],
  ] as const;
  return (
    <>
      {attendee.organisation && <p className="text-2xl">{attendee.organisation}</p>}
      {attendee.workshops.length > 0 && (
        <div>
          <h3 className="font-semibold">{t("workshops")}</h3>
          <ul className="list-disc pl-6">
            {attendee.workshops.map((title) => (
              <li key={title}>{title}</li>
            ))}
          </ul>
        </div>
      )}
      {needs.map(([label, text]) =>
        text ? (
          <p key={label} className="rounded-md bg-white p-3 text-ink">
            <span className="font-semibold">⚑ {label}:</span> {text}
          </p>
        ) : null,
      )}
    </>
  );
}
