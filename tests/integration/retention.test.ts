// Issue 15, point 9: retention. After a conference ends, first its people's needs go (30 days by default), then
// all their personal data (12 months), anonymised exactly as the attendee's own erase does, while counts, check-ins
// and attendance stay. The clock is passed in, so the test chooses the moment; two instances at once purge once.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { attendanceOf } from "@/lib/attendance/queries";
import { runAuthorized } from "@/lib/auth/authorized-action";
import { db } from "@/lib/db";
import { eraseRegistration } from "@/lib/places/mutations";
import { updateRetention } from "@/lib/retention/definitions";
import { purgeDueData } from "@/lib/retention/mutations";
import { getRetentionSchedule } from "@/lib/retention/queries";
import { renderDrafts } from "@/lib/registrations/draft-emails";
import { registerForConference } from "../support/sign-up";
import { createConference, discardTestEmails, registrationInput, round, session, type TestConference } from "../support/factories";
import { createOrganisation } from "../support/organisation-factories";

// next-auth's ESM build imports "next/server" in a way only Next's bundler resolves; the action runs with the user passed in.
vi.mock("@/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined }));

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

afterAll(async () => {
  await discardTestEmails();
  await db.$disconnect();
});

/** Signs four people up through the domain (one with each kind of need), checks two in, and lets the day pass. */
async function conferenceThatEnded(): Promise<{ conference: TestConference; endsAt: Date; ids: string[]; names: string[] }> {
  const conference = await createConference({ rounds: [[10, 10]] });
  const people = [
    registrationInput({ name: "Anouk Dieet", dietaryNeeds: "Vegetarisch", workshops: { [round(conference, 0).id]: session(conference, 0, 0).id } }),
    registrationInput({ name: "Bram Toegang", accessibilityNeeds: "Rolstoel", workshops: { [round(conference, 0).id]: session(conference, 0, 1).id } }),
    registrationInput({ name: "Chloë Zonder", photoConsent: true, newsletterOptIn: false }),
    registrationInput({ name: "Daan Zelf", dietaryNeeds: "Halal" }),
  ];
  const ids: string[] = [];
  for (const person of people) {
    const outcome = await registerForConference(conference.slug, person);
    if (!outcome.ok || !outcome.registrationId) throw new Error(`sign-up failed: ${JSON.stringify(outcome)}`);
    ids.push(outcome.registrationId);
  }
  while ((await renderDrafts()) > 0);
  // The conference took place two days ago (moved as an organiser would move its dates; sign-up closed before).
  const startsAt = new Date(Date.now() - 2 * DAY);
  const endsAt = new Date(startsAt.getTime() + 8 * HOUR);
  await db.conference.update({ where: { id: conference.id }, data: { startsAt, endsAt, registrationOpensAt: new Date(startsAt.getTime() - 20 * DAY), registrationClosesAt: new Date(startsAt.getTime() - DAY) } });
  for (const s of conference.rounds[0]!.sessions) {
    await db.programmeSession.update({ where: { id: s.id }, data: { startsAt: new Date(startsAt.getTime() + HOUR), endsAt: new Date(startsAt.getTime() + 2 * HOUR) } });
  }
  // Anouk came, and was in her workshop; Bram came to the door only.
  await db.checkIn.create({ data: { conferenceId: conference.id, registrationId: ids[0]!, method: "QR", scannedAt: new Date(startsAt.getTime() - 0.25 * HOUR), deviceId: "door", clientNonce: randomUUID() } });
  await db.checkIn.create({ data: { conferenceId: conference.id, registrationId: ids[0]!, sessionId: session(conference, 0, 0).id, method: "QR", scannedAt: new Date(startsAt.getTime() + HOUR), deviceId: "room", clientNonce: randomUUID() } });
  await db.checkIn.create({ data: { conferenceId: conference.id, registrationId: ids[1]!, method: "SEARCH", scannedAt: new Date(startsAt.getTime() + 0.5 * HOUR), deviceId: "door", clientNonce: randomUUID() } });
  return { conference, endsAt, ids, names: people.map((p) => p.name) };
}

const registrationFields = {
  id: true, name: true, email: true, activeEmailKey: true, searchText: true, organisation: true, jobRole: true, dietaryNeeds: true,
  accessibilityNeeds: true, hostNote: true, photoConsent: true, newsletterOptIn: true, idempotencyKey: true, status: true,
  erasedAt: true, ticketCode: true, confirmedAt: true, cancelledAt: true,
} as const;

async function registrations(conferenceId: string) {
  return db.registration.findMany({ where: { conferenceId }, select: registrationFields, orderBy: { createdAt: "asc" } });
}

/** What a person leaves behind once erased, with their own id made general: the same for every erased row. */
async function erasedShape(registrationId: string) {
  const r = await db.registration.findUniqueOrThrow({ where: { id: registrationId }, select: registrationFields });
  const [manageLinks, answers, emails] = await Promise.all([
    db.manageLink.count({ where: { registrationId } }),
    db.registrationAnswer.count({ where: { registrationId } }),
    db.emailOutbox.findMany({ where: { registrationId }, select: { toAddress: true, subject: true, textBody: true, htmlBody: true, draft: true, status: true } }),
  ]);
  const general = (text: string | null) => text?.replace(registrationId, "<id>") ?? null;
  return {
    name: r.name, email: general(r.email), activeEmailKey: general(r.activeEmailKey), searchText: r.searchText, organisation: r.organisation,
    jobRole: r.jobRole, dietaryNeeds: r.dietaryNeeds, accessibilityNeeds: r.accessibilityNeeds, hostNote: r.hostNote,
    photoConsent: r.photoConsent, newsletterOptIn: r.newsletterOptIn, idempotencyKey: r.idempotencyKey, status: r.status,
    erased: r.erasedAt !== null, cancelled: r.cancelledAt !== null, manageLinks, answers,
    emails: emails.map((e) => ({ ...e, toAddress: general(e.toAddress) })),
  };
}

/** What must survive a purge: counts per status, places per workshop, check-ins and attendance. */
async function whatIsKept(conferenceId: string) {
  const [byStatus, places, sessionPlaces, checkIns, attendance] = await Promise.all([
    db.registration.groupBy({ by: ["status"], where: { conferenceId }, _count: true, orderBy: { status: "asc" } }),
    db.conferencePlaces.findUnique({ where: { conferenceId } }),
    db.sessionPlaces.findMany({ where: { session: { conferenceId } }, orderBy: { sessionId: "asc" } }),
    db.checkIn.findMany({ where: { conferenceId }, select: { registrationId: true, sessionId: true, scannedAt: true }, orderBy: { scannedAt: "asc" } }),
    attendanceOf(conferenceId),
  ]);
  return { byStatus, places, sessionPlaces, checkIns, attendance: attendance.sort((a, b) => `${a.registrationId}${a.sessionId}`.localeCompare(`${b.registrationId}${b.sessionId}`)) };
}

async function auditOf(organisationId: string) {
  return db.auditLogEntry.findMany({ where: { organisationId, action: { startsWith: "retention." } }, orderBy: { createdAt: "asc" }, select: { action: true, entityId: true, actorUserId: true, details: true } });
}

describe("retention", () => {
  it("purges the needs after 30 days and everything personal after 12 months, as the attendee's own erase does, once across instances", async () => {
    const { conference, endsAt, ids, names } = await conferenceThatEnded();
    const scope = { organisationId: conference.organisationId };
    // Daan erases himself, after the conference: the yardstick for what a purge must leave.
    expect(await eraseRegistration(ids[3]!)).toEqual({ ok: true });
    const yardstick = await erasedShape(ids[3]!);
    expect(yardstick).toMatchObject({ name: "Verwijderd", erased: true, manageLinks: 0, dietaryNeeds: null });
    const kept = await whatIsKept(conference.id);
    expect(kept.checkIns).toHaveLength(3);
    expect(kept.attendance.length).toBeGreaterThan(0);

    // Before the needs' moment: nothing happens.
    expect(await purgeDueData(new Date(endsAt.getTime() + 29 * DAY), scope)).toEqual([]);
    expect((await registrations(conference.id)).map((r) => r.dietaryNeeds)).toEqual(["Vegetarisch", null, null, null]);

    // After 30 days only the needs go: names, addresses and everything else stay.
    const before = await registrations(conference.id);
    expect(await purgeDueData(new Date(endsAt.getTime() + 31 * DAY), scope)).toEqual([{ conferenceId: conference.id, step: "NEEDS", registrations: 2 }]);
    const afterNeeds = await registrations(conference.id);
    expect(afterNeeds.map((r) => [r.dietaryNeeds, r.accessibilityNeeds])).toEqual([[null, null], [null, null], [null, null], [null, null]]);
    const withoutNeeds = (rows: typeof before) => rows.map((r) => ({ ...r, dietaryNeeds: undefined, accessibilityNeeds: undefined }));
    expect(withoutNeeds(afterNeeds)).toEqual(withoutNeeds(before));
    expect(afterNeeds.slice(0, 3).map((r) => r.name)).toEqual(names.slice(0, 3));
    // Asked again, and an hour before the year is up: nothing more.
    expect(await purgeDueData(new Date(endsAt.getTime() + 32 * DAY), scope)).toEqual([]);
    expect(await purgeDueData(new Date(endsAt.getTime() + 300 * DAY), scope)).toEqual([]);

    // A year and a day after: two instances run the job at the same moment; the personal data go once.
    const yearAfter = new Date(endsAt.getTime() + 366 * DAY);
    const [first, second] = await Promise.all([purgeDueData(yearAfter, scope), purgeDueData(yearAfter, scope)]);
    expect([...first, ...second]).toEqual([{ conferenceId: conference.id, step: "PERSONAL_DATA", registrations: 3 }]);

    // Each of the three is now exactly what Daan's own erase left.
    for (const id of ids.slice(0, 3)) expect(await erasedShape(id)).toEqual(yardstick);
    const all = await registrations(conference.id);
    expect(all.map((r) => r.name)).toEqual(["Verwijderd", "Verwijderd", "Verwijderd", "Verwijderd"]);
    expect(JSON.stringify(all)).not.toMatch(/Anouk|Bram|Chloë|Vegetarisch|Rolstoel|Gemeente Dordrecht/);
    // Counts, places, check-ins and attendance are untouched.
    expect(await whatIsKept(conference.id)).toEqual(kept);

    // The audit log says what went, when, for how many, by the system, and names nobody.
    const audit = await auditOf(conference.organisationId);
    expect(audit).toEqual([
      { action: "retention.needs_purged", entityId: conference.id, actorUserId: null, details: expect.objectContaining({ rows: 2 }) },
      { action: "retention.purged", entityId: conference.id, actorUserId: null, details: expect.objectContaining({ rows: 3 }) },
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/Anouk|Bram|Chloë|Daan|@/);
    // Later passes find nothing to do.
    expect(await purgeDueData(new Date(yearAfter.getTime() + DAY), scope)).toEqual([]);

    // The schedule page's rows say when each step went and how many it concerned.
    const [row] = await getRetentionSchedule(conference.organisationId);
    expect(row).toMatchObject({ conferenceId: conference.id, needsPurged: 2, personalPurged: 3, registrations: 0, withNeeds: 0 });
    expect(row?.needsPurgedAt).toBeInstanceOf(Date);
    expect(row?.personalPurgedAt).toBeInstanceOf(Date);
  });

  it("follows the organisation's own periods, set by its owner only, counted in Amsterdam's calendar", async () => {
    const { conference, endsAt } = await conferenceThatEnded();
    const scope = { organisationId: conference.organisationId };
    const organisation = await createOrganisation();
    await db.conference.update({ where: { id: conference.id }, data: { organisationId: organisation.id } });
    const own = { organisationId: organisation.id };

    const input = { organisationId: organisation.id, retentionMonths: "3", needsRetentionDays: "7" };
    expect(await runAuthorized(updateRetention, organisation.organiser, input)).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await runAuthorized(updateRetention, organisation.owner, { ...input, retentionMonths: "121" })).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { retentionMonths: "tooLarge" } });
    expect(await runAuthorized(updateRetention, organisation.owner, { ...input, needsRetentionDays: "0" })).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { needsRetentionDays: "tooSmall" } });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { retentionMonths: true, needsRetentionDays: true } })).toEqual({ retentionMonths: 12, needsRetentionDays: 30 });
    expect(await runAuthorized(updateRetention, organisation.owner, input)).toMatchObject({ ok: true });
    const changed = await db.auditLogEntry.findMany({ where: { organisationId: organisation.id, action: "organisation.retention_changed" }, select: { actorUserId: true, details: true } });
    expect(changed).toEqual([{ actorUserId: organisation.owner.id, details: expect.objectContaining({ months: 3, days: 7 }) }]);

    // The schedule: needs 7 days after the end, the rest three calendar months after, in Amsterdam time.
    const [row] = await getRetentionSchedule(organisation.id);
    expect(row?.needsDueAt).toEqual(new Date(endsAt.getTime() + 7 * DAY + dstShift(endsAt, new Date(endsAt.getTime() + 7 * DAY))));
    const end = amsterdamParts(endsAt);
    const monthsLater = (end.month + 3 - 1) % 12 + 1;
    expect(amsterdamParts(row!.personalDueAt)).toEqual({ ...end, month: monthsLater, year: end.year + (end.month + 3 > 12 ? 1 : 0) });
    expect(row).toMatchObject({ registrations: 4, withNeeds: 3 });

    expect(await purgeDueData(new Date(endsAt.getTime() + 6 * DAY), own)).toEqual([]);
    expect(await purgeDueData(new Date(endsAt.getTime() + 8 * DAY), own)).toEqual([{ conferenceId: conference.id, step: "NEEDS", registrations: 3 }]);
    expect(await purgeDueData(new Date(row!.personalDueAt.getTime() - 1000), own)).toEqual([]);
    expect(await purgeDueData(row!.personalDueAt, own)).toEqual([{ conferenceId: conference.id, step: "PERSONAL_DATA", registrations: 4 }]);
    // The first organisation of the conference (its factory's) has nothing left to purge of it.
    expect(await purgeDueData(new Date(endsAt.getTime() + 400 * DAY), scope)).toEqual([]);
  });

  it("purges nothing of a conference that has not ended, whatever the clock says", async () => {
    const conference = await createConference();
    const outcome = await registerForConference(conference.slug, registrationInput({ name: "Eva Later", dietaryNeeds: "Veganistisch" }));
    expect(outcome.ok).toBe(true);
    expect(await purgeDueData(new Date(Date.now() + 5 * 365 * DAY), { organisationId: conference.organisationId })).toEqual([]);
    const [person] = await registrations(conference.id);
    expect(person).toMatchObject({ name: "Eva Later", dietaryNeeds: "Veganistisch", status: "CONFIRMED", erasedAt: null });
  });

  it("marks a step with nothing to remove as done on the schedule, without an audit entry", async () => {
    const conference = await createConference();
    const startsAt = new Date(Date.now() - 3 * DAY);
    const endsAt = new Date(startsAt.getTime() + 8 * HOUR);
    await db.conference.update({ where: { id: conference.id }, data: { startsAt, endsAt } });
    const scope = { organisationId: conference.organisationId };
    expect(await purgeDueData(new Date(endsAt.getTime() + 400 * DAY), scope)).toEqual([
      { conferenceId: conference.id, step: "NEEDS", registrations: 0 },
      { conferenceId: conference.id, step: "PERSONAL_DATA", registrations: 0 },
    ]);
    const [row] = await getRetentionSchedule(conference.organisationId);
    expect(row).toMatchObject({ needsPurged: 0, personalPurged: 0 });
    expect(await auditOf(conference.organisationId)).toEqual([]);
  });
});

/** Milliseconds Amsterdam's clock moved between two moments (summer time), so "7 days" keeps the wall-clock time. */
function dstShift(from: Date, to: Date): number {
  const offset = (d: Date) => {
    const local = new Date(d.toLocaleString("en-US", { timeZone: "Europe/Amsterdam" }));
    const utc = new Date(d.toLocaleString("en-US", { timeZone: "UTC" }));
    return local.getTime() - utc.getTime();
  };
  return offset(from) - offset(to);
}

/** The wall-clock date and time in Amsterdam (the test runs in New York's zone). */
function amsterdamParts(d: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", hourCycle: "h23" })
      .formatToParts(d)
      .filter((p) => p.type !== "literal")
      .map((p) => [p.type, Number(p.value)]),
  );
  return { year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0, hour: parts.hour ?? 0, minute: parts.minute ?? 0 };
}
