// A sign-up queues its confirmation as a DRAFT in its own transaction; the mail worker writes it just before
// delivery (lib/registrations/draft-emails.ts). What the attendee must get either way: one email that tells
// the truth at the time it is written, with a manage link that works.
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { renderDrafts } from "@/lib/registrations/draft-emails";
import { cancelRegistration, changeWorkshops, eraseRegistration } from "@/lib/places/mutations";
import { registrationOfToken } from "@/lib/registrations/manage-links";
import { registerForConference } from "../support/sign-up";
import {
  createConference,
  discardTestEmails,
  emailsTo,
  manageTokenFrom,
  registrationInput,
  round,
  session,
  type TestConference,
  uniqueEmail,
} from "../support/factories";

afterAll(async () => {
  await discardTestEmails();
  await db.$disconnect();
});

async function signUp(conference: TestConference, workshops: Record<string, string> = {}) {
  const email = uniqueEmail("concept");
  const outcome = await registerForConference(conference.slug, registrationInput({ email, workshops }));
  if (!outcome.ok || !outcome.registrationId) throw new Error(JSON.stringify(outcome));
  return { id: outcome.registrationId, email };
}

/** The outbox rows about a registration as they are now, without the worker writing anything first. */
const rowsOf = (registrationId: string) =>
  db.emailOutbox.findMany({ where: { registrationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

/** What the mail worker does before each delivery pass, until no draft is left. */
async function workerPasses() {
  while ((await renderDrafts()) > 0);
}

describe("sign-up emails written by the mail worker", () => {
  it("queues a draft in the sign-up's transaction, which the worker turns into the ticket email", async () => {
    const conference = await createConference();
    const person = await signUp(conference);
    const [draft] = await rowsOf(person.id);
    expect(draft).toMatchObject({ status: "DRAFT", kind: "registration.confirmed", textBody: "", toAddress: person.email });
    // Nothing secret waits in the draft: the worker mints the email's manage link when it writes it.
    expect(draft?.draft).toEqual({ template: "confirmation", status: "CONFIRMED", waitlistPosition: null });
    expect(await db.manageLink.count({ where: { registrationId: person.id } })).toBe(0);

    await workerPasses();
    const [email] = await rowsOf(person.id);
    const { ticketCode } = await db.registration.findUniqueOrThrow({ where: { id: person.id } });
    expect(email).toMatchObject({ status: "PENDING", kind: "registration.confirmed", draft: null });
    expect(email?.textBody).toContain(ticketCode);
    expect((email?.attachments as Array<{ contentType: string }>).map((a) => a.contentType.split(";")[0])).toEqual(["image/png", "text/calendar"]);
    expect(await registrationOfToken(manageTokenFrom(email?.textBody ?? ""))).toMatchObject({ id: person.id });
    expect(await db.manageLink.count({ where: { registrationId: person.id } })).toBe(1);
  });

  it("does not tell a person they wait once they were promoted: the promotion's ticket is their email", async () => {
    const conference = await createConference({ capacity: 1 });
    const holder = await signUp(conference);
    const waiting = await signUp(conference);
    await cancelRegistration({ registrationId: holder.id });

    const emails = await emailsTo(waiting.email);
    expect(emails.map((e) => [e.kind, e.status])).toEqual([
      ["registration.waitlisted", "FAILED"],
      ["registration.promoted", "PENDING"],
    ]);
    expect(emails[0]).toMatchObject({ lastError: "superseded by a later email", draft: null });
    expect(await registrationOfToken(manageTokenFrom(emails[1]?.textBody ?? ""))).toMatchObject({ id: waiting.id });
  });

  it("keeps the confirmation's link working when the owner is mailed about a second sign-up before it is written", async () => {
    const conference = await createConference();
    const person = await signUp(conference);
    const again = await registerForConference(conference.slug, registrationInput({ email: person.email.toUpperCase() }));
    expect(again).toMatchObject({ ok: true, registrationId: null });

    const emails = await emailsTo(person.email);
    expect(emails.map((e) => [e.kind, e.status])).toEqual([
      ["registration.confirmed", "PENDING"],
      ["registration.alreadyRegistered", "PENDING"],
    ]);
    // Each email carries a link of its own, and both open the registration.
    const links = emails.map((e) => manageTokenFrom(e.textBody));
    expect(links[0]).not.toBe(links[1]);
    for (const link of links) expect(await registrationOfToken(link)).toMatchObject({ id: person.id });
  });

  it("keeps the confirmation's link working when a workshop place comes free before it is written", async () => {
    const conference = await createConference({ rounds: [[1, 5]] });
    const r0 = round(conference, 0);
    const small = session(conference, 0, 0);
    const holder = await signUp(conference, { [r0.id]: small.id });
    const waiter = await signUp(conference, { [r0.id]: small.id });
    // The holder moves to the other workshop: the waiter gets the place before their own email is written.
    expect(await changeWorkshops(holder.id, { [r0.id]: session(conference, 0, 1).id }, false)).toEqual({ ok: true });

    const emails = await emailsTo(waiter.email);
    expect(emails.map((e) => e.kind)).toEqual(["registration.confirmed", "registration.workshopPromoted"]);
    for (const email of emails) expect(await registrationOfToken(manageTokenFrom(email.textBody))).toMatchObject({ id: waiter.id });
  });

  it("sends nothing for a registration cancelled or erased before its email was written, and mints no link for it", async () => {
    const conference = await createConference();
    const cancelled = await signUp(conference);
    const erased = await signUp(conference);
    expect(await cancelRegistration({ registrationId: cancelled.id })).toEqual({ ok: true, promoted: 0 });
    expect(await eraseRegistration(erased.id)).toEqual({ ok: true });

    await workerPasses();
    for (const id of [cancelled.id, erased.id]) {
      const rows = await rowsOf(id);
      expect(rows.map((e) => e.status)).toEqual(["FAILED"]);
      expect(rows[0]).toMatchObject({ draft: null, textBody: "" });
      expect(await db.manageLink.count({ where: { registrationId: id } })).toBe(0);
    }
  });

  it("sends no ticket after the organiser's cancellation of the conference", async () => {
    const conference = await createConference();
    const person = await signUp(conference);
    await db.conference.update({ where: { id: conference.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    await workerPasses();
    expect(await rowsOf(person.id)).toMatchObject([{ status: "FAILED", lastError: "conference cancelled before sending", draft: null }]);
  });

  it("leaves the draft of a registration that is being changed for the next pass, and writes it after", async () => {
    const conference = await createConference();
    const person = await signUp(conference);
    // Another transaction (a cancellation, a promotion) holds the registration.
    const other = new pg.Client({ connectionString: inject("databaseUrl") });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query("SELECT id FROM registrations WHERE id = $1 FOR UPDATE", [person.id]);
      await workerPasses();
      expect(await rowsOf(person.id)).toMatchObject([{ status: "DRAFT" }]);
      await other.query("ROLLBACK");
    } finally {
      await other.end();
    }
    await workerPasses();
    expect(await rowsOf(person.id)).toMatchObject([{ status: "PENDING", kind: "registration.confirmed", draft: null }]);
  });
});
