import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cancelRegistration, PLACES_TRANSACTION, setConferenceCapacity, setSessionCapacity } from "@/lib/places/mutations";
import { changeWorkshops } from "@/lib/registrations/manage";
import { registrationOfToken } from "@/lib/registrations/manage-links";
import { registerForConference } from "../support/sign-up";
import {
  createConference,
  discardTestEmails,
  emailsTo,
  latestManageToken,
  manageTokenFrom,
  registrationInput,
  round,
  session,
  type TestConference,
  uniqueEmail,
} from "../support/factories";

const MINUTE = 60_000;

/** `waitingSince`: as if the person had joined the waitlist then, rather than now. */
async function register(conference: TestConference, options: { email?: string; workshops?: Record<string, string>; waitingSince?: Date } = {}) {
  const email = options.email ?? uniqueEmail("wachtlijst");
  const outcome = await registerForConference(
    conference.slug,
    registrationInput({ email, workshops: options.workshops ?? {} }),
  );
  if (!outcome.ok || !outcome.registrationId) throw new Error(`registration of ${email} failed: ${JSON.stringify(outcome)}`);
  if (options.waitingSince) {
    await db.registration.update({ where: { id: outcome.registrationId, status: "WAITLISTED" }, data: { waitlistedAt: options.waitingSince } });
  }
  return { id: outcome.registrationId, email };
}


function kindsOf(email: string) {
  return emailsTo(email).then((emails) => emails.map((e) => e.kind));
}

const attachmentTypes = (attachments: unknown) => (attachments as Array<{ contentType: string }>).map((a) => a.contentType.split(";")[0]);

