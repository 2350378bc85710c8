// Issue 16, point 4: reminders a week and a day before a conference, queued in PostgreSQL once per person
// however many app instances look at the same moment, and written by the mail worker with the ticket (QR
// code), the workshops, the venue and the calendar file. The clock is passed in, so the test chooses the moment.
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { runAuthorized } from "@/lib/auth/authorized-action";
import { reminders } from "@/lib/conferences/definitions";
import { db } from "@/lib/db";
import { reminderPreview } from "@/lib/registrations/reminder-preview";
import { renderDrafts } from "@/lib/registrations/draft-emails";
import { queueDueReminders } from "@/lib/registrations/reminders";
import { cancelByToken, confirmComing } from "@/lib/registrations/manage";
import { registerForConference } from "../support/sign-up";
import { createEditorConference } from "../support/editor-factories";
import { createConference, discardTestEmails, latestManageToken, registrationInput, round, session } from "../support/factories";
import { createOrganisation } from "../support/organisation-factories";

// next-auth's ESM build imports "next/server" in a way only Next's bundler resolves; the action runs with the user passed in.
vi.mock("@/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined }));

const DAY = 24 * 60 * 60 * 1000;
const instances: pg.Pool[] = [];

/** A second (and third) app instance: a pool of its own on the same database. */
function instance(): pg.Pool {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4, options: "-c TimeZone=UTC" });
  instances.push(pool);
  return pool;
}

afterAll(async () => {
  await Promise.all(instances.map((pool) => pool.end()));
  await discardTestEmails();
  await db.$disconnect();
});

/** Every reminder and "still coming?" ever queued, in all conferences (other test files share the database). */
async function queuedEverywhere(): Promise<number> {
  return (await db.reminderDelivery.count()) + (await db.stillComingRequest.count());
}

/** Asks `pools` at the same moment; each queued row must be exactly one email: the sum equals what was added. */
async function queueAtOnce(moment: Date, pools: pg.Pool[]): Promise<void> {
  const before = await queuedEverywhere();
  const counts = await Promise.all(pools.map((pool) => queueDueReminders(moment, pool)));
  expect(counts.reduce((a, b) => a + b, 0)).toBe((await queuedEverywhere()) - before);
  // Asked again at the same moment, nothing is left to queue anywhere.
  expect(await queueDueReminders(moment)).toBe(0);
}

async function remindersOf(conferenceId: string) {
  return db.emailOutbox.findMany({
    where: { kind: "registration.reminder", registrationId: { in: (await db.registration.findMany({ where: { conferenceId }, select: { id: true } })).map((r) => r.id) } },
    orderBy: { toAddress: "asc" },
  });
}

describe("reminders before a conference", () => {
  it("queues each reminder once per person with a place, across instances at the same moment, and writes it with the ticket", async () => {
    const startsAt = new Date(Date.now() + 20 * DAY);
    const conference = await createConference({ startsAt, capacity: 3, rounds: [[10]] });
    const people = [0, 1, 2, 3, 4].map((n) => registrationInput({ name: `Deelnemer ${n}`, workshops: n === 0 ? { [round(conference, 0).id]: session(conference, 0, 0).id } : {} }));
    for (const person of people) expect((await registerForConference(conference.slug, person)).ok).toBe(true);
    // Three have a place, two wait (capacity 3); one with a place cancels, and the first in line moves up.
    await cancelByToken(await latestManageToken(people[2]!.email));
    while ((await renderDrafts()) > 0);

    // Before the week's moment: nothing.
    await queueDueReminders(new Date(startsAt.getTime() - 8 * DAY));
    expect(await remindersOf(conference.id)).toHaveLength(0);

    // Six days before, three instances look at once: one reminder each for the three with a place.
    const sixDaysBefore = new Date(startsAt.getTime() - 6 * DAY);
    await queueAtOnce(sixDaysBefore, [instance(), instance(), instance()]);
    const week = await remindersOf(conference.id);
    expect(week.map((m) => m.toAddress).sort()).toEqual([people[0]!.email, people[1]!.email, people[3]!.email].sort());

    while ((await renderDrafts()) > 0);
    const written = await remindersOf(conference.id);
    expect(written.every((m) => m.status === "PENDING" && m.subject.startsWith("Over een week:"))).toBe(true);
    const first = written.find((m) => m.toAddress === people[0]!.email)!;
    expect(first.textBody).toContain("Workshop 1A");
    expect(first.textBody).toContain("Theater De Test");
    const attachments = first.attachments as Array<{ filename: string }>;
    expect(attachments.map((a) => a.filename)).toEqual(["ticket-qr.png", `${conference.slug}.ics`]);

    // Twelve hours before: the day's reminder, once; the week's is not sent again.
    const halfDayBefore = new Date(startsAt.getTime() - DAY / 2);
    await queueAtOnce(halfDayBefore, [instance(), instance()]);
    while ((await renderDrafts()) > 0);
    const all = await remindersOf(conference.id);
    expect(all).toHaveLength(6);
    expect(all.filter((m) => m.subject.startsWith("Morgen:"))).toHaveLength(3);
    // Nobody on the waiting list or cancelled got one.
    expect(all.some((m) => [people[2]!.email, people[4]!.email].includes(m.toAddress))).toBe(false);
  });

  it("sends none when the organiser turned them off, and no week's reminder once the day's is due", async () => {
    const startsAt = new Date(Date.now() + 20 * DAY);
    const off = await createConference({ startsAt });
    const late = await createConference({ startsAt: new Date(Date.now() + 21 * DAY) });
    await db.conference.update({ where: { id: off.id }, data: { reminderWeekBefore: false, reminderDayBefore: false } });
    expect((await registerForConference(off.slug, registrationInput())).ok).toBe(true);
    expect((await registerForConference(late.slug, registrationInput())).ok).toBe(true);
    await queueDueReminders(new Date(startsAt.getTime() - 6 * DAY));
    expect(await remindersOf(off.id)).toHaveLength(0);
    // The late one's week reminder was never asked for in its week; within its last day only the day's goes.
    const lateStart = new Date(Date.now() + 21 * DAY);
    await queueDueReminders(new Date(lateStart.getTime() - DAY / 3));
    const drafts = await remindersOf(late.id);
    expect(drafts.map((m) => (m.draft as { daysBefore: number }).daysBefore)).toEqual([1]);
  });
});

