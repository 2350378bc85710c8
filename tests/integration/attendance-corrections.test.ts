// Issue 15, item 2: the organiser's attendance page and corrections against a real PostgreSQL. Present of
// registered per session (attendance_of's rule), the people of a session with how their attendance is known,
// and a correction that is recorded append-only with its audit entry, the newest deciding.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { sessionRoster, sessionsWithAttendance } from "@/lib/attendance/admin-queries";
import { correctAttendanceDefinition } from "@/lib/attendance/definitions";
import { runAuthorized } from "@/lib/auth/authorized-action";
import { recordScan } from "@/lib/checkin/scan";
import { db } from "@/lib/db";
import { eraseRegistration } from "@/lib/places/mutations";
import { registerForConference } from "../support/sign-up";
import { createConference, discardTestEmails, registrationInput, session, type TestConference } from "../support/factories";
import { addMember, createUser } from "../support/organisation-factories";

// Actions are run with a chosen user (runAuthorized); nothing here reads the session through Auth.js.
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null }));

afterAll(async () => {
  await discardTestEmails();
  await db.$disconnect();
});

async function signUp(conference: TestConference, name: string, workshop: string) {
  const outcome = await registerForConference(conference.slug, registrationInput({ name, workshops: { [conference.rounds[0]!.id]: workshop } }));
  if (!outcome.ok || !outcome.registrationId) throw new Error("registration failed");
  return db.registration.findUniqueOrThrow({ where: { id: outcome.registrationId }, select: { id: true, ticketCode: true } });
}

const scanAt = (conference: TestConference, code: string, sessionId?: string, admitAnyway?: boolean) =>
  recordScan({ conferenceId: conference.id, code, method: "QR", scannedAt: new Date(), clientNonce: randomUUID(), deviceId: "device-list", hostUserId: null, sessionId, admitAnyway });

