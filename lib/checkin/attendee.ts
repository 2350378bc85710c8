// The part of a registration a host sees at the door, read the same way by verdicts, search and the ticket list.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Attendee } from "./schema";

export const ATTENDEE_SELECT = {
  id: true,
  name: true,
  organisation: true,
  hostNote: true,
  dietaryNeeds: true,
  accessibilityNeeds: true,
  // Only workshops with a place: a waitlisted workshop is not where the host should send someone.
  choices: {
    where: { status: "CONFIRMED" },
    select: { session: { select: { title: true } }, round: { select: { position: true } } },
    orderBy: { round: { position: "asc" } },
  },
} as const satisfies Prisma.RegistrationSelect;

export type AttendeeRow = Prisma.RegistrationGetPayload<{ select: typeof ATTENDEE_SELECT }>;

export function toAttendee(row: AttendeeRow): Attendee {
  return {
    registrationId: row.id,
    name: row.name,
    organisation: row.organisation,
    workshops: row.choices.map((choice) => choice.session.title),
    hostNote: row.hostNote,
    dietaryNeeds: row.dietaryNeeds,
    accessibilityNeeds: row.accessibilityNeeds,
  };
}
