import type { ReportStatus } from "@/lib/generated/prisma/enums";

export type ReportDisplayStatus = "draft" | "scheduled" | "published";

/** What a visitor sees: a scheduled report whose moment has passed is simply published. */
export function reportDisplayStatus(status: ReportStatus, publishedAt: Date | null, now: Date): ReportDisplayStatus {
  if (status === "DRAFT") return "draft";
  if (status === "SCHEDULED" && (!publishedAt || publishedAt > now)) return "scheduled";
  return "published";
}

// Colour, icon and word together: never colour alone (like the conferences' StatusBadge).
const LOOK: Record<ReportDisplayStatus, { icon: string; className: string }> = {
  draft: { icon: "✎", className: "border-line bg-paper text-muted" },
  scheduled: { icon: "⏱", className: "border-petrol-700 bg-petrol-50 text-petrol-800" },
  published: { icon: "✓", className: "border-ok-700 bg-ok-50 text-ok-700" },
};

export function ReportStatusBadge({ status, label }: { status: ReportDisplayStatus; label: string }) {
  const look = LOOK[status];
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2.5 py-0.5 text-sm font-semibold ${look.className}`}>
      <span aria-hidden>{look.icon}</span>
      {label}
    </span>
  );
}
