// Issue 15, item 1: the door's room mode against a real PostgreSQL. A room scan is a check_ins row with the
// session; duplicates count per place; a person whose place is in another workshop gets an amber verdict with
// their own workshop and is recorded only when the host admits them anyway; everything else as at the door.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AuthorizationError } from "@/lib/auth/authorize-reasons";
import { attendanceOfRegistration, checkedInRegistrations } from "@/lib/attendance/queries";
import { undoCheckIn } from "@/lib/checkin/mutations";
import { checkInCounts, ticketList } from "@/lib/checkin/queries";
import { recordScan, recordScanBySession, type ScanCommand } from "@/lib/checkin/scan";
import { answerScanBatch } from "@/lib/checkin/scan-batch";
import { decideLocally } from "@/lib/checkin/local-verdict";
import { doorSessions } from "@/lib/checkin/queries";
import { db } from "@/lib/db";
import { listCheckIns } from "@/lib/rest-api/resources";
import { registerForConference } from "../support/sign-up";
import { createConference, registrationInput, session, type TestConference } from "../support/factories";
import { addMember, createSession, createUser } from "../support/organisation-factories";

async function signUp(conference: TestConference, name: string, workshop?: string) {
  const workshops = workshop ? { [conference.rounds[0]!.id]: workshop } : {};
  const outcome = await registerForConference(conference.slug, registrationInput({ name, workshops }));
  if (!outcome.ok || !outcome.registrationId) throw new Error(`registration failed: ${JSON.stringify(outcome)}`);
  return db.registration.findUniqueOrThrow({ where: { id: outcome.registrationId }, select: { id: true, ticketCode: true, status: true } });
}

function roomScan(conference: TestConference, sessionId: string, overrides: Partial<ScanCommand>): ScanCommand {
  return { conferenceId: conference.id, method: "QR", scannedAt: new Date(), clientNonce: randomUUID(), deviceId: "device-room-a", hostUserId: null, sessionId, ...overrides };
}

async function withRoom(conference: TestConference) {
  const venue = await db.conference.findUniqueOrThrow({ where: { id: conference.id }, select: { venueId: true } });
  const room = await db.room.create({ data: { venueId: venue.venueId!, name: `Zaal ${randomUUID().slice(0, 4)}`, capacity: 30 } });
  await db.programmeSession.update({ where: { id: session(conference, 0, 1).id }, data: { roomId: room.id } });
  return room.name;
}

