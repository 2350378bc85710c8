"use client";
// A ranked round's workshops in order of preference. Without JavaScript (and until it runs) it is a numbered
// list of selects: "1st choice", "2nd choice", ... each offering every workshop. With JavaScript it becomes one
// ordered list with buttons to move a workshop up or down, announced to screen readers; the order travels in the
// same fields ("rankings.<roundId>.<position>"), so the server reads both alike.
import { useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/field";
import { contentLang } from "@/lib/site/content-lang";

export type RankedSession = { id: string; title: string; timeRange: string };

const noSubscription = () => () => {};

export function RankingField({
  roundId,
  sessions,
  initial,
  locale,
  describedBy,
  invalid,
  onChange,
}: {
  roundId: string;
  sessions: RankedSession[];
  /** The ranking to start from (session ids, best first); the programme's order when empty. */
  initial: string[];
  locale: "nl" | "en";
  describedBy?: string;
  invalid?: boolean;
  onChange?: (ranking: string[]) => void;
}) {
  const t = useTranslations("registration.ranking");
  const start = initial.length > 0 ? initial : sessions.map((s) => s.id);
  const [order, setOrder] = useState(start);
  // False on the server and while hydrating, true once JavaScript runs: the selects, then the list.
  const enhanced = useSyncExternalStore(noSubscription, () => true, () => false);
  const [announcement, setAnnouncement] = useState("");
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const name = (position: number) => `rankings.${roundId}.${position}`;

  if (!enhanced) {
    return (
      <ol className="mt-2 space-y-2">
        {sessions.map((_, position) => {
          const id = `ranking-${roundId}-${position}`;
          return (
            <li key={position} className="flex flex-wrap items-center gap-3">
              <label htmlFor={id} className="w-28 font-semibold">
                {t("choice", { position: position + 1 })}
              </label>
              <select id={id} name={name(position)} defaultValue={start[position] ?? ""} aria-describedby={describedBy} aria-invalid={invalid || undefined} className={`${inputClass} flex-1`}>
                <option value="">{t("none")}</option>
                {sessions.map((session) => (
                  <option key={session.id} value={session.id} lang={contentLang(locale)}>
                    {session.title} ({session.timeRange})
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ol>
    );
  }

  const move = (from: number, to: number) => {
    if (to < 0 || to >= order.length) return;
    const next = [...order];
    const [moved] = next.splice(from, 1);
    if (moved === undefined) return;
    next.splice(to, 0, moved);
    setOrder(next);
    onChange?.(next);
    setAnnouncement(t("moved", { title: byId.get(moved)?.title ?? "", position: to + 1 }));
    // Keep the keyboard with the workshop that moved, on the same button unless it just went out of use.
    const atEnd = to === 0 || to === next.length - 1;
    const direction = to < from ? (to === 0 ? "down" : "up") : atEnd ? "up" : "down";
    requestAnimationFrame(() => document.getElementById(`ranking-${roundId}-${moved}-${direction}`)?.focus());
  };

  return (
    <>
      <ol className="mt-2 space-y-2" aria-describedby={describedBy}>
        {order.map((sessionId, position) => {
          const session = byId.get(sessionId);
          if (!session) return null;
          return (
            <li key={sessionId} className="flex items-center gap-3 rounded-md border border-line bg-white p-2">
              <input type="hidden" name={name(position)} value={sessionId} />
              <span aria-hidden className="flex size-9 shrink-0 items-center justify-center rounded-full bg-petrol-800 font-semibold text-white">
                {position + 1}
              </span>
              <span className="flex-1">
                <span className="font-semibold" lang={contentLang(locale)}>
                  {session.title}
                </span>
                <span className="block text-sm text-muted">{session.timeRange}</span>
              </span>
              <span className="flex gap-1">
                <button
                  id={`ranking-${roundId}-${sessionId}-up`}
                  type="button"
                  onClick={() => move(position, position - 1)}
                  disabled={position === 0}
                  aria-label={t("moveUp", { title: session.title })}
                  className="flex size-11 items-center justify-center rounded-md border-2 border-petrol-800 text-lg font-semibold text-petrol-800 disabled:border-line disabled:text-muted"
                >
                  <span aria-hidden>↑</span>
                </button>
                <button
                  id={`ranking-${roundId}-${sessionId}-down`}
                  type="button"
                  onClick={() => move(position, position + 1)}
                  disabled={position === order.length - 1}
                  aria-label={t("moveDown", { title: session.title })}
                  className="flex size-11 items-center justify-center rounded-md border-2 border-petrol-800 text-lg font-semibold text-petrol-800 disabled:border-line disabled:text-muted"
                >
                  <span aria-hidden>↓</span>
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </>
  );
}