describe("waitlist", () => {
  afterAll(async () => {
    await discardTestEmails();
    await db.$disconnect();
  });

  it("three cancellations at once promote the three longest waiting, in waitlist order, each with a ticket", async () => {
    const conference = await createConference({ capacity: 4 });
    const confirmed: Array<{ id: string; email: string }> = [];
    for (let i = 0; i < 4; i++) confirmed.push(await register(conference));
    // Joined the waitlist in this order of time, deliberately not the order of the calls.
    const base = Date.now() - 60 * MINUTE;
    const offsets = [3, 1, 4, 0, 2];
    const waiting: Array<{ id: string; email: string }> = [];
    for (const offset of offsets) waiting.push(await register(conference, { waitingSince: new Date(base + offset * MINUTE) }));
    const oldTokens = await Promise.all(waiting.map((w) => latestManageToken(w.email)));
    const byWaitingTime = offsets.map((offset, i) => ({ offset, registration: waiting[i] })).sort((a, b) => a.offset - b.offset);
    const expectedPromoted = byWaitingTime.slice(0, 3).map((w) => w.registration?.id);

    const outcomes = await Promise.all([confirmed[1], confirmed[3], confirmed[0]].map((c) => cancelRegistration({ registrationId: c?.id ?? "" })));

    expect(outcomes).toEqual([
      { ok: true, promoted: 1 },
      { ok: true, promoted: 1 },
      { ok: true, promoted: 1 },
    ]);
    const promoted = await db.registration.findMany({
      where: { conferenceId: conference.id, status: "CONFIRMED", waitlistedAt: { not: null } },
      orderBy: [{ confirmedAt: "asc" }, { waitlistedAt: "asc" }],
    });
    expect(promoted.map((r) => r.id)).toEqual(expectedPromoted);
    for (const r of promoted) expect(r.confirmedAt).toBeInstanceOf(Date);
    // Promoted one by one, so their confirmation times follow the waitlist.
    const times = promoted.map((r) => r.confirmedAt?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(await db.registration.count({ where: { conferenceId: conference.id, status: "CONFIRMED" } })).toBe(4);
    expect(await db.registration.count({ where: { conferenceId: conference.id, status: "WAITLISTED" } })).toBe(2);
    const cancelled = await db.registration.findMany({ where: { conferenceId: conference.id, status: "CANCELLED" } });
    expect(cancelled).toHaveLength(3);
    for (const r of cancelled) expect([r.activeEmailKey, r.cancelledAt === null]).toEqual([null, false]);

    for (const [index, registration] of waiting.entries()) {
      const emails = await emailsTo(registration.email);
      const wasPromoted = expectedPromoted.includes(registration.id);
      expect(emails.map((e) => e.kind)).toEqual(wasPromoted ? ["registration.waitlisted", "registration.promoted"] : ["registration.waitlisted"]);
      if (!wasPromoted) continue;
      const ticket = emails[1];
      const row = promoted.find((r) => r.id === registration.id);
      expect(ticket?.textBody).toContain(row?.ticketCode ?? "missing");
      expect(attachmentTypes(ticket?.attachments)).toEqual(["image/png", "text/calendar"]);
      // The promotion email carries a manage link of its own; the one from the waitlist email keeps working.
      const newToken = manageTokenFrom(ticket?.textBody ?? "");
      expect((await registrationOfToken(newToken))?.id).toBe(registration.id);
      expect((await registrationOfToken(oldTokens[index] ?? ""))?.id).toBe(registration.id);
    }
  });

  it("a workshop place freed by a cancellation goes to the longest waiting confirmed registrant", async () => {
    const conference = await createConference({ capacity: 10, rounds: [[1, 5]] });
    const [r0, full] = [round(conference, 0), session(conference, 0, 0)];
    const holder = await register(conference, { workshops: { [r0.id]: full.id } });
    const first = await register(conference, { workshops: { [r0.id]: full.id } });
    const second = await register(conference, { workshops: { [r0.id]: full.id } });
    const firstToken = await latestManageToken(first.email);

    expect(await cancelRegistration({ registrationId: holder.id })).toEqual({ ok: true, promoted: 0 });

    const choiceOf = (registrationId: string) => db.workshopChoice.findFirstOrThrow({ where: { registrationId } });
    expect((await choiceOf(first.id)).status).toBe("CONFIRMED");
    expect((await choiceOf(second.id)).status).toBe("WAITLISTED");
    expect(await kindsOf(first.email)).toEqual(["registration.confirmed", "registration.workshopPromoted"]);
    expect(await kindsOf(second.email)).toEqual(["registration.confirmed"]);
    const notice = (await emailsTo(first.email))[1];
    expect(notice?.textBody).toContain("Workshop 1A");
    expect((await registrationOfToken(manageTokenFrom(notice?.textBody ?? "")))?.id).toBe(first.id);
    expect((await registrationOfToken(firstToken))?.id).toBe(first.id);
  });

  it("a freed workshop place skips people still on the conference's waitlist, even if they chose it earlier", async () => {
    const conference = await createConference({ capacity: 2, rounds: [[1, 5, 5]] });
    const r0 = round(conference, 0);
    const [wanted, other, third] = [session(conference, 0, 0), session(conference, 0, 1), session(conference, 0, 2)];
    const holder = await register(conference, { workshops: { [r0.id]: wanted.id } });
    const confirmed = await register(conference, { workshops: { [r0.id]: other.id } });
    const onWaitlist = await register(conference, { workshops: { [r0.id]: wanted.id } });
    // Later than the waitlisted person's choice, the confirmed person also asks to wait for the full workshop.
    expect(await changeWorkshops(await latestManageToken(confirmed.email), { [r0.id]: wanted.id })).toEqual({ ok: true });

    // The holder moves to another workshop: one place in `wanted` is free, no conference place is.
    expect(await changeWorkshops(await latestManageToken(holder.email), { [r0.id]: third.id })).toEqual({ ok: true });

    const statusOf = async (registrationId: string) => (await db.workshopChoice.findFirstOrThrow({ where: { registrationId } })).status;
    expect(await statusOf(confirmed.id)).toBe("CONFIRMED");
    expect(await statusOf(onWaitlist.id)).toBe("WAITLISTED");
    expect(await statusOf(holder.id)).toBe("CONFIRMED");
    // Their own change brought the updated ticket; the place that came free later, the news of it.
    expect(await kindsOf(confirmed.email)).toEqual(["registration.confirmed", "registration.workshopsChanged", "registration.workshopPromoted"]);
    expect(await kindsOf(onWaitlist.email)).toEqual(["registration.waitlisted"]);
  });

  it("a person promoted to the conference gets their workshop in the same ticket email, not a second email", async () => {
    const conference = await createConference({ capacity: 1, rounds: [[1]] });
    const [r0, only] = [round(conference, 0), session(conference, 0, 0)];
    const holder = await register(conference, { workshops: { [r0.id]: only.id } });
    const waiting = await register(conference, { workshops: { [r0.id]: only.id } });
    expect((await db.workshopChoice.findFirstOrThrow({ where: { registrationId: waiting.id } })).status).toBe("WAITLISTED");

    expect(await cancelRegistration({ registrationId: holder.id })).toEqual({ ok: true, promoted: 1 });

    expect((await db.registration.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("CONFIRMED");
    expect((await db.workshopChoice.findFirstOrThrow({ where: { registrationId: waiting.id } })).status).toBe("CONFIRMED");
    const emails = await emailsTo(waiting.email);
    expect(emails.map((e) => e.kind)).toEqual(["registration.waitlisted", "registration.promoted"]);
    // The workshop line without "(wachtlijst)": the place is theirs.
    expect(emails[1]?.textBody).toMatch(/Workshop 1A\n/);
    expect(emails[1]?.textBody).not.toContain("Workshop 1A (wachtlijst)");
  });

  it("a promoted person's choice of a workshop without a place limit is confirmed too", async () => {
    const conference = await createConference({ capacity: 1, rounds: [[null]] });
    const [r0, open] = [round(conference, 0), session(conference, 0, 0)];
    const holder = await register(conference, { workshops: { [r0.id]: open.id } });
    const waiting = await register(conference, { workshops: { [r0.id]: open.id } });
    expect((await db.workshopChoice.findFirstOrThrow({ where: { registrationId: holder.id } })).status).toBe("CONFIRMED");

    await cancelRegistration({ registrationId: holder.id });

    expect((await db.registration.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("CONFIRMED");
    expect((await db.workshopChoice.findFirstOrThrow({ where: { registrationId: waiting.id } })).status).toBe("CONFIRMED");
  });

  it("raising the conference's capacity promotes the longest waiting, as an organiser's change will", async () => {
    const conference = await createConference({ capacity: 2 });
    for (let i = 0; i < 2; i++) await register(conference);
    const base = Date.now() - 60 * MINUTE;
    const late = await register(conference, { waitingSince: new Date(base + 2 * MINUTE) });
    const early = await register(conference, { waitingSince: new Date(base) });
    const middle = await register(conference, { waitingSince: new Date(base + MINUTE) });

    // The organiser's action: inside the edit's transaction, lib/places sets the capacity and fills the new places.
    const placed = await db.$transaction((tx) => setConferenceCapacity(tx, conference.id, 4), PLACES_TRANSACTION);

    expect(placed).toEqual({ outcome: "set", promoted: 2 });
    const status = async (id: string) => (await db.registration.findUniqueOrThrow({ where: { id } })).status;
    expect([await status(early.id), await status(middle.id), await status(late.id)]).toEqual(["CONFIRMED", "CONFIRMED", "WAITLISTED"]);
    expect(await kindsOf(early.email)).toEqual(["registration.waitlisted", "registration.promoted"]);
    expect(await kindsOf(late.email)).toEqual(["registration.waitlisted"]);
  });

  it("a cancelled conference promotes nobody and mails no ticket, whoever cancels or whatever capacity is raised", async () => {
    const conference = await createConference({ capacity: 1, rounds: [[5]] });
    const r0 = round(conference, 0);
    const workshop = session(conference, 0, 0);
    const holder = await register(conference, { workshops: { [r0.id]: workshop.id } });
    const waiting = await register(conference);
    await db.conference.update({ where: { id: conference.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });

    // The attendee cancels their own place, then the organiser raises the capacity: both would promote.
    expect(await cancelRegistration({ registrationId: holder.id })).toEqual({ ok: true, promoted: 0 });
    const placed = await db.$transaction((tx) => setConferenceCapacity(tx, conference.id, 10), PLACES_TRANSACTION);
    expect(placed).toEqual({ outcome: "set", promoted: 0 });
    expect((await db.registration.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("WAITLISTED");
    expect(await kindsOf(waiting.email)).toEqual(["registration.waitlisted"]);
  });

  it("a confirmed person of a cancelled conference cannot change workshops with the manage link", async () => {
    const conference = await createConference({ rounds: [[5, 5]] });
    const r0 = round(conference, 0);
    const person = await register(conference, { workshops: { [r0.id]: session(conference, 0, 0).id } });
    const token = await latestManageToken(person.email);
    await db.conference.update({ where: { id: conference.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    expect(await changeWorkshops(token, { [r0.id]: session(conference, 0, 1).id })).toEqual({ ok: false, reason: "conferenceCancelled" });
    const choices = await db.workshopChoice.findMany({ where: { registrationId: person.id } });
    expect(choices.map((c) => c.sessionId)).toEqual([session(conference, 0, 0).id]);
  });

  it("raising a workshop's capacity gives the new places to the confirmed people waiting longest", async () => {
    const conference = await createConference({ capacity: 10, rounds: [[1]] });
    const [r0, small] = [round(conference, 0), session(conference, 0, 0)];
    await register(conference, { workshops: { [r0.id]: small.id } });
    const first = await register(conference, { workshops: { [r0.id]: small.id } });
    const second = await register(conference, { workshops: { [r0.id]: small.id } });
    const third = await register(conference, { workshops: { [r0.id]: small.id } });

    expect(await db.$transaction((tx) => setSessionCapacity(tx, small.id, 3), PLACES_TRANSACTION)).toEqual({ outcome: "set", promoted: 2 });

    const statusOf = async (registrationId: string) => (await db.workshopChoice.findFirstOrThrow({ where: { registrationId } })).status;
    expect([await statusOf(first.id), await statusOf(second.id), await statusOf(third.id)]).toEqual(["CONFIRMED", "CONFIRMED", "WAITLISTED"]);
    expect(await kindsOf(second.email)).toEqual(["registration.confirmed", "registration.workshopPromoted"]);
    expect(await kindsOf(third.email)).toEqual(["registration.confirmed"]);
  });
});