describe("room mode of the door", () => {
  it("welcomes the right room, turns the wrong one amber with their own room, and records an admit anyway", async () => {
    const conference = await createConference({ rounds: [[10, 10]] });
    const roomB = await withRoom(conference);
    const workshopA = session(conference, 0, 0).id;
    const workshopB = session(conference, 0, 1).id;
    const anna = await signUp(conference, "Anna Juistezaal", workshopA);
    const bram = await signUp(conference, "Bram Anderezaal", workshopB);
    const noPlace = await signUp(conference, "Cor Zonderkeuze");

    const right = await recordScan(roomScan(conference, workshopA, { code: anna.ticketCode }));
    expect(right).toMatchObject({ kind: "welcome", attendee: { name: "Anna Juistezaal" } });
    expect("outsideChoice" in right && right.outsideChoice).toBeFalsy();

    // Bram's place is in workshop B: amber, with his own workshop and room, and nothing recorded.
    const wrong = await recordScan(roomScan(conference, workshopA, { code: bram.ticketCode }));
    expect(wrong).toMatchObject({ kind: "wrongRoom", attendee: { name: "Bram Anderezaal" }, own: { sessionId: workshopB, title: "Workshop 1B", room: roomB } });
    expect(await db.checkIn.count({ where: { registrationId: bram.id } })).toBe(0);
    // Replaying the amber scan's nonce records nothing either: it is answered afresh.
    const replayedAmber = await recordScan(roomScan(conference, workshopA, { code: bram.ticketCode, clientNonce: wrong.nonce }));
    expect(replayedAmber.kind).toBe("wrongRoom");
    expect(await db.checkIn.count({ where: { registrationId: bram.id } })).toBe(0);

    // Someone without a place in the round: amber with no room of their own.
    expect(await recordScan(roomScan(conference, workshopA, { registrationId: noPlace.id, method: "SEARCH" }))).toMatchObject({ kind: "wrongRoom", own: null });

    // The host admits Bram anyway: recorded, flagged, and it counts for workshop A.
    const admitted = await recordScan(roomScan(conference, workshopA, { registrationId: bram.id, method: "SEARCH", admitAnyway: true }));
    expect(admitted).toMatchObject({ kind: "welcome", outsideChoice: true });
    const row = await db.checkIn.findUniqueOrThrow({ where: { conferenceId_clientNonce: { conferenceId: conference.id, clientNonce: admitted.nonce } } });
    expect(row).toMatchObject({ sessionId: workshopA, outsideChoice: true, duplicate: false });
    expect((await attendanceOfRegistration(conference.id, bram.id)).get(workshopA)).toBe("room");
    // The nonce sent again gets the same answer and no second row.
    expect(await recordScan(roomScan(conference, workshopA, { registrationId: bram.id, method: "SEARCH", admitAnyway: true, clientNonce: admitted.nonce }))).toMatchObject({ kind: "welcome", outsideChoice: true });
    expect(await db.checkIn.count({ where: { registrationId: bram.id } })).toBe(1);
    // Once in, a second scan at that room is "already here", not amber again.
    expect(await recordScan(roomScan(conference, workshopA, { code: bram.ticketCode }))).toMatchObject({ kind: "already" });
    // The room's count: two people in it (Bram once, however often scanned), of workshop A's one place taken.
    const counts = await checkInCounts(conference.id);
    expect(counts.rooms).toEqual({ [workshopA]: 2 });
    expect(counts.workshops.find((w) => w.sessionId === workshopA)?.confirmed).toBe(1);
  });

  it("counts duplicates per place: the door and a room apart, the same room twice 'already', and undo per room", async () => {
    const conference = await createConference({ rounds: [[10, 10]] });
    const workshopA = session(conference, 0, 0).id;
    const person = await signUp(conference, "Dirk Dubbelscan", workshopA);

    // Straight to the room, never at the front door: still someone who came.
    const inRoom = await recordScan(roomScan(conference, workshopA, { code: person.ticketCode, scannedAt: new Date(Date.now() - 60_000) }));
    expect(inRoom.kind).toBe("welcome");
    expect((await checkedInRegistrations(conference.id)).map((r) => r.registrationId)).toEqual([person.id]);

    // The front door afterwards: a first check-in there, not a duplicate of the room's.
    const door = await recordScan({ conferenceId: conference.id, code: person.ticketCode, method: "QR", scannedAt: new Date(), clientNonce: randomUUID(), deviceId: "device-door", hostUserId: null });
    expect(door.kind).toBe("welcome");
    // The same room again, from another device: already here, and flagged.
    const again = await recordScan(roomScan(conference, workshopA, { code: person.ticketCode, deviceId: "device-room-b" }));
    expect(again.kind).toBe("already");
    const rows = await db.checkIn.findMany({ where: { registrationId: person.id }, orderBy: { receivedAt: "asc" } });
    expect(rows.map((r) => [r.sessionId, r.duplicate])).toEqual([[workshopA, false], [null, false], [workshopA, true]]);

    // Undo of the room's first check-in: the room forgets it (the duplicate still counts), the door keeps its own.
    expect(await undoCheckIn({ conferenceId: conference.id, checkInNonce: inRoom.nonce, clientNonce: randomUUID(), undoneAt: new Date(), deviceId: "device-room-a", hostUserId: null })).toMatchObject({ ok: true });
    const undo = await db.checkIn.findFirstOrThrow({ where: { registrationId: person.id, action: "UNDO" } });
    expect(undo.sessionId).toBe(workshopA);
    const list = await ticketList(conference.id);
    const entry = list.find((t) => t.registrationId === person.id)!;
    expect(entry.checkedInAt).not.toBeNull();
    expect(Object.keys(entry.rooms ?? {})).toEqual([workshopA]);
    // Undo the duplicate too: the room no longer has them, so a new scan welcomes them there again.
    expect((await checkInCounts(conference.id)).rooms).toEqual({ [workshopA]: 1 });
    await undoCheckIn({ conferenceId: conference.id, checkInNonce: again.nonce, clientNonce: randomUUID(), undoneAt: new Date(), deviceId: "device-room-b", hostUserId: null });
    expect((await checkInCounts(conference.id)).rooms).toEqual({});
    expect((await attendanceOfRegistration(conference.id, person.id)).has(workshopA)).toBe(false);
    expect((await recordScan(roomScan(conference, workshopA, { code: person.ticketCode }))).kind).toBe("welcome");
  });

  it("lets anyone confirmed into a plenary room, refuses waitlisted and cancelled as the door does, and knows no other conference", async () => {
    const conference = await createConference({ capacity: 1, rounds: [[10]] });
    const { startsAt } = await db.conference.findUniqueOrThrow({ where: { id: conference.id }, select: { startsAt: true } });
    const keynote = await db.programmeSession.create({ data: { conferenceId: conference.id, title: "Opening", kind: "KEYNOTE", startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) } });
    const confirmed = await signUp(conference, "Eva Plenair");
    const waiting = await signUp(conference, "Frits Wachtlijst");
    expect(waiting.status).toBe("WAITLISTED");

    expect(await recordScan(roomScan(conference, keynote.id, { code: confirmed.ticketCode }))).toMatchObject({ kind: "welcome" });
    expect(await recordScan(roomScan(conference, keynote.id, { code: waiting.ticketCode }))).toMatchObject({ kind: "waitlisted", name: "Frits Wachtlijst" });
    await db.$executeRaw`UPDATE registrations SET status = 'CANCELLED', active_email_key = NULL WHERE id = ${confirmed.id}`;
    expect(await recordScan(roomScan(conference, keynote.id, { code: confirmed.ticketCode }))).toMatchObject({ kind: "cancelled" });
    expect(await db.checkIn.count({ where: { registrationId: waiting.id } })).toBe(0);

    // Another conference's ticket at this room: unknown. This conference's ticket at another conference's room: 404.
    const other = await createConference({ rounds: [[10]] });
    const stranger = await signUp(other, "Gijs Elders", session(other, 0, 0).id);
    expect(await recordScan(roomScan(conference, keynote.id, { code: stranger.ticketCode }))).toMatchObject({ kind: "unknown" });
    await expect(recordScan(roomScan(conference, session(other, 0, 0).id, { code: confirmed.ticketCode }))).rejects.toBeInstanceOf(AuthorizationError);
    expect(await db.checkIn.count({ where: { sessionId: session(other, 0, 0).id } })).toBe(0);
  });

  it("takes an offline batch of room scans through the door API, in order, and the phone's verdicts agree", async () => {
    const conference = await createConference({ rounds: [[10, 10]] });
    const host = await createUser("zaalhost");
    await addMember(conference.organisationId, host, "HOST");
    const cookie = `authjs.session-token=${await createSession(host)}`;
    const workshopA = session(conference, 0, 0).id;
    const workshopB = session(conference, 0, 1).id;
    const hanna = await signUp(conference, "Hanna Offline", workshopA);
    const ivo = await signUp(conference, "Ivo Offline", workshopB);

    // What the phone decides offline from its ticket list.
    const sessions = await doorSessions(conference.id);
    const place = (admitAnyway: boolean) => ({ session: sessions.find((s) => s.sessionId === workshopA)!, sessions: new Map(sessions.map((s) => [s.sessionId, s])), admitAnyway });
    const list = new Map((await ticketList(conference.id)).map((t) => [t.registrationId, t]));
    expect(decideLocally(list.get(hanna.id), "n", place(false)).kind).toBe("welcome");
    expect(decideLocally(list.get(ivo.id), "n", place(false))).toMatchObject({ kind: "wrongRoom", own: { sessionId: workshopB, title: "Workshop 1B" } });
    expect(decideLocally(list.get(ivo.id), "n", place(true))).toMatchObject({ kind: "welcome", outsideChoice: true });

    const at = new Date(Date.now() - 10 * 60_000).toISOString();
    const scans = [
      { nonce: randomUUID(), registrationId: hanna.id, method: "SEARCH", scannedAt: at, deviceId: "device-offline-1", sessionId: workshopA },
      { nonce: randomUUID(), registrationId: ivo.id, method: "SEARCH", scannedAt: at, deviceId: "device-offline-1", sessionId: workshopA, admitAnyway: true },
      { nonce: randomUUID(), registrationId: hanna.id, method: "SEARCH", scannedAt: at, deviceId: "device-offline-1", sessionId: workshopA },
    ];
    const send = () =>
      answerScanBatch({
        conferenceSlug: conference.slug,
        headers: { cookie, contentType: "application/json", contentLength: null },
        body: (async function* () {
          yield new TextEncoder().encode(JSON.stringify({ scans }));
        })(),
      });
    const answer = await send();
    expect(answer.status).toBe(200);
    const kinds = (answer.body as { verdicts: Array<{ kind: string; outsideChoice?: boolean }> }).verdicts.map((v) => [v.kind, v.outsideChoice ?? false]);
    expect(kinds).toEqual([["welcome", false], ["welcome", true], ["already", false]]);
    // Sent twice (the phone lost the answer): the same verdicts, no new rows.
    expect((await send()).body).toEqual(answer.body);
    const rows = await db.checkIn.findMany({ where: { conferenceId: conference.id }, select: { lateUpload: true, hostUserId: true, sessionId: true } });
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.lateUpload && r.hostUserId === host.id && r.sessionId === workshopA)).toBe(true);

    // A room of another conference in the batch: 404, nothing recorded.
    const other = await createConference({ rounds: [[10]] });
    await expect(recordScanBySession("x".repeat(64), conference.slug, { registrationId: hanna.id, method: "SEARCH", scannedAt: new Date(), clientNonce: randomUUID(), deviceId: "device-offline-1", sessionId: session(other, 0, 0).id })).rejects.toBeInstanceOf(AuthorizationError);
    scans.splice(0, 3, { nonce: randomUUID(), registrationId: hanna.id, method: "SEARCH", scannedAt: at, deviceId: "device-offline-1", sessionId: session(other, 0, 0).id });
    expect((await send()).status).toBe(404);
    expect(await db.checkIn.count({ where: { conferenceId: conference.id } })).toBe(3);
  });

  it("tells an API client and a webhook receiver a room check-in from the front door's", async () => {
    const conference = await createConference({ rounds: [[10, 10]] });
    await db.webhook.create({ data: { organisationId: conference.organisationId, url: "https://crm.example/hook", events: ["checkin.recorded"], secret: "s".repeat(32) } });
    const workshopA = session(conference, 0, 0).id;
    const person = await signUp(conference, "Joke Koppeling", session(conference, 0, 1).id);
    await recordScan({ conferenceId: conference.id, code: person.ticketCode, method: "QR", scannedAt: new Date(), clientNonce: randomUUID(), deviceId: "device-door", hostUserId: null });
    await recordScan(roomScan(conference, workshopA, { registrationId: person.id, method: "SEARCH", admitAnyway: true }));

    const { data } = await listCheckIns(conference.organisationId, conference.id, { limit: 10, cursor: undefined });
    expect(data.map((c) => [c.sessionId, c.outsideChoice])).toEqual([[null, false], [workshopA, true]]);
    const events = await db.webhookEvent.findMany({ where: { organisationId: conference.organisationId, type: "checkin.recorded" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [(e.data as { sessionId: string | null }).sessionId, (e.data as { outsideChoice: boolean }).outsideChoice])).toEqual([[null, false], [workshopA, true]]);
  });
});
