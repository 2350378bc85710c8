import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import { cancel, create, duplicate, publish, update } from "@/lib/conferences/definitions";
import { db } from "@/lib/db";
import { toAmsterdamInput } from "@/lib/time/amsterdam";
import { createSessionDefinition, deleteRoundDefinition, deleteSessionDefinition, updateSessionDefinition } from "@/lib/programme/definitions";
import { registerForConference } from "../support/sign-up";
import { createSpeakerDefinition } from "@/lib/speakers/definitions";
import { discardTestEmails, emailsTo, registrationInput, uniqueEmail } from "../support/factories";
import { conferenceForm, createEditorConference, createSpeaker, sessionForm, speakerFields, type EditorConference } from "../support/editor-factories";
import { createOrganisation, type TestOrganisation } from "../support/organisation-factories";

// next-auth's ESM build imports "next/server" in a way only Next's bundler resolves; these tests pass the user in.
vi.mock("@/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined }));

type AnyDefinition = ActionDefinition<never, unknown, string>;
const MINUTE = 60_000;

let organisation: TestOrganisation;

beforeAll(async () => {
  organisation = await createOrganisation();
});
afterAll(async () => {
  await discardTestEmails();
  await db.$disconnect();
});

const run = (definition: unknown, input: Record<string, unknown>) =>
  runAuthorized(definition as AnyDefinition, organisation.organiser, input);

/** `waitingSince`: as if the person had joined the waitlist then, rather than now. */
async function register(conference: { slug: string }, options: { workshops?: Record<string, string>; waitingSince?: Date; locale?: "nl" | "en" } = {}) {
  const email = uniqueEmail("editor");
  const outcome = await registerForConference(
    conference.slug,
    registrationInput({ email, workshops: options.workshops ?? {}, locale: options.locale ?? "nl" }),
  );
  if (!outcome.ok || !outcome.registrationId) throw new Error(`registration failed: ${JSON.stringify(outcome)}`);
  if (options.waitingSince) {
    await db.registration.update({ where: { id: outcome.registrationId, status: "WAITLISTED" }, data: { waitlistedAt: options.waitingSince } });
  }
  return { id: outcome.registrationId, email };
}

describe("programme refusals", () => {
  let conference: EditorConference;
  let speaker: string;

  beforeAll(async () => {
    conference = await createEditorConference(organisation.id);
    speaker = await createSpeaker(organisation.id, "Wethouder Jansen");
    const first = await run(createSessionDefinition, {
      conferenceId: conference.id,
      requestKey: crypto.randomUUID(),
      ...sessionForm(conference, 0, 60, { title: "Opening", roomId: conference.rooms.big, ...speakerFields(speaker) }),
    });
    expect(first).toMatchObject({ ok: true });
  });

  const add = (fields: Record<string, string>, from: number, to: number) =>
    run(createSessionDefinition, { conferenceId: conference.id, requestKey: crypto.randomUUID(), ...sessionForm(conference, from, to, fields) });

  it("refuses a session outside the conference's hours", async () => {
    expect(await add({}, -30, 30)).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { startsAt: "outsideConference" } });
    expect(await add({}, 200, 260)).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { endsAt: "outsideConference" } });
  });

  it("refuses two sessions in one room at once, and allows the next slot", async () => {
    expect(await add({ roomId: conference.rooms.big }, 30, 90)).toMatchObject({ ok: false, fieldErrors: { roomId: "roomTaken" } });
    expect(await add({ roomId: conference.rooms.big }, 60, 90)).toMatchObject({ ok: true });
  });

  it("refuses a speaker in two places at once", async () => {
    expect(await add({ roomId: conference.rooms.small, ...speakerFields(speaker, 2, "MODERATOR") }, 45, 75)).toMatchObject({
      ok: false,
      fieldErrors: { [`speaker.${speaker}`]: "speakerBusy" },
    });
  });

  it("refuses a workshop capacity above its room's, and one below the places taken", async () => {
    expect(
      await add({ roomId: conference.rooms.small, workshopRoundId: conference.roundId, capacity: "21", kind: "WORKSHOP" }, 90, 150),
    ).toMatchObject({ ok: false, fieldErrors: { capacity: "capacityAboveRoom" } });
    const created = await add({ roomId: conference.rooms.small, workshopRoundId: conference.roundId, capacity: "2", kind: "WORKSHOP" }, 90, 150);
    if (!created.ok) throw new Error(JSON.stringify(created));
    const sessionId = (created.data as { sessionId: string }).sessionId;
    await register(conference, { workshops: { [conference.roundId]: sessionId } });
    await register(conference, { workshops: { [conference.roundId]: sessionId } });
    const lower = await run(updateSessionDefinition, {
      sessionId,
      ...sessionForm(conference, 90, 150, { title: "Workshop", roomId: conference.rooms.small, workshopRoundId: conference.roundId, capacity: "1", kind: "WORKSHOP" }),
    });
    expect(lower).toMatchObject({ ok: false, fieldErrors: { capacity: "capacityBelowTaken" } });
    expect((await db.programmeSession.findUniqueOrThrow({ where: { id: sessionId } })).capacity).toBe(2);
  });

  it("makes one session of a create form sent twice", async () => {
    const input = { conferenceId: conference.id, requestKey: crypto.randomUUID(), ...sessionForm(conference, 150, 180, { title: "Afsluiting" }) };
    const outcomes = await Promise.all([run(createSessionDefinition, input), run(createSessionDefinition, input)]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(await db.programmeSession.count({ where: { conferenceId: conference.id, title: "Afsluiting" } })).toBe(1);
  });
});

