// The door's invariants against a real PostgreSQL: verdicts, nonce idempotency, conflicts between offline
// devices, append-only undo, late uploads, and codes of other conferences.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { undoCheckIn } from "@/lib/checkin/mutations";
import { recordScan, recordScanBySession, type ScanCommand, type ScanInput } from "@/lib/checkin/scan";
import { AuthorizationError } from "@/lib/auth/authorize-reasons";
import { checkInCounts } from "@/lib/checkin/queries";
import { registerForConference } from "../support/sign-up";
import { createConference, registrationInput, session, uniqueEmail, type TestConference } from "../support/factories";

const MINUTE = 60_000;

async function host(): Promise<string> {
  const user = await db.user.create({ data: { email: uniqueEmail("host"), name: "Hanna Host" }, select: { id: true } });
  return user.id;
}

async function registrant(conference: TestConference, name = "Patricia van Aaken", extra: Record<string, unknown> = {}) {
  const outcome = await registerForConference(conference.slug, registrationInput({ name, ...extra }));
  if (!outcome.ok || !outcome.registrationId) throw new Error(`registration failed: ${JSON.stringify(outcome)}`);
  return db.registration.findUniqueOrThrow({ where: { id: outcome.registrationId }, select: { id: true, ticketCode: true } });
}

function scan(conference: TestConference, overrides: Partial<ScanCommand>): ScanCommand {
  return {
    conferenceId: conference.id,
    method: "QR",
    scannedAt: new Date(),
    clientNonce: randomUUID(),
    deviceId: "device-aaaa",
    hostUserId: null,
    ...overrides,
  };
}

describe("recordScan", () => {
  it("welcomes a confirmed ticket with workshops and needs, then answers 'already' with time and host", async () => {
    const conference = await createConference({ rounds: [[10, 10]] });
    const hostId = await host();
    const person = await registrant(conference, "Patricia van Aaken", {
      workshops: { [conference.rounds[0]?.id ?? ""]: session(conference, 0, 1).id },
      dietaryNeeds: "Vegetarisch",
    });
    await db.$executeRaw`UPDATE registrations SET host_note = 'Plek aan het gangpad' WHERE id = ${person.id}`;

    // Scanned at 13.02 in Amsterdam, typed in lower case with dashes.
    const typed = `${person.ticketCode.slice(0, 6).toLowerCase()}-${person.ticketCode.slice(6)}`;
    const first = await recordScan(scan(conference, { code: typed, hostUserId: hostId, scannedAt: new Date("2026-11-28T12:02:00Z"), receivedAt: new Date("2026-11-28T12:02:01Z") }));
    expect(first).toMatchObject({
      kind: "welcome",
      attendee: { name: "Patricia van Aaken", workshops: ["Workshop 1B"], hostNote: "Plek aan het gangpad", dietaryNeeds: "Vegetarisch" },
    });

    const second = await recordScan(scan(conference, { code: person.ticketCode, deviceId: "device-bbbb" }));
    expect(second).toMatchObject({ kind: "already", time: "13.02", by: "Hanna Host", attendee: { name: "Patricia van Aaken" } });
    const rows = await db.checkIn.findMany({ where: { registrationId: person.id }, orderBy: { receivedAt: "asc" } });
    expect(rows.map((r) => r.duplicate)).toEqual([false, true]);
  });

  it("answers unknown alike for a random code, a tampered code and another conference's ticket, and writes nothing", async () => {
    const conference = await createConference();
    const other = await createConference();
    const theirs = await registrant(other);
    const tampered = `${theirs.ticketCode.slice(0, -1)}${theirs.ticketCode.endsWith("0") ? "1" : "0"}`;
    for (const code of [theirs.ticketCode, tampered, "0".repeat(26), "https://example.test/x", "'; DROP TABLE x; --"]) {
      const verdict = await recordScan(scan(conference, { code }));
      expect(Object.keys(verdict).sort()).toEqual(["kind", "nonce"]);
      expect(verdict.kind).toBe("unknown");
    }
    const byId = await recordScan(scan(conference, { registrationId: theirs.id, code: undefined, method: "SEARCH" }));
    expect(byId.kind).toBe("unknown");
    expect(await db.checkIn.count({ where: { registrationId: theirs.id } })).toBe(0);
  });

  it("refuses cancelled and waitlisted tickets with the person's name and records no check-in", async () => {
    const conference = await createConference({ capacity: 1 });
    const confirmed = await registrant(conference, "Eerste Persoon");
    const waiting = await registrant(conference, "Tweede Persoon");
    await db.$executeRaw`UPDATE registrations SET status = 'CANCELLED', active_email_key = NULL WHERE id = ${confirmed.id}`;
    expect(await recordScan(scan(conference, { code: confirmed.ticketCode }))).toMatchObject({ kind: "cancelled", name: "Eerste Persoon" });
    expect(await recordScan(scan(conference, { code: waiting.ticketCode }))).toMatchObject({ kind: "waitlisted", name: "Tweede Persoon" });
    expect(await db.checkIn.count({ where: { conferenceId: conference.id } })).toBe(0);
  });
});

