import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cancelByToken, changeWorkshops, eraseByToken, exportByToken, updateNeeds } from "@/lib/registrations/manage";
import { registrationOfToken } from "@/lib/registrations/manage-links";
import { registerForConference } from "../support/sign-up";
import type { RegistrationInput } from "@/lib/registrations/schema";
import { randomToken } from "@/lib/tokens";
import {
  createConference,
  discardTestEmails,
  emailsTo,
  latestManageToken,
  rawRegistration,
  registrationInput,
  round,
  session,
  type TestConference,
  uniqueEmail,
} from "../support/factories";

const DAY = 24 * 60 * 60 * 1000;

/** Registers and returns the registration with the manage token from its email. */
async function registered(conference: TestConference, overrides: Partial<RegistrationInput> = {}) {
  const input = registrationInput(overrides);
  const outcome = await registerForConference(conference.slug, input);
  if (!outcome.ok || !outcome.registrationId) throw new Error(`registration failed: ${JSON.stringify(outcome)}`);
  return { id: outcome.registrationId, email: input.email, token: await latestManageToken(input.email) };
}

const choicesOf = (registrationId: string) =>
  db.workshopChoice.findMany({ where: { registrationId }, orderBy: { createdAt: "asc" } }).then((rows) => rows.map((c) => [c.sessionId, c.status]));

