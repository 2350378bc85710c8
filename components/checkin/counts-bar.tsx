"use client";
// Live counts and the network state, always in view at the top of the host screen.
import { useTranslations } from "next-intl";
import type { CheckInCounts } from "@/lib/checkin/schema";

export function CountsBar({ counts, online, pending }: { counts: CheckInCounts | null; online: boolean; pending: number }) {
  const t = useTranslations("checkin");
  return (
    <div className="space-y-2">
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
