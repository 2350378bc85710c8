import type { ConferenceStatus } from "@/lib/generated/prisma/enums";

// Colour, icon and word together: never colour alone.
const LOOK: Record<ConferenceStatus, { icon: string; className: string }> = {
  DRAFT: { icon: "✎", className: "border-line bg-paper text-muted" },
  PUBLISHED: { icon: "✓", className: "border-ok-700 bg-ok-50 text-ok-700" },
  CANCELLED: { icon: "✕", className: "border-bad-700 bg-bad-50 text-bad-700" },
};

export function StatusBadge({ status, label }: { status: ConferenceStatus; label: string }) {
  const look = LOOK[status];
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2.5 py-0.5 text-sm font-semibold ${look.className}`}>
      <span aria-hidden>{look.icon}</span>
      {label}
    </span>
  );
}