describe("self-service with the manage link", () => {
  afterAll(async () => {
    await discardTestEmails();
    await db.$disconnect();
  });

  it("changes a workshop within capacity and frees the old place for whoever waits for it", async () => {
    const conference = await createConference({ rounds: [[1, 2, 1]] });
    const r0 = round(conference, 0);
    const [a, b] = [session(conference, 0, 0), session(conference, 0, 1)];
    const mover = await registered(conference, { workshops: { [r0.id]: a.id } });
    const waiting = await registered(conference, { workshops: { [r0.id]: a.id } });
    expect(await choicesOf(waiting.id)).toEqual([[a.id, "WAITLISTED"]]);

    expect(await changeWorkshops(mover.token, { [r0.id]: b.id })).toEqual({ ok: true });

    expect(await choicesOf(mover.id)).toEqual([[b.id, "CONFIRMED"]]);
    expect(await choicesOf(waiting.id)).toEqual([[a.id, "CONFIRMED"]]);
    expect((await emailsTo(waiting.email)).map((e) => e.kind)).toEqual(["registration.confirmed", "registration.workshopPromoted"]);
  });

  it("a full workshop chosen is its waiting list, and the old place goes to whoever waits for it", async () => {
    const conference = await createConference({ rounds: [[1, 1]] });
    const r0 = round(conference, 0);
    const [full, mine] = [session(conference, 0, 0), session(conference, 0, 1)];
    await registered(conference, { workshops: { [r0.id]: full.id } });
    const person = await registered(conference, { workshops: { [r0.id]: mine.id } });
    const waitingForMine = await registered(conference, { workshops: { [r0.id]: mine.id } });

    expect(await changeWorkshops(person.token, { [r0.id]: full.id })).toEqual({ ok: true });
    expect(await choicesOf(person.id)).toEqual([[full.id, "WAITLISTED"]]);
    expect(await choicesOf(waitingForMine.id)).toEqual([[mine.id, "CONFIRMED"]]);
  });

  it("refuses a workshop of another round or conference, and changes after cancelling or after the conference", async () => {
    const conference = await createConference({ rounds: [[5], [5]] });
    const other = await createConference({ rounds: [[5]] });
    const person = await registered(conference, { workshops: { [round(conference, 0).id]: session(conference, 0, 0).id } });

    expect(await changeWorkshops(person.token, { [round(conference, 0).id]: session(conference, 1, 0).id })).toEqual({ ok: false, reason: "invalidWorkshop" });
    expect(await changeWorkshops(person.token, { [round(conference, 0).id]: session(other, 0, 0).id })).toEqual({ ok: false, reason: "invalidWorkshop" });

    expect(await cancelByToken(person.token)).toEqual({ ok: true });
    expect(await changeWorkshops(person.token, {})).toEqual({ ok: false, reason: "cancelled" });

    const past = await createConference({ startsAt: new Date(Date.now() - 3 * DAY), registrationOpensAt: new Date(Date.now() - 10 * DAY) });
    const token = randomToken();
    await db.registration.create({ data: rawRegistration(past.id, uniqueEmail("verleden"), token) });
    expect(await changeWorkshops(token, {})).toEqual({ ok: false, reason: "past" });
  });

  it("updates dietary and accessibility needs, and clears them", async () => {
    const conference = await createConference();
    const person = await registered(conference, { dietaryNeeds: "vegetarisch" });

    expect(await updateNeeds(person.token, { dietaryNeeds: "veganistisch", accessibilityNeeds: "rolstoel" })).toEqual({ ok: true });
    let row = await db.registration.findUniqueOrThrow({ where: { id: person.id } });
    expect([row.dietaryNeeds, row.accessibilityNeeds]).toEqual(["veganistisch", "rolstoel"]);

    expect(await updateNeeds(person.token, {})).toEqual({ ok: true });
    row = await db.registration.findUniqueOrThrow({ where: { id: person.id } });
    expect([row.dietaryNeeds, row.accessibilityNeeds]).toEqual([null, null]);
  });

  it("cancels, hands the place to the waitlist, and cancelling twice changes nothing", async () => {
    const conference = await createConference({ capacity: 1, rounds: [[5]] });
    const person = await registered(conference, { workshops: { [round(conference, 0).id]: session(conference, 0, 0).id } });
    const waiting = await registered(conference);

    expect(await cancelByToken(person.token)).toEqual({ ok: true });
    const row = await db.registration.findUniqueOrThrow({ where: { id: person.id } });
    expect([row.status, row.activeEmailKey, row.cancelledAt instanceof Date]).toEqual(["CANCELLED", null, true]);
    expect(await choicesOf(person.id)).toEqual([]);
    expect((await db.registration.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("CONFIRMED");

    expect(await cancelByToken(person.token)).toEqual({ ok: true });
    expect(await db.registration.count({ where: { conferenceId: conference.id, status: "CONFIRMED" } })).toBe(1);
  });

  it("erases: nothing that identifies the person is left in the row, the counts stay right, the link stops working", async () => {
    const conference = await createConference({ capacity: 1, rounds: [[5]] });
    const personal = {
      name: "Patricia van Aaken",
      email: uniqueEmail("patricia.vanaaken"),
      organisation: "Wijkteam Noord",
      jobRole: "Wijkverpleegkundige",
      dietaryNeeds: "glutenvrij",
      accessibilityNeeds: "ringleiding",
      photoConsent: true,
      newsletterOptIn: true,
    };
    const person = await registered(conference, { ...personal, workshops: { [round(conference, 0).id]: session(conference, 0, 0).id } });
    await db.registration.update({ where: { id: person.id }, data: { hostNote: "Komt met begeleider" } });
    const waiting = await registered(conference);
    // Two emails about the person: the ticket, already sent, and (after someone typed the address again) the
    // manage link, still waiting. Its new link is the one that works now.
    await db.emailOutbox.updateMany({ where: { registrationId: person.id }, data: { status: "SENT", sentAt: new Date(), messageId: "<ticket@podium.test>" } });
    await registerForConference(conference.slug, registrationInput({ email: personal.email }));
    const token = await latestManageToken(personal.email);
    const { ticketCode } = await db.registration.findUniqueOrThrow({ where: { id: person.id } });

    expect(await eraseByToken(token)).toEqual({ ok: true });

    // The emails are scrubbed too: the one sent keeps only that it was sent, the waiting one will not leave.
    const emails = await db.emailOutbox.findMany({ where: { registrationId: person.id }, orderBy: { createdAt: "asc" } });
    expect(emails.map((e) => [e.kind, e.status])).toEqual([
      ["registration.confirmed", "SENT"],
      ["registration.alreadyRegistered", "FAILED"],
    ]);
    for (const email of emails) {
      const text = JSON.stringify(email);
      for (const value of ["Patricia", "Aaken", personal.email, "patricia.vanaaken", ticketCode, token, "ticket@podium.test"]) expect(text).not.toContain(value);
    }
    // (The newsletter's own opt-in email stays: a separate consent, erased by unsubscribing.)
    expect((await emailsTo(personal.email)).filter((e) => e.kind.startsWith("registration."))).toHaveLength(0);

    const [row] = await db.$queryRaw<Array<{ row: string }>>`SELECT r::text AS row FROM registrations r WHERE r.id = ${person.id}`;
    expect(row?.row).toBeDefined();
    for (const value of ["Patricia", "Aaken", "aaken", personal.email, "patricia.vanaaken", "Wijkteam", "Wijkverpleegkundige", "glutenvrij", "ringleiding", "begeleider"]) {
      expect(row?.row).not.toContain(value);
    }
    const erased = await db.registration.findUniqueOrThrow({ where: { id: person.id } });
    expect([erased.status, erased.photoConsent, erased.newsletterOptIn, erased.erasedAt instanceof Date]).toEqual(["CANCELLED", false, false, true]);
    // The row stays, so the numbers do too: one cancellation, and the place went to the waitlist.
    expect(await db.registration.count({ where: { conferenceId: conference.id } })).toBe(2);
    expect((await db.registration.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("CONFIRMED");
    expect(await db.registration.count({ where: { conferenceId: conference.id, status: "CONFIRMED" } })).toBe(1);

    expect(await registrationOfToken(token)).toBeNull();
    expect(await exportByToken(token)).toBeNull();
    expect(await eraseByToken(token)).toEqual({ ok: false, reason: "notFound" });
    // The address is free again.
    expect((await registerForConference(conference.slug, registrationInput({ email: personal.email }))).ok).toBe(true);
  });

  it("erasing after the conference keeps the attendance but not the person", async () => {
    const past = await createConference({ startsAt: new Date(Date.now() - 3 * DAY), registrationOpensAt: new Date(Date.now() - 10 * DAY) });
    const token = randomToken();
    const email = uniqueEmail("geweest");
    const { id } = await db.registration.create({ data: { ...rawRegistration(past.id, email, token), name: "Geweest Persoon" }, select: { id: true } });

    expect(await eraseByToken(token)).toEqual({ ok: true });

    const row = await db.registration.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("CONFIRMED");
    expect([row.name, row.email.includes("geweest"), row.activeEmailKey === row.email.toLowerCase()]).toEqual(["Verwijderd", false, true]);
  });

  it("exports everything held about the person", async () => {
    const conference = await createConference({ rounds: [[5]] });
    const person = await registered(conference, {
      name: "Kees Jansen",
      organisation: "GGD",
      jobRole: "Arts",
      dietaryNeeds: "halal",
      accessibilityNeeds: "lift",
      newsletterOptIn: true,
      workshops: { [round(conference, 0).id]: session(conference, 0, 0).id },
    });
    const data = await exportByToken(person.token);
    const row = await db.registration.findUniqueOrThrow({ where: { id: person.id } });

    expect(data?.registration).toMatchObject({
      name: "Kees Jansen",
      email: person.email,
      organisation: "GGD",
      jobRole: "Arts",
      dietaryNeeds: "halal",
      accessibilityNeeds: "lift",
      newsletterOptIn: true,
      photoConsent: false,
      status: "CONFIRMED",
      ticketCode: row.ticketCode,
    });
    expect(data?.workshops).toEqual([expect.objectContaining({ title: "Workshop 1A", status: "CONFIRMED" })]);
    expect(data?.conference.title).toContain("Testconferentie");
    const links = await db.manageLink.findMany({ where: { registrationId: row.id }, select: { tokenHash: true } });
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(JSON.stringify(data)).not.toContain(link.tokenHash);
  });

  it("an unknown, malformed or empty token finds nothing and changes nothing", async () => {
    for (const token of [randomToken(), "kort", "", "x".repeat(200)]) {
      expect(await registrationOfToken(token)).toBeNull();
      expect(await exportByToken(token)).toBeNull();
      expect(await changeWorkshops(token, {})).toEqual({ ok: false, reason: "notFound" });
      expect(await updateNeeds(token, { dietaryNeeds: "x" })).toEqual({ ok: false, reason: "notFound" });
      expect(await cancelByToken(token)).toEqual({ ok: false, reason: "notFound" });
      expect(await eraseByToken(token)).toEqual({ ok: false, reason: "notFound" });
    }
  });
});
