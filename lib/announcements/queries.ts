import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { meetsCondition, type AnswerValue } from "@/lib/questions/schema";
import type { Segment } from "./schema";

export type Recipient = { id: string; name: string; email: string; locale: string };

// A check-in that stands: not undone since.
const CAME = { action: "CHECK_IN", undoneBy: { is: null } } satisfies Prisma.CheckInWhereInput;

/**
 * Who a segment of a conference is now: never anyone who cancelled, was erased, or gave no address (a walk-in
 * without one). The one home of this rule: the count in the preview and the send both read it.
 */
export async function segmentRecipients(
  client: Tx | typeof db,
  conference: { id: string; endsAt: Date },
  segment: Segment,
  now: Date = new Date(),
): Promise<Recipient[]> {
  const base = { conferenceId: conference.id, erasedAt: null, status: { not: "CANCELLED" }, email: { not: "" } } satisfies Prisma.RegistrationWhereInput;
  let where: Prisma.RegistrationWhereInput;
  switch (segment.kind) {
    case "confirmed":
      where = { ...base, status: "CONFIRMED" };
      break;
    case "waitlisted":
      where = { ...base, status: "WAITLISTED" };
      break;
    case "workshop":
      where = { ...base, status: "CONFIRMED", choices: { some: { sessionId: segment.sessionId, status: "CONFIRMED" } } };
      break;
    case "checkedIn":
      where = { ...base, checkIns: { some: CAME } };
      break;
    case "notCheckedIn":
      // Before the end, "not checked in" is everyone still on their way: only afterwards is it who did not come.
      if (conference.endsAt > now) return [];
      where = { ...base, status: "CONFIRMED", checkIns: { none: CAME } };
      break;
    case "answer": {
      const answers = await client.registrationAnswer.findMany({
        where: { questionId: segment.questionId, question: { conferenceId: conference.id } },
        select: { registrationId: true, value: true },
      });
      const ids = answers.filter((a) => meetsCondition(a.value as AnswerValue, segment.value)).map((a) => a.registrationId);
      where = { ...base, id: { in: ids } };
      break;
    }
  }
  return client.registration.findMany({ where, select: { id: true, name: true, email: true, locale: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

/** A conference's messages, newest first (the organiser's own conference: the caller checked access). */
export async function messagesOfConference(conferenceId: string) {
  return db.conferenceMessage.findMany({
    where: { conferenceId },
    orderBy: { sentAt: "desc" },
    select: { id: true, subject: true, segment: true, recipientCount: true, sentAt: true, sentBy: { select: { name: true, email: true } } },
  });
}

/** The messages a registration was sent, oldest first, for its page in the dashboard. */
export async function messagesOfRegistration(registrationId: string) {
  const rows = await db.messageRecipient.findMany({
    where: { registrationId },
    select: { message: { select: { id: true, subject: true, body: true, sentAt: true } } },
    orderBy: { message: { sentAt: "asc" } },
  });
  return rows.map((row) => row.message);
}