describe("raising a capacity", () => {
  it("promotes the longest waiting into the conference, in order, and emails them", async () => {
    const conference = await createEditorConference(organisation.id, { capacity: 2 });
    await register(conference);
    await register(conference);
    const base = Date.now() - 60 * MINUTE;
    // Joined the waiting list in the order 2, 0, 1 of the calls.
    const waiting = [
      await register(conference, { waitingSince: new Date(base + 2 * MINUTE) }),
      await register(conference, { waitingSince: new Date(base) }),
      await register(conference, { waitingSince: new Date(base + MINUTE), locale: "en" }),
    ];
    const outcome = await run(update, await conferenceForm(conference.id, { capacity: "4" }));
    expect(outcome).toMatchObject({ ok: true, data: { promoted: 2 } });
    const statuses = await Promise.all(waiting.map((w) => db.registration.findUniqueOrThrow({ where: { id: w.id } }).then((r) => r.status)));
    expect(statuses).toEqual(["WAITLISTED", "CONFIRMED", "CONFIRMED"]);
    expect((await emailsTo(waiting[1]?.email ?? "")).map((e) => e.kind)).toContain("registration.promoted");
    const english = (await emailsTo(waiting[2]?.email ?? "")).filter((e) => e.kind === "registration.promoted");
    expect(english).toHaveLength(1);
    expect((await emailsTo(waiting[0]?.email ?? "")).map((e) => e.kind)).not.toContain("registration.promoted");
  });

  it("refuses a conference capacity below the confirmed places", async () => {
    const conference = await createEditorConference(organisation.id, { capacity: 3 });
    await register(conference);
    await register(conference);
    const outcome = await run(update, await conferenceForm(conference.id, { capacity: "1" }));
    expect(outcome).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { capacity: "capacityBelowConfirmed" } });
  });

  it("promotes a workshop's waiting list when the workshop grows", async () => {
    const conference = await createEditorConference(organisation.id);
    const created = await run(createSessionDefinition, {
      conferenceId: conference.id,
      requestKey: crypto.randomUUID(),
      ...sessionForm(conference, 60, 120, { title: "Workshop Wijk", kind: "WORKSHOP", roomId: conference.rooms.small, workshopRoundId: conference.roundId, capacity: "1" }),
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const sessionId = (created.data as { sessionId: string }).sessionId;
    const workshops = { [conference.roundId]: sessionId };
    await register(conference, { workshops });
    const waiter = await register(conference, { workshops });
    const grown = await run(updateSessionDefinition, {
      sessionId,
      ...sessionForm(conference, 60, 120, { title: "Workshop Wijk", kind: "WORKSHOP", roomId: conference.rooms.small, workshopRoundId: conference.roundId, capacity: "2" }),
    });
    expect(grown).toMatchObject({ ok: true });
    const choice = await db.workshopChoice.findFirstOrThrow({ where: { registrationId: waiter.id } });
    expect(choice.status).toBe("CONFIRMED");
    expect((await emailsTo(waiter.email)).map((e) => e.kind)).toContain("registration.workshopPromoted");
  });
});

