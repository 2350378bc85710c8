"use client";
// Live counts and the network state, always in view at the top of the host screen.
import { useTranslations } from "next-intl";
import type { CheckInCounts, DoorSession } from "@/lib/checkin/schema";

/** room: in room mode (issue 15) the room's own count comes first: checked in here of the places it has. */
export function CountsBar({ counts, online, pending, room }: { counts: CheckInCounts | null; online: boolean; pending: number; room: DoorSession | null }) {
  const t = useTranslations("checkin");
  const tRoom = useTranslations("attendance.door");
  const places = room && counts ? (room.roundId ? (counts.workshops.find((w) => w.sessionId === room.sessionId)?.confirmed ?? 0) : counts.confirmed) : null;
  return (
    <div className="space-y-2">
      {room && (
        <p className="flex items-baseline justify-between gap-3">
          <span className="font-semibold">{tRoom("roomCount")}</span>
          <output aria-live="off" data-testid="room-count" className="text-3xl font-semibold tabular-nums">
            {counts && places !== null ? t("counts.value", { checkedIn: counts.rooms?.[room.sessionId] ?? 0, confirmed: places }) : "–"}
          </output>
        </p>
      )}
      <p className="flex items-baseline justify-between gap-3">
        <span className="font-semibold">{t("counts.label")}</span>
        <output aria-live="off" data-testid="checkin-count" className="text-3xl font-semibold tabular-nums">
          {counts ? t("counts.value", { checkedIn: counts.checkedIn, confirmed: counts.confirmed }) : "–"}
        </output>
      </p>
      <p role="status" className={`rounded-md px-3 py-2 font-semibold ${online ? "bg-ok-50 text-ok-700" : "bg-warn-50 text-warn-800"}`}>
        <span aria-hidden>{online ? "● " : "◌ "}</span>
        {online ? t("network.online") : t("network.offline")}
        {pending > 0 && <span className="block">{t("network.pending", { count: pending })}</span>}
      </p>
      {counts && counts.workshops.length > 0 && (
        <details className="rounded-md border border-line bg-white px-3 py-2">
          <summary className="min-h-10 cursor-pointer py-2 font-semibold">{t("counts.workshops")}</summary>
          <ul className="pb-2">
            {counts.workshops.map((w) => (
              <li key={w.sessionId} className="flex justify-between gap-3 py-1">
                <span>{w.title}</span>
                <span className="tabular-nums">{t("counts.value", { checkedIn: w.checkedIn, confirmed: w.confirmed })}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