describe("nonce idempotency", () => {
  it("answers a resent nonce with its original verdict and no second row, also when both arrive at once", async () => {
    const conference = await createConference();
    const person = await registrant(conference);
    const command = scan(conference, { code: person.ticketCode });
    const [a, b, c] = await Promise.all([recordScan(command), recordScan(command), recordScan(command)]);
    expect([a.kind, b.kind, c.kind]).toEqual(["welcome", "welcome", "welcome"]);
    expect(await recordScan(command)).toMatchObject({ kind: "welcome", nonce: command.clientNonce });
    expect(await db.checkIn.count({ where: { registrationId: person.id } })).toBe(1);
  });

  it("keeps a duplicate's original 'already' verdict when it is resent", async () => {
    const conference = await createConference();
    const person = await registrant(conference);
    await recordScan(scan(conference, { code: person.ticketCode }));
    const again = scan(conference, { code: person.ticketCode });
    const first = await recordScan(again);
    expect(first.kind).toBe("already");
    expect(await recordScan(again)).toEqual(first);
    expect(await db.checkIn.count({ where: { registrationId: person.id } })).toBe(2);
  });
});

describe("nonces of other conferences", () => {
  it("records a scan whose nonce another organisation's door used first, and answers each door its own verdict", async () => {
    const ours = await createConference();
    const theirs = await createConference();
    const guest = await registrant(ours, "Onze Gast");
    const stranger = await registrant(theirs, "Hun Gast");
    const nonce = randomUUID();
    // Their scanner sends the nonce first (by chance, or to make our scans vanish as "resends").
    expect(await recordScan(scan(theirs, { code: stranger.ticketCode, clientNonce: nonce }))).toMatchObject({ kind: "welcome", attendee: { name: "Hun Gast" } });
    expect(await recordScan(scan(ours, { code: guest.ticketCode, clientNonce: nonce }))).toMatchObject({ kind: "welcome", attendee: { name: "Onze Gast" } });
    expect(await db.checkIn.count({ where: { registrationId: guest.id, action: "CHECK_IN" } })).toBe(1);
    // Undoing by that nonce undoes our own check-in, not theirs.
    expect(await undoCheckIn({ conferenceId: ours.id, checkInNonce: nonce, clientNonce: randomUUID(), undoneAt: new Date(), deviceId: "device-aaaa", hostUserId: null })).toEqual({ ok: true, registrationId: guest.id });
    expect(await db.checkIn.count({ where: { registrationId: stranger.id, action: "UNDO" } })).toBe(0);
  });
});

