import "server-only";
import { db, type Tx } from "@/lib/db";

// What a conference needs before the public sees it, shown beside the publish button. Only the organiser's
// contact address is required (the privacy statement and every email promise it); the rest is reported so
// nobody publishes a page without a venue or a programme by accident, but an organiser may still choose to.

export const CHECKLIST_ITEMS = ["venue", "programme", "capacity", "signUpWindow", "contact"] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];
export const REQUIRED_FOR_PUBLISHING: readonly ChecklistItem[] = ["contact"];

export type PublishChecklist = Array<{ item: ChecklistItem; done: boolean; required: boolean }>;

/** The checklist of one of the organisation's conferences, or null when it has no such conference. */
export async function publishChecklist(
  organisationId: string,
  conferenceId: string,
  client: Pick<Tx, "conference"> = db,
): Promise<PublishChecklist | null> {
  const conference = await client.conference.findFirst({
    where: { id: conferenceId, organisationId },
    select: {
      venueId: true,
      capacity: true,
      registrationClosesAt: true,
      organisation: { select: { contactEmail: true } },
      _count: { select: { sessions: true } },
    },
  });
  if (!conference) return null;
  const done: Record<ChecklistItem, boolean> = {
    venue: conference.venueId !== null,
    programme: conference._count.sessions > 0,
    capacity: conference.capacity > 0,
    // Without a closing moment sign-up stays open until the conference ends: rarely what caterers want.
    signUpWindow: conference.registrationClosesAt !== null,
    contact: Boolean(conference.organisation.contactEmail),
  };
  return CHECKLIST_ITEMS.map((item) => ({ item, done: done[item], required: REQUIRED_FOR_PUBLISHING.includes(item) }));
}

/** Whether every required item is done. */
export function readyToPublish(checklist: PublishChecklist): boolean {
  return checklist.every((entry) => entry.done || !entry.required);
}
