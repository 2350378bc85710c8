// Issue 14 at the door, against a real PostgreSQL: the 6-character door code a host types instead of the ticket
// code (derived one way from it, found when typed in any case or spacing, and a choice by name when it fits two
// people), and a walk-in who gives only a name, with workshops only where a place is left.
import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { CheckInConference } from "@/lib/checkin/access";
import { ticketList } from "@/lib/checkin/queries";
import { recordScan, type ScanCommand } from "@/lib/checkin/scan";
import { registerWalkIn, walkInRounds } from "@/lib/checkin/walk-in";
import type { WalkInInput } from "@/lib/checkin/schema";
import { placesOf } from "@/lib/places/queries";
import { newTicketCode } from "@/lib/tokens";
import { registerForConference } from "../support/sign-up";
import { createConference, emailsTo, registrationInput, session, uniqueEmail, type TestConference } from "../support/factories";

// Outside a Next request there is no cache store to tag; a walk-in only has to ask for the public page to refresh.
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), revalidateTag: vi.fn() }));

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** The door code as checkin.sql derives it, written again here: the test fails if the two ever disagree. */
function doorCodeOf(ticketCode: string): string {
  const bits = createHash("sha256").update(`podium-door-code:${ticketCode}`).digest().readUInt32BE(0) >>> 2;
  return Array.from({ length: 6 }, (_, i) => CROCKFORD[(bits >>> (25 - 5 * i)) & 31]).join("");
}

async function registrant(conference: TestConference, name: string, extra: Record<string, unknown> = {}) {
  const outcome = await registerForConference(conference.slug, registrationInput({ name, ...extra }));
  if (!outcome.ok || !outcome.registrationId) throw new Error(`registration failed: ${JSON.stringify(outcome)}`);
  return db.registration.findUniqueOrThrow({ where: { id: outcome.registrationId }, select: { id: true, ticketCode: true, doorCode: true } });
}

function scan(conference: TestConference, code: string): ScanCommand {
  return { conferenceId: conference.id, code, method: "MANUAL", scannedAt: new Date(), clientNonce: randomUUID(), deviceId: "device-door", hostUserId: null };
}

const checkIns = (registrationId: string) => db.checkIn.count({ where: { registrationId } });

/** Two ticket codes whose door codes are the same: found by trying, as two people of a large conference would. */
function collidingTicketCodes(): [string, string] {
  const seen = new Map<string, string>();
  for (;;) {
    const code = newTicketCode();
    const door = doorCodeOf(code);
    const other = seen.get(door);
    if (other) return [other, code];
    seen.set(door, code);
  }
}