describe("two offline devices", () => {
  it("keeps both scans of one ticket, flags exactly one as duplicate and marks late uploads", async () => {
    const conference = await createConference();
    const person = await registrant(conference);
    const now = new Date();
    const scans = [
      scan(conference, { code: person.ticketCode, deviceId: "device-one1", scannedAt: new Date(now.getTime() - 10 * MINUTE) }),
      scan(conference, { code: person.ticketCode, deviceId: "device-two2", scannedAt: new Date(now.getTime() - 9 * MINUTE) }),
    ];
    const verdicts = await Promise.all(scans.map((s) => recordScan(s)));
    expect(verdicts.map((v) => v.kind).sort()).toEqual(["already", "welcome"]);
    const rows = await db.checkIn.findMany({ where: { registrationId: person.id } });
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.duplicate)).toHaveLength(1);
    expect(rows.every((r) => r.lateUpload)).toBe(true);

    const prompt = await registrant(conference, "Snel Verzonden");
    await recordScan(scan(conference, { code: prompt.ticketCode, scannedAt: new Date(Date.now() - 5_000) }));
    expect((await db.checkIn.findFirstOrThrow({ where: { registrationId: prompt.id } })).lateUpload).toBe(false);
  });
});

describe("many devices at once", () => {
  it("eight scans of one ticket at the same moment: one welcome, seven flagged, eight rows", async () => {
    const conference = await createConference();
    const person = await registrant(conference);
    const verdicts = await Promise.all(Array.from({ length: 8 }, (_, i) => recordScan(scan(conference, { code: person.ticketCode, deviceId: `device-at-once-${i}` }))));
    expect(verdicts.filter((v) => v.kind === "welcome")).toHaveLength(1);
    expect(verdicts.filter((v) => v.kind === "already")).toHaveLength(7);
    const rows = await db.checkIn.findMany({ where: { registrationId: person.id } });
    expect([rows.length, rows.filter((r) => !r.duplicate).length]).toEqual([8, 1]);
  });
});

