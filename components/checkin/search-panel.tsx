"use client";
// Search by name or organisation from two letters on: the server's trigram search while online, the phone's
// own list while offline. A result is one large button: tapping it checks the person in. The screen gives it
// a new key after each verdict, which empties it for the next guest.
import { useEffect, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/field";
import { formatTime } from "@/lib/format";
import { searchLocally } from "@/lib/checkin/local-verdict";
import type { TicketEntry } from "@/lib/checkin/schema";
import type { SearchResult } from "@/lib/checkin/search-result";
import { searchServer } from "./door-api";

const DEBOUNCE_MS = 120;

/** Checked in at the place the host works: the front door, or a session's room (issue 15). */
function fromEntry(entry: TicketEntry, room: string | null): SearchResult {
  const checkedInAt = room ? (entry.rooms?.[room]?.at ?? null) : entry.checkedInAt;
  return { registrationId: entry.registrationId, name: entry.name, organisation: entry.organisation, status: entry.status, checkedInAt };
}

export function SearchPanel({
  slug,
  online,
  entries,
  room,
  onPick,
}: {
  slug: string;
  online: boolean;
  entries: () => Iterable<TicketEntry>;
  /** The session whose room the host works, or null at the front door. */
  room: string | null;
  onPick: (registrationId: string) => void;
}) {
  const t = useTranslations("checkin.search");
  const locale = useLocale() === "en" ? "en" : "nl";
  const [term, setTerm] = useState("");
  const [results, setResults] = useState<SearchResult[] | null>(null);

  const searching = term.trim().length >= 2;
  const shown = searching ? results : null;

  useEffect(() => {
    if (!searching) return;
    const controller = new AbortController();
    const timer = window.setTimeout(async () => {
      const local = () => searchLocally(entries(), term).map((entry) => fromEntry(entry, room));
      if (!online) return setResults(local());
      const outcome = await searchServer(slug, term, controller.signal, room);
      if (controller.signal.aborted) return;
      setResults(outcome.ok ? outcome.body.results : local());
    }, DEBOUNCE_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [term, searching, online, slug, entries, room]);

  return (
    <div className="space-y-2">
      <label htmlFor="checkin-search" className="block font-semibold">
        {t("label")}
      </label>
      <p id="checkin-search-hint" className="text-sm text-muted">
        {t("hint")}
      </p>
      <input id="checkin-search" type="search" value={term} onChange={(e) => setTerm(e.target.value)} aria-describedby="checkin-search-hint" autoComplete="off" className={`${inputClass} text-lg`} />
      <div aria-live="polite" className="sr-only">
        {shown && t("results", { count: shown.length })}
      </div>
      {shown && shown.length === 0 && <p className="font-semibold">{t("none")}</p>}
      {shown && shown.length > 0 && (
        <ul className="divide-y divide-line overflow-hidden rounded-md border border-line bg-white">
          {shown.map((result) => (
            <li key={result.registrationId}>
              <button type="button" onClick={() => onPick(result.registrationId)} className="flex min-h-14 w-full flex-col items-start px-3 py-2 text-left hover:bg-petrol-50">
                <span className="text-lg font-semibold">{result.name}</span>
                <span className="text-sm text-muted">
                  {[result.organisation, result.status === "CONFIRMED" ? null : t(`status.${result.status}`), result.checkedInAt ? `✓ ${t("checkedInAt", { time: formatTime(new Date(result.checkedInAt), locale) })}` : null]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