describe("attendance per session for the organiser", () => {
  it("counts present of registered, lists each session's people with the source, and records corrections with an audit entry", async () => {
    const conference = await createConference({ rounds: [[10, 10]] });
    const { startsAt } = await db.conference.findUniqueOrThrow({ where: { id: conference.id }, select: { startsAt: true } });
    const opening = await db.programmeSession.create({ data: { conferenceId: conference.id, title: "Opening", kind: "KEYNOTE", startsAt: new Date(startsAt.getTime() - 30 * 60_000), endsAt: new Date(startsAt.getTime() + 30 * 60_000) } });
    const organiser = await createUser("aanwezigheid");
    await addMember(conference.organisationId, organiser, "ORGANISER");
    const workshopA = session(conference, 0, 0).id;
    const workshopB = session(conference, 0, 1).id;
    const anna = await signUp(conference, "Anna Aanwezig", workshopA);
    const bert = await signUp(conference, "Bert Elders", workshopB);
    const carla = await signUp(conference, "Carla Afwezig", workshopA);

    await scanAt(conference, anna.ticketCode); // the front door, before the opening ended
    await scanAt(conference, anna.ticketCode, workshopA);
    await scanAt(conference, bert.ticketCode, workshopA, true); // admitted at A although B is his

    const bySession = new Map((await sessionsWithAttendance(conference.id)).map((s) => [s.sessionId, [s.present, s.registered]]));
    // The opening counts whoever had arrived before it ended, at the door or at a room (Bert, through workshop A).
    expect(bySession.get(opening.id)).toEqual([2, 3]);
    expect(bySession.get(workshopA)).toEqual([2, 2]);
    expect(bySession.get(workshopB)).toEqual([0, 1]);

    const rosterA = await sessionRoster(conference.id, { id: workshopA, workshopRoundId: conference.rounds[0]!.id });
    expect(rosterA.map((p) => [p.name, p.registered, p.source])).toEqual([
      ["Anna Aanwezig", true, "room"],
      ["Bert Elders", false, "room"],
      ["Carla Afwezig", true, null],
    ]);
    const rosterOpening = await sessionRoster(conference.id, { id: opening.id, workshopRoundId: null });
    expect(rosterOpening.map((p) => [p.name, p.source])).toEqual([["Anna Aanwezig", "door"], ["Bert Elders", "door"], ["Carla Afwezig", null]]);

    // Carla was there after all (her phone was flat); Bert left workshop A at once.
    const present = await runAuthorized(correctAttendanceDefinition, organiser, { conferenceId: conference.id, sessionId: workshopA, registrationId: carla.id, present: "present", reason: "Ticket niet bij de hand" });
    expect(present).toEqual({ ok: true, data: { name: "Carla Afwezig", present: true } });
    const absent = await runAuthorized(correctAttendanceDefinition, organiser, { conferenceId: conference.id, sessionId: workshopA, registrationId: bert.id, present: "absent", reason: "" });
    expect(absent.ok).toBe(true);

    const after = await sessionRoster(conference.id, { id: workshopA, workshopRoundId: conference.rounds[0]!.id });
    expect(after.map((p) => [p.name, p.source])).toEqual([["Anna Aanwezig", "room"], ["Bert Elders", null], ["Carla Afwezig", "correction"]]);
    expect(after.find((p) => p.name === "Carla Afwezig")?.correction).toMatchObject({ present: true, reason: "Ticket niet bij de hand", by: organiser.name ?? organiser.email });
    expect(after.find((p) => p.name === "Bert Elders")?.correction).toMatchObject({ present: false, reason: null });
    expect((await sessionsWithAttendance(conference.id)).find((s) => s.sessionId === workshopA)?.present).toBe(2);

    const audit = await db.auditLogEntry.findMany({ where: { organisationId: conference.organisationId, action: { startsWith: "attendance." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => [e.action, e.entityId, e.actorUserId])).toEqual([
      ["attendance.marked_present", carla.id, organiser.id],
      ["attendance.marked_absent", bert.id, organiser.id],
    ]);
    expect(audit[0]?.details).toMatchObject({ name: "Carla Afwezig", title: "Workshop 1A", withReason: true });

    // Append-only: changing one's mind is a new row, and the newest decides.
    await runAuthorized(correctAttendanceDefinition, organiser, { conferenceId: conference.id, sessionId: workshopA, registrationId: carla.id, present: "absent" });
    expect(await db.attendanceCorrection.count({ where: { registrationId: carla.id } })).toBe(2);
    expect((await sessionRoster(conference.id, { id: workshopA, workshopRoundId: conference.rounds[0]!.id })).find((p) => p.name === "Carla Afwezig")?.source).toBeNull();

    // A reason longer than the form allows is refused before anything is written.
    const tooLong = await runAuthorized(correctAttendanceDefinition, organiser, { conferenceId: conference.id, sessionId: workshopA, registrationId: carla.id, present: "present", reason: "x".repeat(301) });
    expect(tooLong).toMatchObject({ ok: false, reason: "invalid" });
    expect(await db.attendanceCorrection.count({ where: { registrationId: carla.id } })).toBe(2);
  });

  it("forgets the reasons given for a person's corrections when they erase their data, and keeps their attendance", async () => {
    const conference = await createConference({ rounds: [[10]] });
    const organiser = await createUser("aanwezigheid-wissen");
    await addMember(conference.organisationId, organiser, "ORGANISER");
    const workshop = session(conference, 0, 0).id;
    const dora = await signUp(conference, "Dora Wissen", workshop);
    const other = await signUp(conference, "Evert Blijft", workshop);
    for (const registrationId of [dora.id, other.id]) {
      const outcome = await runAuthorized(correctAttendanceDefinition, organiser, { conferenceId: conference.id, sessionId: workshop, registrationId, present: "present", reason: "Ziek, toch gekomen" });
      expect(outcome.ok).toBe(true);
    }
    expect(await eraseRegistration(dora.id)).toEqual({ ok: true });
    const reasons = await db.attendanceCorrection.findMany({ where: { sessionId: workshop }, select: { registrationId: true, reason: true, present: true } });
    expect(reasons.find((r) => r.registrationId === dora.id)).toEqual({ registrationId: dora.id, reason: null, present: true });
    expect(reasons.find((r) => r.registrationId === other.id)?.reason).toBe("Ziek, toch gekomen");
    expect((await sessionsWithAttendance(conference.id)).find((s) => s.sessionId === workshop)?.present).toBe(2);
    // Erased people leave the named list; the count above still has them.
    expect((await sessionRoster(conference.id, { id: workshop, workshopRoundId: conference.rounds[0]!.id })).map((p) => p.name)).toEqual(["Evert Blijft"]);
  });
});