describe("deleting from the programme", () => {
  it("refuses to delete a workshop, or its round, that people chose; allows it once they are gone", async () => {
    const conference = await createEditorConference(organisation.id);
    const created = await run(createSessionDefinition, {
      conferenceId: conference.id,
      requestKey: crypto.randomUUID(),
      ...sessionForm(conference, 60, 120, { title: "Workshop Buurt", kind: "WORKSHOP", roomId: conference.rooms.small, workshopRoundId: conference.roundId, capacity: "5" }),
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const sessionId = (created.data as { sessionId: string }).sessionId;
    const attendee = await register(conference, { workshops: { [conference.roundId]: sessionId } });

    expect(await run(deleteSessionDefinition, { sessionId })).toMatchObject({ ok: false, reason: "hasChoices" });
    expect(await run(deleteRoundDefinition, { roundId: conference.roundId })).toMatchObject({ ok: false, reason: "hasChoices" });
    expect(await db.workshopChoice.count({ where: { registrationId: attendee.id } })).toBe(1);

    await db.workshopChoice.deleteMany({ where: { registrationId: attendee.id } });
    expect(await run(deleteSessionDefinition, { sessionId })).toMatchObject({ ok: true });
    expect(await db.programmeSession.count({ where: { id: sessionId } })).toBe(0);
  });
});

describe("cancelling", () => {
  it("emails every registrant, confirmed and waiting, each once in their own language", async () => {
    const conference = await createEditorConference(organisation.id, { capacity: 1 });
    const confirmed = await register(conference);
    const waiting = await register(conference, { locale: "en" });
    const first = await run(cancel, { conferenceId: conference.id });
    const again = await run(cancel, { conferenceId: conference.id });
    expect(first).toMatchObject({ ok: true, data: { emailed: 2 } });
    expect(again).toMatchObject({ ok: true, data: { emailed: 0 } });
    const dutch = (await emailsTo(confirmed.email)).filter((e) => e.kind === "conference.cancelled");
    const english = (await emailsTo(waiting.email)).filter((e) => e.kind === "conference.cancelled");
    expect(dutch.map((e) => e.subject)).toEqual([expect.stringMatching(/^Geannuleerd: /)]);
    expect(english.map((e) => e.subject)).toEqual([expect.stringMatching(/^Cancelled: /)]);
    expect((await db.conference.findUniqueOrThrow({ where: { id: conference.id } })).status).toBe("CANCELLED");
    expect(await run(publish, { conferenceId: conference.id })).toMatchObject({ ok: false, reason: "cancelled" });
  });
});

describe("creating and duplicating", () => {
  it("creates a draft once per form, refuses a taken address, and publishes", async () => {
    const requestKey = crypto.randomUUID();
    const start = new Date(Date.now() + 60 * 24 * 60 * MINUTE);
    const input = {
      organisationId: organisation.id,
      requestKey,
      title: "Doe, Leer en Inspireer!",
      subtitle: "",
      slug: `doe-leer-${requestKey.slice(0, 8)}`,
      description: "Een middag vol ontmoetingen.",
      venueId: "",
      coverPhotoId: "",
      startsAt: toAmsterdamInput(start),
      endsAt: toAmsterdamInput(new Date(start.getTime() + 4 * 60 * MINUTE)),
      capacity: "120",
      registrationOpensAt: "",
      registrationClosesAt: "",
      coverAlt: "",
    };
    const [a, b] = await Promise.all([run(create, input), run(create, input)]);
    expect(a.ok && b.ok).toBe(true);
    expect(await db.conference.count({ where: { slug: input.slug } })).toBe(1);
    const taken = await run(create, { ...input, requestKey: crypto.randomUUID() });
    expect(taken).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { slug: "slugTaken" } });
    const conference = await db.conference.findUniqueOrThrow({ where: { slug: input.slug } });
    expect(conference.status).toBe("DRAFT");
    expect(conference.startsAt.toISOString()).toBe(new Date(Math.floor(start.getTime() / MINUTE) * MINUTE).toISOString());
    expect(await run(publish, { conferenceId: conference.id })).toMatchObject({ ok: true });
    expect((await db.conference.findUniqueOrThrow({ where: { id: conference.id } })).status).toBe("PUBLISHED");
  });

  it("duplicates the programme as a draft with a new address, without registrations", async () => {
    const conference = await createEditorConference(organisation.id);
    const speaker = await createSpeaker(organisation.id, "Lector Smit");
    await run(createSessionDefinition, {
      conferenceId: conference.id,
      requestKey: crypto.randomUUID(),
      ...sessionForm(conference, 0, 60, { title: "Keynote", kind: "KEYNOTE", roomId: conference.rooms.big, ...speakerFields(speaker) }),
    });
    await run(createSessionDefinition, {
      conferenceId: conference.id,
      requestKey: crypto.randomUUID(),
      ...sessionForm(conference, 60, 120, { title: "Workshop", kind: "WORKSHOP", roomId: conference.rooms.small, workshopRoundId: conference.roundId, capacity: "15" }),
    });
    await register(conference);
    const outcome = await run(duplicate, { conferenceId: conference.id });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const copy = await db.conference.findUniqueOrThrow({
      where: { id: (outcome.data as { conferenceId: string }).conferenceId },
      include: { rounds: true, sessions: { include: { speakers: true }, orderBy: { startsAt: "asc" } }, _count: { select: { registrations: true } } },
    });
    expect(copy.status).toBe("DRAFT");
    expect(copy.slug).toBe(`${conference.slug}-kopie`);
    expect(copy._count.registrations).toBe(0);
    expect(copy.rounds.map((r) => r.title)).toEqual(["Workshopronde 1"]);
    expect(copy.sessions.map((s) => [s.title, s.capacity, s.roomId])).toEqual([
      ["Keynote", null, conference.rooms.big],
      ["Workshop", 15, conference.rooms.small],
    ]);
    expect(copy.sessions[1]?.workshopRoundId).toBe(copy.rounds[0]?.id);
    expect(copy.sessions[0]?.speakers.map((s) => s.speakerId)).toEqual([speaker]);

    // Moving the copy a year on moves its programme along.
    const yearLater = (date: Date) => toAmsterdamInput(new Date(date.getTime() + 364 * 24 * 60 * MINUTE));
    const moved = await run(update, await conferenceForm(copy.id, { startsAt: yearLater(copy.startsAt), endsAt: yearLater(copy.endsAt) }));
    expect(moved).toMatchObject({ ok: true });
    const keynote = await db.programmeSession.findFirstOrThrow({ where: { conferenceId: copy.id, title: "Keynote" } });
    expect(keynote.startsAt.getTime() - conference.startsAt.getTime()).toBe(364 * 24 * 60 * MINUTE);
  });
});

