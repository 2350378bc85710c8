// The attendance rule (prisma/sql/attendance.sql) against a real PostgreSQL: a workshop counts by its room
// check-in, a plenary by arrival before it ended, and the organiser's newest correction over both.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { attendanceOf, attendanceOfRegistration, checkedInRegistrations } from "@/lib/attendance/queries";
import { recordScan } from "@/lib/checkin/scan";
import { registerForConference } from "../support/sign-up";
import { createConference, registrationInput, session, type TestConference } from "../support/factories";

const HOUR = 3_600_000;

async function signUp(conference: TestConference, name: string, workshop: string) {
  const outcome = await registerForConference(conference.slug, registrationInput({ name, workshops: { [conference.rounds[0]!.id]: workshop } }));
  if (!outcome.ok || !outcome.registrationId) throw new Error(`registration failed: ${JSON.stringify(outcome)}`);
  return db.registration.findUniqueOrThrow({ where: { id: outcome.registrationId }, select: { id: true, ticketCode: true } });
}

async function atDoor(conference: TestConference, ticketCode: string, scannedAt: Date) {
  const verdict = await recordScan({ conferenceId: conference.id, code: ticketCode, method: "QR", scannedAt, clientNonce: randomUUID(), deviceId: "device-door", hostUserId: null });
  expect(verdict.kind).toBe("welcome");
}

// A room check-in as the room mode of the door writes it.
async function inRoom(conference: TestConference, registrationId: string, sessionId: string, scannedAt: Date) {
  return db.checkIn.create({
    data: { conferenceId: conference.id, registrationId, sessionId, method: "QR", scannedAt, deviceId: "device-room", clientNonce: randomUUID() },
  });
}

describe("attendance_of", () => {
  it("counts workshops by room check-in, plenaries by arrival before their end, and corrections over both", async () => {
    const conference = await createConference({ rounds: [[20, 20]] });
    const { startsAt } = await db.conference.findUniqueOrThrow({ where: { id: conference.id }, select: { startsAt: true } });
    // The morning keynote, before the round (which starts an hour in), and the closing after it.
    const keynote = await db.programmeSession.create({ data: { conferenceId: conference.id, title: "Keynote", kind: "KEYNOTE", startsAt, endsAt: new Date(startsAt.getTime() + 0.75 * HOUR) } });
    const closing = await db.programmeSession.create({ data: { conferenceId: conference.id, title: "Afsluiting", kind: "TALK", startsAt: new Date(startsAt.getTime() + 3 * HOUR), endsAt: new Date(startsAt.getTime() + 4 * HOUR) } });
    const workshopA = session(conference, 0, 0).id;
    const workshopB = session(conference, 0, 1).id;

    const early = await signUp(conference, "Vroege Vogel", workshopA);
    const late = await signUp(conference, "Late Komer", workshopB);
    const absent = await signUp(conference, "Niet Gekomen", workshopA);

    await atDoor(conference, early.ticketCode, new Date(startsAt.getTime() - 0.25 * HOUR));
    await inRoom(conference, early.id, workshopA, new Date(startsAt.getTime() + HOUR));
    // Arrived after the keynote; went to workshop B without a room scan.
    await atDoor(conference, late.ticketCode, new Date(startsAt.getTime() + 2 * HOUR));

    expect(await attendanceOfRegistration(conference.id, early.id)).toEqual(new Map([[keynote.id, "door"], [workshopA, "room"], [closing.id, "door"]]));
    expect(await attendanceOfRegistration(conference.id, late.id)).toEqual(new Map([[closing.id, "door"]]));
    expect((await attendanceOfRegistration(conference.id, absent.id)).size).toBe(0);
    const came = await checkedInRegistrations(conference.id);
    expect(came.map((row) => row.registrationId).sort()).toEqual([early.id, late.id].sort());
    expect(came.find((row) => row.registrationId === early.id)?.arrivedAt).toEqual(new Date(startsAt.getTime() - 0.25 * HOUR));

    // The organiser corrects: the late comer was in workshop B after all; the early bird left before the closing.
    await db.attendanceCorrection.create({ data: { conferenceId: conference.id, registrationId: late.id, sessionId: workshopB, present: true } });
    await db.attendanceCorrection.create({ data: { conferenceId: conference.id, registrationId: early.id, sessionId: closing.id, present: false } });
    expect(await attendanceOfRegistration(conference.id, late.id)).toEqual(new Map([[workshopB, "correction"], [closing.id, "door"]]));
    expect(await attendanceOfRegistration(conference.id, early.id)).toEqual(new Map([[keynote.id, "door"], [workshopA, "room"]]));

    // The newest correction decides: undone again.
    await db.attendanceCorrection.create({ data: { conferenceId: conference.id, registrationId: early.id, sessionId: closing.id, present: true, createdAt: new Date(Date.now() + 1000) } });
    expect((await attendanceOfRegistration(conference.id, early.id)).get(closing.id)).toBe("correction");

    // An undone room check-in no longer counts.
    const roomScan = await db.checkIn.findFirstOrThrow({ where: { registrationId: early.id, sessionId: workshopA } });
    await db.checkIn.create({ data: { conferenceId: conference.id, registrationId: early.id, sessionId: workshopA, action: "UNDO", undoesId: roomScan.id, method: "QR", scannedAt: new Date(), deviceId: "device-room", clientNonce: randomUUID() } });
    expect((await attendanceOfRegistration(conference.id, early.id)).has(workshopA)).toBe(false);

    // Nothing of another conference leaks in.
    const other = await createConference({ rounds: [[5]] });
    expect(await attendanceOf(other.id)).toEqual([]);
    expect((await attendanceOf(conference.id)).every((row) => [early.id, late.id].includes(row.registrationId))).toBe(true);
  });
});
