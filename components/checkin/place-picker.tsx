"use client";
// Where the host checks people in (issue 15): the front door (arrival) or one session's room. A phone at a
// workshop room keeps its choice between page loads; the words above the scanner say which place it is.
import { useLocale, useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/field";
import { formatTime } from "@/lib/format";
import type { DoorSession } from "@/lib/checkin/schema";

export function PlacePicker({ sessions, value, onChange }: { sessions: readonly DoorSession[]; value: string | null; onChange: (sessionId: string | null) => void }) {
  const t = useTranslations("attendance.door");
  const locale = useLocale() === "en" ? "en" : "nl";
  const groups = new Map<string, DoorSession[]>();
  for (const session of sessions) {
    const group = session.roundTitle ?? t("plenary");
    groups.set(group, [...(groups.get(group) ?? []), session]);
  }
  const label = (s: DoorSession) => `${t("sessionOption", { time: formatTime(new Date(s.startsAt), locale), title: s.title })}${s.room ? ` (${s.room})` : ""}`;
  return (
    <div className="space-y-1">
      <label htmlFor="checkin-place" className="block font-semibold">
        {t("placeLabel")}
      </label>
      <p id="checkin-place-hint" className="text-sm text-muted">
        {t("placeHint")}
      </p>
      <select id="checkin-place" aria-describedby="checkin-place-hint" value={value ?? ""} onChange={(e) => onChange(e.target.value || null)} className={`${inputClass} min-h-12 text-lg`}>
        <option value="">{t("frontDoor")}</option>
        {[...groups].map(([group, list]) => (
          <optgroup key={group} label={group}>
            {list.map((s) => (
              <option key={s.sessionId} value={s.sessionId}>
                {label(s)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