describe("photos", () => {
  const png = async () =>
    new File([new Uint8Array(await sharp({ create: { width: 64, height: 48, channels: 3, background: "#0b4652" } }).png().toBuffer())], "omslag.png", {
      type: "image/png",
    });

  it("stores an uploaded cover with the conference, and none when the conference is refused", async () => {
    const conference = await createEditorConference(organisation.id);
    const photosBefore = await db.photo.count({ where: { organisationId: organisation.id } });
    const withoutAlt = await run(update, { ...(await conferenceForm(conference.id)), coverUpload: await png() });
    expect(withoutAlt).toMatchObject({ ok: false, fieldErrors: { coverAlt: "altRequired" } });
    const refused = await run(update, { ...(await conferenceForm(conference.id, { capacity: "0" })), coverUpload: await png(), coverAlt: "Zaal" });
    expect(refused).toMatchObject({ ok: false, reason: "invalid" });
    expect(await db.photo.count({ where: { organisationId: organisation.id } })).toBe(photosBefore);

    const saved = await run(update, { ...(await conferenceForm(conference.id)), coverUpload: await png(), coverAlt: "Het toneel van de Grote zaal" });
    expect(saved).toMatchObject({ ok: true });
    const cover = await db.conference.findUniqueOrThrow({ where: { id: conference.id }, include: { coverPhoto: true } });
    expect(cover.coverPhoto).toMatchObject({ altText: "Het toneel van de Grote zaal", width: 64, height: 48 });
    expect(cover.coverPhoto?.mimeType).toMatch(/^image\//);
  });

  it("gives a speaker a re-encoded photo and refuses a file that is no image", async () => {
    const notAnImage = new File([new TextEncoder().encode("<?php echo 1; ?>")], "portret.jpg", { type: "image/jpeg" });
    const refused = await run(createSpeakerDefinition, {
      organisationId: organisation.id,
      requestKey: crypto.randomUUID(),
      name: `Vreemd Bestand ${crypto.randomUUID().slice(0, 6)}`,
      role: "",
      affiliation: "",
      bio: "",
      photo: notAnImage,
      photoAlt: "Portret",
    });
    expect(refused).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { photo: "uploadNotAnImage" } });

    const created = await run(createSpeakerDefinition, {
      organisationId: organisation.id,
      requestKey: crypto.randomUUID(),
      name: `Fatima Ouali ${crypto.randomUUID().slice(0, 6)}`,
      role: "Wijkverpleegkundige",
      affiliation: "",
      bio: "",
      photo: await png(),
      photoAlt: "Portret van Fatima Ouali",
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const speaker = await db.speaker.findUniqueOrThrow({ where: { id: (created.data as { speakerId: string }).speakerId }, include: { photo: true } });
    expect(speaker.photo).toMatchObject({ altText: "Portret van Fatima Ouali", width: 64 });
  });
});

describe("the programme editor's shortcuts (issue 14, item 10)", () => {
  let conference: EditorConference;
  beforeAll(async () => {
    conference = await createEditorConference(organisation.id);
  });
  const add = (fields: Record<string, string>, from: number, to: number) =>
    run(createSessionDefinition, { conferenceId: conference.id, requestKey: crypto.randomUUID(), ...sessionForm(conference, from, to, fields) });

  it("stores any number of speakers, each with their part, in the order chosen", async () => {
    const names = ["Ank", "Bas", "Cor", "Dido", "Eef", "Fleur"];
    const ids = await Promise.all(names.map((name) => createSpeaker(organisation.id, `${name} ${crypto.randomUUID().slice(0, 4)}`)));
    const fields = Object.assign({}, ...ids.map((id, index) => speakerFields(id, ids.length - index, index === 0 ? "MODERATOR" : "SPEAKER")));
    const outcome = await add({ title: "Panel met zes", kind: "PANEL", roomId: conference.rooms.big, ...fields }, 0, 30);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const speakers = await db.sessionSpeaker.findMany({ where: { sessionId: (outcome.data as { sessionId: string }).sessionId }, orderBy: { position: "asc" } });
    // Positions 6..1 were posted: the last speaker first, the moderator last.
    expect(speakers.map((s) => s.speakerId)).toEqual([...ids].reverse());
    expect(speakers.at(-1)?.part).toBe("MODERATOR");
  });

  it("makes a workshop round from the session form, once, and asks for its name", async () => {
    const nameless = await add({ kind: "WORKSHOP", roomId: conference.rooms.small, workshopRoundId: "new", capacity: "10" }, 30, 60);
    expect(nameless).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { newRoundTitle: "required" } });
    const title = `Middagronde ${crypto.randomUUID().slice(0, 6)}`;
    const input = { conferenceId: conference.id, requestKey: crypto.randomUUID(), ...sessionForm(conference, 30, 60, { kind: "WORKSHOP", roomId: conference.rooms.small, workshopRoundId: "new", newRoundTitle: title, capacity: "10" }) };
    const [a, b] = await Promise.all([run(createSessionDefinition, input), run(createSessionDefinition, input)]);
    expect(a.ok && b.ok).toBe(true);
    const rounds = await db.workshopRound.findMany({ where: { conferenceId: conference.id, title }, include: { sessions: true } });
    expect(rounds).toHaveLength(1);
    expect(rounds[0]?.sessions.map((s) => s.capacity)).toEqual([10]);
    // What the form keeps for the next workshop of the round: the round, kind, room and places, at the same time.
    const next = (a.ok ? (a.data as { next: Record<string, string> }).next : {}) as Record<string, string>;
    expect(next).toMatchObject({ workshopRoundId: rounds[0]?.id, kind: "WORKSHOP", roomId: conference.rooms.small, capacity: "10", startsAt: input.startsAt, endsAt: input.endsAt });
    // An existing session cannot make a round.
    const sessionId = rounds[0]?.sessions[0]?.id ?? "";
    const moved = await run(updateSessionDefinition, { sessionId, ...sessionForm(conference, 30, 60, { workshopRoundId: "new", newRoundTitle: "Nog een" }) });
    expect(moved).toMatchObject({ ok: false, fieldErrors: { workshopRoundId: "unknownRound" } });
  });

  it("moves a plenary session's form on to the next slot, as long as the last one", async () => {
    const outcome = await add({ kind: "KEYNOTE", roomId: conference.rooms.big }, 60, 105);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const at = (minutes: number) => toAmsterdamInput(new Date(conference.startsAt.getTime() + minutes * MINUTE));
    expect((outcome.data as { next: Record<string, string> }).next).toMatchObject({ kind: "KEYNOTE", roomId: conference.rooms.big, workshopRoundId: "", startsAt: at(105), endsAt: at(150) });
  });
});