describe("door codes", () => {
  it("are six characters derived from the ticket code, the same in the database as written here", async () => {
    const conference = await createConference();
    const person = await registrant(conference, "Patricia van Aaken");
    expect(person.doorCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(person.doorCode).toBe(doorCodeOf(person.ticketCode));
    // Nobody sets a door code of their own: it follows the ticket code.
    await db.$executeRaw`UPDATE registrations SET door_code = 'AAAAAA' WHERE id = ${person.id}`;
    expect((await db.registration.findUniqueOrThrow({ where: { id: person.id } })).doorCode).toBe(doorCodeOf(person.ticketCode));
  });

  it("check a person in when typed as read out: lower case, with or without the space", async () => {
    const conference = await createConference();
    const person = await registrant(conference, "Fenna Formulier");
    const door = person.doorCode ?? "";
    const typed = `${door.slice(0, 3).toLowerCase()} ${door.slice(3).toLowerCase()}`;
    expect(await recordScan(scan(conference, typed))).toMatchObject({ kind: "welcome", attendee: { name: "Fenna Formulier" } });
    expect(await recordScan(scan(conference, door.toLowerCase()))).toMatchObject({ kind: "already", attendee: { name: "Fenna Formulier" } });
    expect(await checkIns(person.id)).toBe(2);
  });

  it("of another conference, or made up, are unknown here", async () => {
    const ours = await createConference();
    const theirs = await createConference();
    const stranger = await registrant(theirs, "Hun Gast");
    await registrant(ours, "Onze Gast");
    const known = new Set((await db.registration.findMany({ where: { conferenceId: ours.id }, select: { doorCode: true } })).map((r) => r.doorCode));
    expect(known.has(stranger.doorCode)).toBe(false);
    expect(await recordScan(scan(ours, stranger.doorCode ?? ""))).toMatchObject({ kind: "unknown" });
    expect(await recordScan(scan(ours, "ZZZ ZZZ"))).toMatchObject({ kind: "unknown" });
  });

  it("that fit two people record nothing and name both, and the host's pick checks in the right one", async () => {
    const conference = await createConference();
    const first = await registrant(conference, "Bram Bakker", { organisation: "Gemeente Dordrecht" });
    const second = await registrant(conference, "Anna Aalders", { organisation: "Sociaal Team Zwijndrecht" });
    const [codeA, codeB] = collidingTicketCodes();
    await db.registration.update({ where: { id: first.id }, data: { ticketCode: codeA } });
    await db.registration.update({ where: { id: second.id }, data: { ticketCode: codeB } });
    const door = doorCodeOf(codeA);

    const verdict = await recordScan(scan(conference, door));
    expect(verdict).toMatchObject({
      kind: "choose",
      candidates: [
        { registrationId: second.id, name: "Anna Aalders", organisation: "Sociaal Team Zwijndrecht", status: "CONFIRMED" },
        { registrationId: first.id, name: "Bram Bakker", organisation: "Gemeente Dordrecht", status: "CONFIRMED" },
      ],
    });
    expect((await checkIns(first.id)) + (await checkIns(second.id))).toBe(0);

    // The whole ticket code still says who it is, without asking.
    expect(await recordScan(scan(conference, codeB))).toMatchObject({ kind: "welcome", attendee: { name: "Anna Aalders" } });
    expect(await checkIns(first.id)).toBe(0);
    // The phone's offline list carries the door codes, so that it can ask the same question without network.
    const list = await ticketList(conference.id);
    expect(list.filter((entry) => entry.doorCode === door).map((entry) => entry.name).sort()).toEqual(["Anna Aalders", "Bram Bakker"]);
  });
});

function walkIn(overrides: Partial<WalkInInput> = {}): WalkInInput {
  return { nonce: randomUUID(), deviceId: "device-door", scannedAt: new Date().toISOString(), name: "Willem Binnenloper", email: "", workshops: {}, privacyConsent: true, ...overrides };
}

async function doorOf(test: TestConference): Promise<CheckInConference> {
  const conference = await db.conference.findUniqueOrThrow({ where: { id: test.id }, select: { id: true, slug: true, title: true, organisationId: true, startsAt: true, endsAt: true } });
  return conference;
}

async function hostId(): Promise<string> {
  return (await db.user.create({ data: { email: uniqueEmail("host"), name: "Hanna Host" }, select: { id: true } })).id;
}

describe("walk-ins", () => {
  it("need only a name: registered, checked in, no address kept and no email queued", async () => {
    const conference = await createConference({ capacity: 5 });
    const outcome = await registerWalkIn(await doorOf(conference), walkIn({ name: "Willem Binnenloper" }), await hostId(), "nl");
    expect(outcome).toMatchObject({ ok: true, verdict: { kind: "welcome", attendee: { name: "Willem Binnenloper" } } });
    const row = await db.registration.findFirstOrThrow({ where: { conferenceId: conference.id }, include: { checkIns: true } });
    expect(row).toMatchObject({ email: "", activeEmailKey: null, source: "WALK_IN", status: "CONFIRMED" });
    expect(row.privacyConsentAt).toBeInstanceOf(Date);
    expect(row.checkIns).toHaveLength(1);
    expect(await db.emailOutbox.count({ where: { registrationId: row.id } })).toBe(0);
    // Sent again (a double tap, a retry): one registration, one check-in.
    const again = await registerWalkIn(await doorOf(conference), walkIn({ nonce: row.idempotencyKey ?? "", name: "Willem Binnenloper" }), await hostId(), "nl");
    expect(again.ok).toBe(true);
    expect(await db.registration.count({ where: { conferenceId: conference.id } })).toBe(1);
    expect(await db.checkIn.count({ where: { registrationId: row.id } })).toBe(1);
    // Two people without an address are two registrations.
    await registerWalkIn(await doorOf(conference), walkIn({ name: "Wanda Binnenloper" }), await hostId(), "nl");
    expect((await placesOf(conference.id))?.confirmed).toBe(2);
  });

  it("with an address get their ticket by email, as anyone else", async () => {
    const conference = await createConference();
    const email = uniqueEmail("walkin");
    expect((await registerWalkIn(await doorOf(conference), walkIn({ email }), await hostId(), "nl")).ok).toBe(true);
    const row = await db.registration.findFirstOrThrow({ where: { conferenceId: conference.id } });
    expect(row.activeEmailKey).toBe(email.toLowerCase());
    // The ticket carries the door code too, printed as it is read out.
    const [ticket, ...more] = await emailsTo(email);
    expect(more).toEqual([]);
    expect(ticket?.kind).toBe("registration.confirmed");
    expect(ticket?.textBody).toContain(`Noem bij de ingang deze code: ${row.doorCode?.slice(0, 3)} ${row.doorCode?.slice(3)}`);
  });

  it("only a walk-in may be without an address: the database refuses it for anyone else", async () => {
    const conference = await createConference();
    await expect(
      db.$executeRaw`INSERT INTO registrations (id, conference_id, name, email, privacy_consent_at, status, source, ticket_code, confirmed_at, updated_at)
                     VALUES (${randomUUID()}, ${conference.id}, 'Zonder Adres', '', now(), 'CONFIRMED', 'ONLINE', ${newTicketCode()}, now(), now())`,
    ).rejects.toThrow(/registrations_email_only_for_walk_ins/);
  });

  it("get workshops within capacity: a full one is refused with nothing written, another one is given", async () => {
    const conference = await createConference({ rounds: [[1, 5]] });
    const roundId = conference.rounds[0]?.id ?? "";
    const small = session(conference, 0, 0);
    const other = session(conference, 0, 1);
    await registrant(conference, "Eerste Deelnemer", { workshops: { [roundId]: small.id } });
    const door = await doorOf(conference);
    const host = await hostId();

    expect((await walkInRounds(conference.id))[0]?.sessions.map((s) => [s.title, s.left])).toEqual([["Workshop 1A", 0], ["Workshop 1B", 5]]);
    const refused = await registerWalkIn(door, walkIn({ workshops: { [roundId]: small.id } }), host, "nl");
    expect(refused).toEqual({ ok: false, reason: "workshopFull", sessionIds: [small.id] });
    expect(await db.registration.count({ where: { conferenceId: conference.id, source: "WALK_IN" } })).toBe(0);

    const given = await registerWalkIn(door, walkIn({ workshops: { [roundId]: other.id } }), host, "nl");
    expect(given).toMatchObject({ ok: true, verdict: { kind: "welcome", attendee: { workshops: ["Workshop 1B"] } } });
    expect((await placesOf(conference.id))?.sessions.find((s) => s.id === other.id)).toMatchObject({ confirmed: 1, left: 4 });
  });

  it("are refused when the conference is full, and nothing is written", async () => {
    const conference = await createConference({ capacity: 1 });
    await registrant(conference, "Enige Plaats");
    expect(await registerWalkIn(await doorOf(conference), walkIn(), await hostId(), "nl")).toEqual({ ok: false, reason: "full" });
    expect(await db.registration.count({ where: { conferenceId: conference.id } })).toBe(1);
  });
});
