import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { cancelByToken, eraseByToken } from "@/lib/registrations/manage";
import { cancelRegistration, changeWorkshops } from "@/lib/places/mutations";
import { registerForConference } from "../support/sign-up";
import { hashToken } from "@/lib/tokens";
import {
  createConference,
  discardTestEmails,
  emailsTo,
  latestManageToken,
  manageTokenFrom,
  rawRegistration,
  registrationInput,
  round,
  session,
  uniqueEmail,
} from "../support/factories";

afterAll(async () => {
  await discardTestEmails();
  await db.$disconnect();
});

// The database refuses what the domain code must never do, even when someone bypasses that code.
describe("database invariants", () => {
  it("keeps each conference's count of confirmed and waiting people true through every kind of change", async () => {
    const conference = await createConference({ capacity: 3 });
    const counted = async () => {
      const [kept, real] = await Promise.all([
        db.conferencePlaces.findUnique({ where: { conferenceId: conference.id }, select: { confirmed: true, waitlisted: true } }),
        db.registration.groupBy({ by: ["status"], where: { conferenceId: conference.id }, _count: { _all: true } }),
      ]);
      const of = (status: string) => real.find((r) => r.status === status)?._count._all ?? 0;
      expect(kept ?? { confirmed: 0, waitlisted: 0 }).toEqual({ confirmed: of("CONFIRMED"), waitlisted: of("WAITLISTED") });
      return kept;
    };
    const people = [];
    for (let i = 0; i < 6; i++) {
      const email = uniqueEmail("teller");
      const outcome = await registerForConference(conference.slug, registrationInput({ email }));
      if (!outcome.ok || !outcome.registrationId) throw new Error(JSON.stringify(outcome));
      people.push({ id: outcome.registrationId, email });
    }
    expect(await counted()).toEqual({ confirmed: 3, waitlisted: 3 });
    // An organiser's cancel promotes the first waiting; the attendee's own cancel and an erasure do the same.
    await cancelRegistration({ registrationId: people[0]!.id });
    expect(await cancelByToken(await latestManageToken(people[1]!.email))).toEqual({ ok: true });
    expect(await eraseByToken(await latestManageToken(people[5]!.email))).toEqual({ ok: true });
    expect(await counted()).toEqual({ confirmed: 3, waitlisted: 0 });
    // Writes that bypass the domain code count too: a status set by hand, a row deleted.
    await db.registration.update({ where: { id: people[2]!.id }, data: { status: "WAITLISTED", waitlistedAt: new Date() } });
    await db.registration.delete({ where: { id: people[3]!.id } });
    await db.registration.create({ data: rawRegistration(conference.id, uniqueEmail("teller")) });
    const right = await counted();
    // Counts that went wrong behind the trigger's back (a data-only restore, say): the recount puts them right.
    await db.conferencePlaces.update({ where: { conferenceId: conference.id }, data: { confirmed: 0, waitlisted: 7 } });
    const [{ fixed }] = await db.$queryRaw<[{ fixed: number }]>`SELECT places_recount() AS fixed`;
    expect(fixed).toBe(1);
    expect(await counted()).toEqual(right);
    // The counts go with their conference.
    await db.conference.delete({ where: { id: conference.id } });
    expect(await db.conferencePlaces.count({ where: { conferenceId: conference.id } })).toBe(0);
  });

  it("keeps each workshop's count of confirmed and waiting places true through every kind of change", async () => {
    const conference = await createConference({ capacity: 10, rounds: [[2, 5]] });
    const r0 = round(conference, 0);
    const [small, big] = [session(conference, 0, 0), session(conference, 0, 1)];
    const counted = async () => {
      const [kept, real] = await Promise.all([
        db.sessionPlaces.findMany({ where: { sessionId: { in: [small.id, big.id] } }, select: { sessionId: true, confirmed: true, waitlisted: true } }),
        db.workshopChoice.groupBy({ by: ["sessionId", "status"], where: { sessionId: { in: [small.id, big.id] } }, _count: { _all: true } }),
      ]);
      for (const id of [small.id, big.id]) {
        const of = (status: string) => real.find((r) => r.sessionId === id && r.status === status)?._count._all ?? 0;
        const row = kept.find((k) => k.sessionId === id);
        expect({ confirmed: row?.confirmed ?? 0, waitlisted: row?.waitlisted ?? 0 }).toEqual({ confirmed: of("CONFIRMED"), waitlisted: of("WAITLISTED") });
      }
      return Object.fromEntries(kept.map((k) => [k.sessionId === small.id ? "small" : "big", [k.confirmed, k.waitlisted]]));
    };
    const people = [];
    for (let i = 0; i < 4; i++) {
      const outcome = await registerForConference(conference.slug, registrationInput({ workshops: { [r0.id]: small.id } }));
      if (!outcome.ok || !outcome.registrationId) throw new Error(JSON.stringify(outcome));
      people.push(outcome.registrationId);
    }
    expect(await counted()).toEqual({ small: [2, 2] });
    // A move to the other workshop frees a place, which the longest waiting takes; a cancel does the same.
    expect(await changeWorkshops(people[0]!, { [r0.id]: big.id }, false)).toEqual({ ok: true });
    expect(await counted()).toEqual({ small: [2, 1], big: [1, 0] });
    await cancelRegistration({ registrationId: people[1]! });
    expect(await counted()).toEqual({ small: [2, 0], big: [1, 0] });
    // Writes that bypass the places module count too, and the recount puts wrong counts right.
    await db.workshopChoice.deleteMany({ where: { registrationId: people[2]! } });
    const right = await counted();
    await db.sessionPlaces.update({ where: { sessionId: small.id }, data: { confirmed: 9 } });
    const [{ fixed }] = await db.$queryRaw<[{ fixed: number }]>`SELECT places_recount() AS fixed`;
    expect(fixed).toBe(1);
    expect(await counted()).toEqual(right);
    // A count below zero is a bug, refused rather than shown as places left.
    await expect(db.sessionPlaces.update({ where: { sessionId: big.id }, data: { confirmed: -1 } })).rejects.toThrow(/session_places_non_negative/);
  });

  it("allows one active registration per address and conference, whatever the case", async () => {
    const conference = await createConference();
    const email = uniqueEmail("uniek");
    await db.registration.create({ data: rawRegistration(conference.id, email) });

    const duplicate = db.registration.create({ data: rawRegistration(conference.id, email.toUpperCase()) });
    await expect(duplicate).rejects.toSatisfy(
      (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002",
    );
    // A cancelled registration holds no key, so the address can register again; another conference is separate.
    await db.registration.updateMany({ where: { conferenceId: conference.id }, data: { status: "CANCELLED", activeEmailKey: null } });
    await db.registration.create({ data: rawRegistration(conference.id, email.toUpperCase()) });
    const other = await createConference();
    await db.registration.create({ data: rawRegistration(other.id, email) });
  });

  it("keeps the active email key honest", async () => {
    const conference = await createConference();
    const email = uniqueEmail("sleutel");
    await expect(db.registration.create({ data: { ...rawRegistration(conference.id, email), activeEmailKey: "iets-anders@example.test" } })).rejects.toThrow(
      /registrations_active_email_key/,
    );
    await expect(db.registration.create({ data: { ...rawRegistration(conference.id, email), status: "CANCELLED" } })).rejects.toThrow(
      /registrations_active_email_key/,
    );
  });

  // Without the explicit IS NOT NULL the check is NULL (so passes) for an active row without a key, and such
  // rows would escape the unique index: two active registrations of one address.
  it("refuses an active registration without an email key", async () => {
    const conference = await createConference();
    await expect(db.registration.create({ data: { ...rawRegistration(conference.id, uniqueEmail("zonder-sleutel")), activeEmailKey: null } })).rejects.toThrow(
      /registrations_active_email_key/,
    );
  });

  it("refuses a negative capacity and a conference that ends before it starts", async () => {
    const conference = await createConference();
    await expect(db.conference.update({ where: { id: conference.id }, data: { capacity: -1 } })).rejects.toThrow(/conferences_capacity_non_negative/);
    const row = await db.conference.findUniqueOrThrow({ where: { id: conference.id } });
    await expect(db.conference.update({ where: { id: conference.id }, data: { endsAt: new Date(row.startsAt.getTime() - 60_000) } })).rejects.toThrow(
      /conferences_ends_after_start/,
    );
    const withSession = await createConference({ rounds: [[5]] });
    await expect(db.programmeSession.updateMany({ where: { conferenceId: withSession.id }, data: { capacity: -5 } })).rejects.toThrow(
      /programme_sessions_capacity_non_negative/,
    );
  });

  it("never lets a check-in be changed afterwards", async () => {
    const conference = await createConference();
    const registration = await db.registration.create({ data: rawRegistration(conference.id, uniqueEmail("incheck")), select: { id: true } });
    const checkIn = await db.checkIn.create({
      data: {
        conferenceId: conference.id,
        registrationId: registration.id,
        method: "QR",
        scannedAt: new Date(),
        deviceId: "test-device",
        clientNonce: uniqueEmail("nonce"),
      },
    });

    await expect(db.checkIn.update({ where: { id: checkIn.id }, data: { method: "MANUAL" } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`UPDATE check_ins SET duplicate = true WHERE id = ${checkIn.id}`).rejects.toThrow(/append-only/);
    expect((await db.checkIn.findUniqueOrThrow({ where: { id: checkIn.id } })).method).toBe("QR");
  });
});

describe("ticket codes and manage tokens", () => {
  it("have at least 128 random bits, and only the token's hash is stored", async () => {
    const conference = await createConference({ capacity: 50 });
    const inputs = Array.from({ length: 20 }, () => registrationInput());
    for (const input of inputs) await registerForConference(conference.slug, input);
    const registrations = await db.registration.findMany({ where: { conferenceId: conference.id } });

    const codes = registrations.map((r) => r.ticketCode);
    expect(new Set(codes).size).toBe(20);
    for (const code of codes) {
      // Crockford base32: 5 bits a character.
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]+$/);
      expect(code.length * 5).toBeGreaterThanOrEqual(128);
    }

    for (const input of inputs) {
      const [email] = await emailsTo(input.email);
      const token = manageTokenFrom(email?.textBody ?? "");
      // base64url: 6 bits a character.
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(token.length * 6).toBeGreaterThanOrEqual(128);
      const mine = registrations.find((r) => r.email === input.email);
      expect(await db.manageLink.findUnique({ where: { tokenHash: hashToken(token) }, select: { registrationId: true } })).toEqual({ registrationId: mine?.id });
      // The token itself is nowhere in the registrations or the links, in any column of any row.
      const [found] = await db.$queryRaw<Array<{ count: number }>>`
        SELECT (SELECT count(*) FROM registrations r WHERE strpos(r::text, ${token}) > 0)::int
             + (SELECT count(*) FROM manage_links l WHERE strpos(l::text, ${token}) > 0)::int AS count`;
      expect(found?.count).toBe(0);
    }
  });
});
