// Whether a visitor can sign up right now, and if not, why. Pure, so the page, the form and the API agree.
export type RegistrationState = "open" | "full" | "notYetOpen" | "closed" | "cancelled" | "past" | "draft";

export type RegistrationWindow = {
  status: "DRAFT" | "PUBLISHED" | "CANCELLED";
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
};

export function registrationState(conference: RegistrationWindow, confirmedCount: number, now = new Date()): RegistrationState {
  if (conference.status === "DRAFT") return "draft";
  if (conference.status === "CANCELLED") return "cancelled";
  if (now >= conference.endsAt) return "past";
  if (conference.registrationOpensAt && now < conference.registrationOpensAt) return "notYetOpen";
  // Without an explicit closing time, sign-up closes when the conference starts.
  const closesAt = conference.registrationClosesAt ?? conference.startsAt;
  if (now >= closesAt) return "closed";
  return confirmedCount >= conference.capacity ? "full" : "open";
}
