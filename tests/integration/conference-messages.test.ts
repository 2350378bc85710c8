// Issue 16, point 5: messages from the organiser to a segment of a conference's people. People are signed up
// through the same function as the form; the message goes through the editor's action definition, as an
// organiser of the organisation. Each segment must reach exactly its people, never anyone who cancelled.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { messageDefinition } from "@/lib/announcements/definitions";
import { messagesOfRegistration, segmentRecipients } from "@/lib/announcements/queries";
import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { cancelRegistration } from "@/lib/places/mutations";
import { checkAnswers } from "@/lib/questions/answers";
import { questionOf } from "@/lib/questions/rows";
import { registerForConference } from "../support/sign-up";
import { createConference, discardTestEmails, registrationInput, round, session, type TestConference } from "../support/factories";
import { addMember, createUser } from "../support/organisation-factories";

vi.mock("@/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined }));

type AnyDefinition = ActionDefinition<never, unknown, string>;
const DAY = 24 * 60 * 60 * 1000;

let conference: TestConference;
let organiser: CurrentUser;
let questionId: string;
const ids: Record<"anna" | "bram" | "cees" | "dirk" | "eva", string> = { anna: "", bram: "", cees: "", dirk: "", eva: "" };
const emails: Record<string, string> = {};

beforeAll(async () => {
  conference = await createConference({ capacity: 3, rounds: [[5, 5, 5]] });
  organiser = await createUser("berichten");
  await addMember(conference.organisationId, organiser, "ORGANISER");
  const question = await db.registrationQuestion.create({
    data: { conferenceId: conference.id, position: 0, type: "YES_NO", labelNl: "Eerste keer?", labelEn: "First time?" },
  });
  questionId = question.id;
  const r0 = round(conference, 0).id;
  const plan: Array<[keyof typeof ids, number | null, boolean | null]> = [
    ["anna", 0, true],
    ["bram", 1, false],
    ["cees", null, null],
    ["dirk", null, true],
    ["eva", null, null],
  ];
  for (const [name, workshop, firstTime] of plan) {
    const input = registrationInput({ name, workshops: workshop === null ? {} : { [r0]: session(conference, 0, workshop).id } });
    const answers = checkAnswers([questionOf(question)], firstTime === null ? {} : { [questionId]: firstTime }, "nl");
    const outcome = await registerForConference(conference.slug, { ...input, storedAnswers: answers.ok ? answers.answers : [] });
    if (!outcome.ok || !outcome.registrationId) throw new Error("sign-up failed");
    ids[name] = outcome.registrationId;
    emails[name] = input.email;
  }
  // Anna, Bram and Cees have a place; Dirk and Eva wait. Cees cancels: Dirk moves up, Eva still waits.
  await cancelRegistration({ registrationId: ids.cees });
  // Anna came in at the door.
  await db.checkIn.create({
    data: { conferenceId: conference.id, registrationId: ids.anna, method: "QR", scannedAt: new Date(), deviceId: "test-deur", clientNonce: randomUUID() },
  });
});
afterAll(async () => {
  await discardTestEmails();
  await db.$disconnect();
});

const names = (recipients: Array<{ id: string }>) =>
  recipients.map((r) => Object.entries(ids).find(([, id]) => id === r.id)?.[0]).sort();

describe("segments", () => {
  it("reaches exactly the people of each segment, never the one who cancelled", async () => {
    const target = await db.conference.findUniqueOrThrow({ where: { id: conference.id }, select: { id: true, endsAt: true } });
    expect(names(await segmentRecipients(db, target, { kind: "confirmed" }))).toEqual(["anna", "bram", "dirk"]);
    expect(names(await segmentRecipients(db, target, { kind: "waitlisted" }))).toEqual(["eva"]);
    expect(names(await segmentRecipients(db, target, { kind: "workshop", sessionId: session(conference, 0, 1).id }))).toEqual(["bram"]);
    expect(names(await segmentRecipients(db, target, { kind: "checkedIn" }))).toEqual(["anna"]);
    expect(names(await segmentRecipients(db, target, { kind: "answer", questionId, value: "yes" }))).toEqual(["anna", "dirk"]);
    expect(names(await segmentRecipients(db, target, { kind: "answer", questionId, value: "no" }))).toEqual(["bram"]);
    // "Did not come" only means something once the conference is over.
    expect(await segmentRecipients(db, target, { kind: "notCheckedIn" })).toEqual([]);
    const after = new Date(target.endsAt.getTime() + DAY);
    expect(names(await segmentRecipients(db, target, { kind: "notCheckedIn" }, after))).toEqual(["bram", "dirk"]);
  });
});

describe("sending a message", () => {
  const message = (fields: Record<string, string>) => ({
    conferenceId: conference.id,
    segment: "confirmed",
    subject: "Parkeren bij het theater",
    body: "Parkeer op P2.\n\nDe ingang is aan de achterkant.",
    ...fields,
  });

  it("counts first, sends a test to the organiser alone, then sends to the segment and records it everywhere", async () => {
    const outboxBefore = await db.emailOutbox.count({ where: { kind: { startsWith: "conference.message" } } });
    const preview = await runAuthorized(messageDefinition as unknown as AnyDefinition, organiser, message({ intent: "preview", segment: `answer:${questionId}:yes` }));
    expect(preview).toMatchObject({ ok: true, data: { intent: "preview", count: 2 } });
    expect(await db.emailOutbox.count({ where: { kind: { startsWith: "conference.message" } } })).toBe(outboxBefore);

    const test = await runAuthorized(messageDefinition as unknown as AnyDefinition, organiser, message({ intent: "test", segment: `answer:${questionId}:yes` }));
    expect(test).toMatchObject({ ok: true, data: { intent: "test", count: 2 } });
    const testMail = await db.emailOutbox.findFirstOrThrow({ where: { kind: "conference.message.test", toAddress: organiser.email } });
    expect(testMail.subject).toBe("[Test] Parkeren bij het theater");
    expect(testMail.textBody).toContain("De ingang is aan de achterkant.");

    const sent = await runAuthorized(messageDefinition as unknown as AnyDefinition, organiser, message({ intent: "send", segment: `answer:${questionId}:yes` }));
    expect(sent).toMatchObject({ ok: true, data: { intent: "send", count: 2 } });
    const mails = await db.emailOutbox.findMany({ where: { kind: "conference.message", subject: "Parkeren bij het theater" } });
    expect(mails.map((m) => m.toAddress).sort()).toEqual([emails.anna, emails.dirk].sort());
    expect(mails.every((m) => m.status === "PENDING")).toBe(true);
    // On each recipient's page, and on nobody else's.
    expect((await messagesOfRegistration(ids.anna)).map((m) => m.subject)).toEqual(["Parkeren bij het theater"]);
    expect(await messagesOfRegistration(ids.bram)).toEqual([]);
    const audit = await db.auditLogEntry.findFirstOrThrow({ where: { action: "conference.message_sent", entityId: conference.id } });
    expect(audit.actorUserId).toBe(organiser.id);
    expect(audit.details).toMatchObject({ subject: "Parkeren bij het theater", rows: 2 });
  });

  it("refuses to send to nobody, and refuses an empty message", async () => {
    const nobody = await runAuthorized(messageDefinition as unknown as AnyDefinition, organiser, message({ intent: "send", segment: `workshop:${session(conference, 0, 2).id}` }));
    expect(nobody).toMatchObject({ ok: false, reason: "noRecipients" });
    const empty = await runAuthorized(messageDefinition as unknown as AnyDefinition, organiser, message({ intent: "send", body: "   " }));
    expect(empty).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { body: "required" } });
  });

  it("refuses anyone who is not an organiser of the conference's organisation, and sends nothing", async () => {
    const stranger = await createUser("vreemde");
    const host = await createUser("gastheer");
    await addMember(conference.organisationId, host, "HOST");
    const before = await db.emailOutbox.count();
    for (const [user, reason] of [
      [null, "unauthenticated"],
      // Not a member: the conference is not found for them, as any other organisation's record.
      [stranger, "notFound"],
      [host, "forbidden"],
    ] as const) {
      const outcome = await runAuthorized(messageDefinition as unknown as AnyDefinition, user, message({ intent: "send" }));
      expect(outcome.ok ? "sent" : outcome.reason).toBe(reason);
    }
    expect(await db.emailOutbox.count()).toBe(before);
  });
});
