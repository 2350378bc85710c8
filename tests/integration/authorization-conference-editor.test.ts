import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import type { CurrentUser } from "@/lib/auth/session";
import { cancel, create, duplicate, publish, reminders, update } from "@/lib/conferences/definitions";
import { db } from "@/lib/db";
import { toAmsterdamInput } from "@/lib/time/amsterdam";
import {
  createRoundDefinition,
  createSessionDefinition,
  deleteRoundDefinition,
  deleteSessionDefinition,
  publishAllocationDefinition,
  roundAllocationDefinition,
  updateRoundDefinition,
  updateSessionDefinition,
} from "@/lib/programme/definitions";
import { createSpeakerDefinition, deleteSpeakerDefinition, updateSpeakerDefinition } from "@/lib/speakers/definitions";
import {
  createRoomDefinition,
  createVenueDefinition,
  deleteRoomDefinition,
  deleteVenueDefinition,
  updateRoomDefinition,
  updateVenueDefinition,
} from "@/lib/venues/definitions";
import { conferenceForm, createEditorConference, createSpeaker, sessionForm, speakerFields, type EditorConference } from "../support/editor-factories";
import { createOrganisation, type TestOrganisation } from "../support/organisation-factories";

// next-auth's ESM build imports "next/server" in a way only Next's bundler resolves; these tests pass the user in.
vi.mock("@/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined }));

// Every action of the conference editor (conferences, venues, rooms, speakers, programme; it has no route
// handlers), run as each kind of outsider: each is refused and leaves the organisation exactly as it was.

type AnyDefinition = ActionDefinition<never, unknown, string>;

let home: TestOrganisation;
let other: TestOrganisation;
let conference: EditorConference;
let speakerId: string;
let sessionId: string;
let spareVenueId: string;
let spareRoomId: string;
let spareSpeakerId: string;

beforeAll(async () => {
  [home, other] = await Promise.all([createOrganisation(), createOrganisation()]);
  conference = await createEditorConference(home.id, { status: "DRAFT" });
  speakerId = await createSpeaker(home.id, "Gastspreker");
  spareSpeakerId = await createSpeaker(home.id, "Reserve");
  const session = await db.programmeSession.create({
    data: { conferenceId: conference.id, title: "Opening", kind: "WELCOME", startsAt: conference.startsAt, endsAt: new Date(conference.startsAt.getTime() + 30 * 60_000) },
    select: { id: true },
  });
  sessionId = session.id;
  const spare = await db.venue.create({
    data: { organisationId: home.id, name: "Reservezaal", street: "Straat 1", postalCode: "1234 AB", city: "Dordrecht", rooms: { create: { name: "Zaal 1", capacity: 10 } } },
    include: { rooms: true },
  });
  spareVenueId = spare.id;
  spareRoomId = spare.rooms[0]?.id ?? "";
});
afterAll(() => db.$disconnect());

/** Everything these actions could change in the organisation. */
async function snapshot(organisationId: string) {
  const [conferences, venues, rooms, speakers, sessions, rounds, sessionSpeakers, audit, outbox] = await Promise.all([
    db.conference.findMany({ where: { organisationId }, orderBy: { id: "asc" } }),
    db.venue.findMany({ where: { organisationId }, orderBy: { id: "asc" } }),
    db.room.findMany({ where: { venue: { organisationId } }, orderBy: { id: "asc" } }),
    db.speaker.findMany({ where: { organisationId }, orderBy: { id: "asc" } }),
    db.programmeSession.findMany({ where: { conference: { organisationId } }, orderBy: { id: "asc" } }),
    db.workshopRound.findMany({ where: { conference: { organisationId } }, orderBy: { id: "asc" } }),
    db.sessionSpeaker.findMany({ where: { speaker: { organisationId } }, orderBy: [{ sessionId: "asc" }, { speakerId: "asc" }] }),
    db.auditLogEntry.findMany({ where: { organisationId }, orderBy: { id: "asc" } }),
    db.emailOutbox.count(),
  ]);
  return { conferences, venues, rooms, speakers, sessions, rounds, sessionSpeakers, audit, outbox };
}

/** One valid input per action, each aimed at the home organisation's records. */
async function actions(): Promise<Array<{ name: string; definition: unknown; input: Record<string, unknown> }>> {
  const key = () => crypto.randomUUID();
  const venue = { name: "Nieuwe locatie", street: "Plein 2", postalCode: "3311 AA", city: "Dordrecht", accessibilityNotes: "", website: "" };
  const speaker = { name: "Nieuwe spreker", role: "", affiliation: "", bio: "", photoAlt: "" };
  return [
    { name: "create conference", definition: create, input: { ...(await conferenceForm(conference.id, { slug: `nieuw-${key().slice(0, 8)}` })), organisationId: home.id, requestKey: key() } },
    { name: "update conference", definition: update, input: await conferenceForm(conference.id, { title: "Overgenomen", capacity: "500" }) },
    { name: "publish conference", definition: publish, input: { conferenceId: conference.id } },
    { name: "cancel conference", definition: cancel, input: { conferenceId: conference.id } },
    { name: "duplicate conference", definition: duplicate, input: { conferenceId: conference.id } },
    { name: "turn reminders off", definition: reminders, input: { conferenceId: conference.id, reminderDayBefore: "on" } },
    { name: "create venue", definition: createVenueDefinition, input: { ...venue, organisationId: home.id, requestKey: key() } },
    { name: "update venue", definition: updateVenueDefinition, input: { ...venue, name: "Hernoemde locatie", venueId: conference.venueId } },
    { name: "create room", definition: createRoomDefinition, input: { venueId: conference.venueId, name: "Kelder", capacity: "12", requestKey: key() } },
    { name: "update room", definition: updateRoomDefinition, input: { roomId: conference.rooms.big, name: "Hal", capacity: "5" } },
    { name: "delete room", definition: deleteRoomDefinition, input: { roomId: spareRoomId } },
    { name: "delete venue", definition: deleteVenueDefinition, input: { venueId: spareVenueId } },
    { name: "create speaker", definition: createSpeakerDefinition, input: { ...speaker, organisationId: home.id, requestKey: key() } },
    { name: "update speaker", definition: updateSpeakerDefinition, input: { ...speaker, speakerId } },
    { name: "delete speaker", definition: deleteSpeakerDefinition, input: { speakerId: spareSpeakerId } },
    { name: "create session", definition: createSessionDefinition, input: { conferenceId: conference.id, requestKey: key(), ...sessionForm(conference, 60, 90) } },
    { name: "update session", definition: updateSessionDefinition, input: { sessionId, ...sessionForm(conference, 0, 30, { title: "Gekaapt", ...speakerFields(speakerId) }) } },
    { name: "delete session", definition: deleteSessionDefinition, input: { sessionId } },
    { name: "create round", definition: createRoundDefinition, input: { conferenceId: conference.id, requestKey: key(), title: "Ronde 2" } },
    { name: "update round", definition: updateRoundDefinition, input: { roundId: conference.roundId, title: "Andere naam" } },
    {
      name: "allocate round by preference",
      definition: roundAllocationDefinition,
      input: { roundId: conference.roundId, allocation: "RANKED", rankingClosesAt: toAmsterdamInput(new Date(Date.now() + 86_400_000)) },
    },
    { name: "publish round allocation", definition: publishAllocationDefinition, input: { roundId: conference.roundId } },
    { name: "delete round", definition: deleteRoundDefinition, input: { roundId: conference.roundId } },
  ];
}

describe("conference editor actions", () => {
  const outsiders: Array<[string, () => CurrentUser | null, string]> = [
    ["anonymous", () => null, "unauthenticated"],
    ["a host of the organisation", () => home.host, "forbidden"],
    ["an organiser of another organisation", () => other.organiser, "notFound"],
    ["the owner of another organisation", () => other.owner, "notFound"],
  ];

  for (const [who, actor, reason] of outsiders) {
    it(`refuses ${who} every action and changes nothing`, async () => {
      for (const action of await actions()) {
        const before = await snapshot(home.id);
        const outcome = await runAuthorized(action.definition as AnyDefinition, actor(), action.input);
        expect(outcome.ok, `${action.name} as ${who}`).toBe(false);
        expect(outcome.ok ? "allowed" : outcome.reason, `${action.name} as ${who}`).toBe(reason);
        expect(await snapshot(home.id), `${action.name} as ${who}`).toEqual(before);
      }
    });
  }

  it("lets an organiser of the organisation do each, with an audit entry for every change", async () => {
    for (const action of await actions()) {
      const outcome = await runAuthorized(action.definition as AnyDefinition, home.organiser, action.input);
      expect(outcome, action.name).toMatchObject({ ok: true });
    }
    const audit = await db.auditLogEntry.findMany({ where: { organisationId: home.id }, select: { action: true, actorUserId: true } });
    expect(audit.length).toBeGreaterThanOrEqual(18);
    expect(audit.every((entry) => entry.actorUserId === home.organiser.id)).toBe(true);
  });

  it("does not let an organiser reach another organisation's records through their own", async () => {
    // A session form of the home organisation naming the other organisation's speaker and room.
    const foreign = await createEditorConference(other.id);
    const foreignSpeaker = await createSpeaker(other.id, "Vreemde");
    const target = await createEditorConference(home.id);
    const before = await snapshot(other.id);
    const outcome = await runAuthorized(createSessionDefinition as unknown as AnyDefinition, home.organiser, {
      conferenceId: target.id,
      requestKey: crypto.randomUUID(),
      ...sessionForm(target, 0, 30, { roomId: foreign.rooms.big, ...speakerFields(foreignSpeaker) }),
    });
    expect(outcome).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { roomId: "unknownRoom", [`speaker.${foreignSpeaker}`]: "unknownSpeaker" } });
    const venue = await runAuthorized(update as unknown as AnyDefinition, home.organiser, await conferenceForm(target.id, { venueId: foreign.venueId }));
    expect(venue).toMatchObject({ ok: false, fieldErrors: { venueId: "unknownVenue" } });
    expect(await snapshot(other.id)).toEqual(before);
  });
});