describe("undo", () => {
  it("is a new row pointing at the check-in, makes the next scan welcome again, and rows cannot be updated", async () => {
    const conference = await createConference();
    const person = await registrant(conference);
    const first = scan(conference, { code: person.ticketCode });
    await recordScan(first);
    expect((await checkInCounts(conference.id)).checkedIn).toBe(1);

    const undo = { conferenceId: conference.id, checkInNonce: first.clientNonce, clientNonce: randomUUID(), undoneAt: new Date(), deviceId: "device-aaaa", hostUserId: null };
    expect(await undoCheckIn(undo)).toEqual({ ok: true, registrationId: person.id });
    expect(await undoCheckIn(undo)).toEqual({ ok: true, registrationId: person.id });
    const rows = await db.checkIn.findMany({ where: { registrationId: person.id }, orderBy: { receivedAt: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["CHECK_IN", "UNDO"]);
    expect(rows[1]?.undoesId).toBe(rows[0]?.id);
    expect((await checkInCounts(conference.id)).checkedIn).toBe(0);

    expect((await recordScan(scan(conference, { code: person.ticketCode }))).kind).toBe("welcome");
    await expect(db.$executeRaw`UPDATE check_ins SET duplicate = true WHERE registration_id = ${person.id}`).rejects.toThrow(/append-only/);
  });

  it("refuses to undo a check-in of another conference", async () => {
    const conference = await createConference();
    const other = await createConference();
    const person = await registrant(other);
    const theirs = scan(other, { code: person.ticketCode });
    await recordScan(theirs);
    const outcome = await undoCheckIn({ conferenceId: conference.id, checkInNonce: theirs.clientNonce, clientNonce: randomUUID(), undoneAt: new Date(), deviceId: "device-aaaa", hostUserId: null });
    expect(outcome).toEqual({ ok: false, reason: "notFound" });
  });
});

describe("checkInCounts", () => {
  it("counts checked-in of confirmed, per workshop too", async () => {
    const conference = await createConference({ rounds: [[5, 5]] });
    const roundId = conference.rounds[0]?.id ?? "";
    const a = await registrant(conference, "Anna", { workshops: { [roundId]: session(conference, 0, 0).id } });
    await registrant(conference, "Bram", { workshops: { [roundId]: session(conference, 0, 0).id } });
    await registrant(conference, "Cas", { workshops: { [roundId]: session(conference, 0, 1).id } });
    await recordScan(scan(conference, { code: a.ticketCode }));
    await recordScan(scan(conference, { code: a.ticketCode }));
    const counts = await checkInCounts(conference.id);
    expect(counts).toMatchObject({ checkedIn: 1, confirmed: 3 });
    expect(counts.workshops.map((w) => [w.title, w.checkedIn, w.confirmed])).toEqual([
      ["Workshop 1A", 1, 2],
      ["Workshop 1B", 0, 1],
    ]);
  });
});

describe("recordScanBySession (the door API's scan, access checked in the same round trip)", () => {
  const sessionFor = async (organisationId: string, role: "HOST" | "ORGANISER" | "OWNER" | null, expires = new Date(Date.now() + MINUTE)) => {
    const user = await db.user.create({ data: { email: uniqueEmail("deur"), name: "Sessie Host" }, select: { id: true } });
    if (role) await db.membership.create({ data: { organisationId, userId: user.id, role } });
    const token = randomUUID().replace(/-/g, "") + randomUUID().replace(/-/g, "");
    await db.session.create({ data: { sessionToken: token, userId: user.id, expires } });
    return { token, userId: user.id };
  };
  const input = (overrides: Partial<ScanInput>): ScanInput => ({ method: "QR", scannedAt: new Date(), clientNonce: randomUUID(), deviceId: "device-sess", ...overrides });
  const refusal = (run: Promise<unknown>) => run.then(() => "recorded", (error: unknown) => (error instanceof AuthorizationError ? error.reason : String(error)));

  it("records the scan as the session's host, with the same verdicts as recordScan", async () => {
    const conference = await createConference();
    const person = await registrant(conference, "Sessie Deelnemer");
    const { token, userId } = await sessionFor(conference.organisationId, "HOST");
    expect(await recordScanBySession(token, conference.slug, input({ code: person.ticketCode }))).toMatchObject({ kind: "welcome", attendee: { name: "Sessie Deelnemer" } });
    expect(await recordScanBySession(token, conference.slug, input({ code: person.ticketCode }))).toMatchObject({ kind: "already", by: "Sessie Host" });
    expect(await recordScanBySession(token, conference.slug, input({ code: "niet-een-ticket" }))).toMatchObject({ kind: "unknown" });
    const rows = await db.checkIn.findMany({ where: { registrationId: person.id }, orderBy: { receivedAt: "asc" } });
    expect(rows.map((r) => [r.hostUserId, r.conferenceId, r.duplicate])).toEqual([
      [userId, conference.id, false],
      [userId, conference.id, true],
    ]);
  });

  it("refuses an unknown, expired or doorless session and another organisation's host before recording anything", async () => {
    const conference = await createConference();
    const elsewhere = await createConference();
    const person = await registrant(conference, "Niet Binnen");
    const cases: Array<[string, string]> = [
      [(await sessionFor(conference.organisationId, "HOST", new Date(Date.now() - 1000))).token, "unauthenticated"],
      ["0".repeat(64), "unauthenticated"],
      [(await sessionFor(conference.organisationId, null)).token, "notFound"],
      [(await sessionFor(elsewhere.organisationId, "OWNER")).token, "notFound"],
    ];
    for (const [token, reason] of cases) {
      expect(await refusal(recordScanBySession(token, conference.slug, input({ code: person.ticketCode })))).toBe(reason);
      // A code that is no ticket at all is refused the same way, not answered "unknown".
      expect(await refusal(recordScanBySession(token, conference.slug, input({ code: "xyz" })))).toBe(reason);
    }
    expect(await db.checkIn.count({ where: { registrationId: person.id } })).toBe(0);
  });
});