describe("the organiser's reminder settings and preview", () => {
  it("turns each reminder on or off through the editor's action, and previews the email without anyone's data", async () => {
    const organisation = await createOrganisation();
    const conference = await createEditorConference(organisation.id);
    // A form sends only the ticked box: the week's goes off, the day's stays on.
    const outcome = await runAuthorized(reminders as never, organisation.organiser, { conferenceId: conference.id, reminderDayBefore: "on" });
    expect(outcome).toMatchObject({ ok: true });
    expect(await db.conference.findUnique({ where: { id: conference.id }, select: { reminderWeekBefore: true, reminderDayBefore: true } })).toEqual({
      reminderWeekBefore: false,
      reminderDayBefore: true,
    });
    const preview = await reminderPreview(organisation.id, conference.id, 1, "en");
    expect(preview?.subject).toMatch(/^Tomorrow: Werkconferentie/);
    expect(preview?.text).toContain("Stadserf 1");
    expect(preview?.attachments).toEqual(["ticket-qr.png", `${conference.slug}.ics`]);
    // Another organisation's conference is not found.
    const other = await createOrganisation();
    expect(await reminderPreview(other.id, conference.id, 1, "nl")).toBeNull();
  });
});

describe("still coming?", () => {
  it("asks each person with a place once, N days before; yes is noted, cancel frees the place for whoever waits", async () => {
    const startsAt = new Date(Date.now() + 20 * DAY);
    const conference = await createConference({ startsAt, capacity: 2 });
    await db.conference.update({ where: { id: conference.id }, data: { stillComingDays: 3, reminderWeekBefore: false, reminderDayBefore: false } });
    const [anna, bram, cees] = ["Anna", "Bram", "Cees"].map((name) => registrationInput({ name }));
    for (const person of [anna!, bram!, cees!]) expect((await registerForConference(conference.slug, person)).ok).toBe(true);
    while ((await renderDrafts()) > 0);

    await queueDueReminders(new Date(startsAt.getTime() - 4 * DAY));
    expect(await db.stillComingRequest.count({ where: { registration: { conferenceId: conference.id } } })).toBe(0);
    const moment = new Date(startsAt.getTime() - 2.5 * DAY);
    await queueAtOnce(moment, [instance(), instance()]);
    while ((await renderDrafts()) > 0);
    const asked = await db.emailOutbox.findMany({ where: { kind: "registration.stillComing", toAddress: { in: [anna!.email, bram!.email, cees!.email] } } });
    expect(asked.map((m) => m.toAddress).sort()).toEqual([anna!.email, bram!.email].sort());
    expect(asked[0]?.subject).toMatch(/^Kom je nog naar Testconferentie/);
    expect(asked[0]?.textBody).toMatch(/\/aanmelding\/[A-Za-z0-9_-]+\/komt-u\?antwoord=nee/);

    // Anna says yes; Bram cannot come, and Cees, who waited, gets his place at once.
    expect(await confirmComing(await latestManageToken(anna!.email))).toEqual({ ok: true });
    expect((await db.registration.findFirstOrThrow({ where: { email: anna!.email } })).comingConfirmedAt).not.toBeNull();
    expect((await cancelByToken(await latestManageToken(bram!.email))).ok).toBe(true);
    expect((await db.registration.findFirstOrThrow({ where: { email: cees!.email } })).status).toBe("CONFIRMED");
  });
});