describe("a new conference's address and a start in the past (issue 14, item 10)", () => {
  const form = (fields: Record<string, string>) => {
    const start = new Date(Date.now() + 90 * 24 * 60 * MINUTE);
    return {
      organisationId: organisation.id,
      requestKey: crypto.randomUUID(),
      title: "Café Ééns Anders",
      subtitle: "",
      slug: "",
      description: "",
      venueId: "",
      coverPhotoId: "",
      startsAt: toAmsterdamInput(start),
      endsAt: toAmsterdamInput(new Date(start.getTime() + 3 * 60 * MINUTE)),
      capacity: "40",
      registrationOpensAt: "",
      registrationClosesAt: "",
      coverAlt: "",
      savedStartsAt: "",
      ...fields,
    };
  };

  it("makes the address from the title when none is typed, numbered when it is taken", async () => {
    const title = `Café Ééns Anders ${crypto.randomUUID().slice(0, 6)}`;
    const first = await run(create, form({ title }));
    const second = await run(create, form({ title }));
    if (!first.ok || !second.ok) throw new Error(JSON.stringify([first, second]));
    const base = `cafe-eens-anders-${title.slice(-6).toLowerCase()}`;
    expect((first.data as { slug: string }).slug).toBe(base);
    expect((second.data as { slug: string }).slug).toBe(`${base}-2`);
  });

  it("asks about a start in the past, and stores it once confirmed; an edit keeps an old start without asking", async () => {
    const past = { startsAt: "2020-03-05T09:00", endsAt: "2020-03-05T12:00", slug: `verleden-${crypto.randomUUID().slice(0, 8)}` };
    expect(await run(create, form(past))).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { startsAt: "startsInPast" } });
    expect(await db.conference.count({ where: { slug: past.slug } })).toBe(0);
    const confirmed = await run(create, form({ ...past, confirmPast: "on" }));
    if (!confirmed.ok) throw new Error(JSON.stringify(confirmed));
    const id = (confirmed.data as { conferenceId: string }).conferenceId;
    expect(await run(update, await conferenceForm(id, { title: "Verleden, hernoemd" }))).toMatchObject({ ok: true });
    // A new date in the past is asked about again.
    expect(await run(update, await conferenceForm(id, { startsAt: "2020-03-04T09:00" }))).toMatchObject({ ok: false, fieldErrors: { startsAt: "startsInPast" } });
  });
});
