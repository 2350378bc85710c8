// Colour, icon and word together: never colour alone.
type Status = "CONFIRMED" | "WAITLISTED" | "CANCELLED";

const LOOK: Record<Status, { icon: string; className: string }> = {
  CONFIRMED: { icon: "✓", className: "border-ok-700 bg-ok-50 text-ok-700" },
  WAITLISTED: { icon: "⏳", className: "border-accent-700 bg-white text-accent-700" },
  CANCELLED: { icon: "✕", className: "border-bad-700 bg-bad-50 text-bad-700" },
};

export function RegistrationStatusBadge({ status, label }: { status: Status; label: string }) {
  const look = LOOK[status];
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2.5 py-0.5 text-sm font-semibold ${look.className}`}>
      <span aria-hidden>{look.icon}</span>
      {label}
    </span>
  );
}
