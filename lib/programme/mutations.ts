import "server-only";
import { recordAudit } from "@/lib/audit/log";
import type { OrganisationAccess } from "@/lib/auth/authorize";
import type { FieldErrors, HandlerResult } from "@/lib/auth/outcome";
import { db, type Tx } from "@/lib/db";
import { earlierCreation } from "@/lib/editor/request-key";
import { kickMailWorker } from "@/lib/mail/worker";
import { checkSessionCapacity, lockPlaces, PLACES_TRANSACTION, setRoundAllocation, setSessionCapacity } from "@/lib/places/mutations";
import { publishAllocation } from "@/lib/places/ranked-choice";
import { toAmsterdamInput } from "@/lib/time/amsterdam";
import { NEW_ROUND, nextSessionValues, speakersOf, type CreateSession, type RoundAllocation, type SessionInput, type UpdateSession } from "./schema";

// The programme of one conference. Everything runs under the conference's places lock (lib/places): the
// places taken in a workshop cannot change while its capacity is decided there, and two organisers cannot put
// two sessions into one room at the same moment. What cannot be is refused with an error on the field to fix.

export type ProgrammeChange = { conferenceId: string; slug: string; promoted: number };
type Invalid = { ok: false; reason: "invalid"; fieldErrors: FieldErrors };
const invalid = (fieldErrors: FieldErrors): Invalid => ({ ok: false, reason: "invalid", fieldErrors });

async function lockedConference(tx: Tx, organisationId: string, conferenceId: string) {
  const conference = await tx.conference.findFirst({
    where: { id: conferenceId, organisationId },
    select: { id: true, slug: true, startsAt: true, endsAt: true, venueId: true },
  });
  if (conference) await lockPlaces(tx, conference.id);
  return conference;
}

type Conference = NonNullable<Awaited<ReturnType<typeof lockedConference>>>;

const SESSION_KEPT = { id: true, kind: true, roomId: true, workshopRoundId: true, capacity: true, startsAt: true, endsAt: true } as const;

/** Two intervals [start, end) overlap when each starts before the other ends. */
const overlapping = (input: { startsAt: Date; endsAt: Date }) => ({ startsAt: { lt: input.endsAt }, endsAt: { gt: input.startsAt } });

/** The four refusals of the programme, and the references a form could have been edited to point elsewhere. */
async function checkSession(
  tx: Tx,
  organisationId: string,
  conference: Conference,
  input: SessionInput,
  current: { id: string; capacity: number | null; workshopRoundId: string | null } | null,
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (input.startsAt < conference.startsAt || input.startsAt >= conference.endsAt) errors.startsAt = "outsideConference";
  if (input.endsAt > conference.endsAt || input.endsAt <= conference.startsAt) errors.endsAt = "outsideConference";
  const others = current ? { id: { not: current.id } } : {};

  let roomCapacity: number | null = null;
  if (input.roomId) {
    const room = conference.venueId
      ? await tx.room.findFirst({ where: { id: input.roomId, venueId: conference.venueId }, select: { id: true, capacity: true } })
      : null;
    if (!room) errors.roomId = "unknownRoom";
    else {
      roomCapacity = room.capacity;
      // A room is a place in the world: a session of another conference there at that time counts too,
      // unless that conference was called off.
      const clash = await tx.programmeSession.findFirst({
        where: { roomId: room.id, ...others, ...overlapping(input), conference: { status: { not: "CANCELLED" } } },
        select: { id: true },
      });
      if (clash) errors.roomId = "roomTaken";
    }
  }

  if (input.workshopRoundId === NEW_ROUND && current) {
    // A round is made with a new session only: an existing one moves into a round that exists.
    errors.workshopRoundId = "unknownRound";
  } else if (input.workshopRoundId && input.workshopRoundId !== NEW_ROUND) {
    const round = await tx.workshopRound.findFirst({ where: { id: input.workshopRoundId, conferenceId: conference.id }, select: { id: true } });
    if (!round) errors.workshopRoundId = "unknownRound";
  }
  if (current && current.workshopRoundId && current.workshopRoundId !== input.workshopRoundId) {
    // Choices point at (session, round): moving the session out of its round would orphan them.
    if ((await tx.workshopChoice.count({ where: { sessionId: current.id } })) > 0) errors.workshopRoundId = "roundHasChoices";
  }

  if (input.capacity !== null) {
    if (roomCapacity !== null && input.capacity > roomCapacity) errors.capacity = "capacityAboveRoom";
    else if (current && (await checkSessionCapacity(tx, current.id, input.capacity)).outcome === "belowTaken") {
      errors.capacity = "capacityBelowTaken";
    }
  }

  for (const { speakerId } of speakersOf(input)) {
    const speaker = await tx.speaker.findFirst({ where: { id: speakerId, organisationId }, select: { id: true } });
    if (!speaker) {
      errors[`speaker.${speakerId}`] = "unknownSpeaker";
      continue;
    }
    // A person is in one place at a time: this conference's other sessions, and those of the organisation's
    // published conferences. A draft elsewhere (say a copy not yet moved to its new date) does not count.
    const busy = await tx.programmeSession.findFirst({
      where: {
        ...others,
        ...overlapping(input),
        speakers: { some: { speakerId } },
        OR: [{ conferenceId: conference.id }, { conference: { status: "PUBLISHED", organisationId } }],
      },
      select: { id: true },
    });
    if (busy) errors[`speaker.${speakerId}`] = "speakerBusy";
  }
  return errors;
}

function sessionData(input: SessionInput) {
  return {
    title: input.title,
    description: input.description,
    kind: input.kind,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    roomId: input.roomId,
    workshopRoundId: input.workshopRoundId,
    capacity: input.workshopRoundId ? input.capacity : null,
  };
}

/** A new session, and what its form keeps for the next one (the kind, room, round and places; the next time). */
export type SessionAdded = ProgrammeChange & { sessionId: string; next: Record<string, string> };

/** A round made from the session form (issue 14, item 10), last in the conference's order, as RoundForm makes one. */
async function createRoundWith(tx: Tx, access: OrganisationAccess, conference: Conference, title: string): Promise<string> {
  const last = await tx.workshopRound.aggregate({ where: { conferenceId: conference.id }, _max: { position: true } });
  const round = await tx.workshopRound.create({
    data: { conferenceId: conference.id, title, position: (last._max.position ?? -1) + 1 },
    select: { id: true },
  });
  await recordAudit(tx, {
    organisationId: access.organisation.id,
    actorUserId: access.user.id,
    action: "round.created",
    entityType: "round",
    entityId: round.id,
    details: { conference: conference.slug, title },
  });
  return round.id;
}

export async function createSession(access: OrganisationAccess, input: CreateSession): Promise<HandlerResult<SessionAdded, "notFound">> {
  const organisationId = access.organisation.id;
  return db.$transaction(async (tx) => {
    const conference = await lockedConference(tx, organisationId, input.conferenceId);
    if (!conference) return { ok: false, reason: "notFound" } as const;
    const added = (session: { id: string; kind: string; roomId: string | null; workshopRoundId: string | null; capacity: number | null; startsAt: Date; endsAt: Date }) =>
      ({
        ok: true,
        data: {
          conferenceId: conference.id,
          slug: conference.slug,
          promoted: 0,
          sessionId: session.id,
          next: nextSessionValues(session, conference.endsAt, toAmsterdamInput),
        },
      }) as const;
    const earlier = await earlierCreation(tx, organisationId, "session.created", input.requestKey);
    if (earlier) return added(await tx.programmeSession.findUniqueOrThrow({ where: { id: earlier }, select: SESSION_KEPT }));
    const errors = await checkSession(tx, organisationId, conference, input, null);
    if (Object.keys(errors).length > 0) return invalid(errors);
    const workshopRoundId = input.workshopRoundId === NEW_ROUND ? await createRoundWith(tx, access, conference, input.newRoundTitle) : input.workshopRoundId;
    const session = await tx.programmeSession.create({
      data: {
        conferenceId: conference.id,
        ...sessionData({ ...input, workshopRoundId }),
        speakers: { create: speakersOf(input).map(({ speakerId, part, position }) => ({ speakerId, part, position })) },
      },
      select: SESSION_KEPT,
    });
    await recordAudit(tx, {
      organisationId,
      actorUserId: access.user.id,
      action: "session.created",
      entityType: "session",
      entityId: session.id,
      details: { conference: conference.slug, title: input.title, requestKey: input.requestKey },
    });
    return added(session);
  }, PLACES_TRANSACTION);
}

/**
 * Saves a session. A workshop whose places grow (or become unlimited) takes people from its waiting list in
 * the same transaction, longest waiting first, and they are emailed.
 */
export async function updateSession(
  access: OrganisationAccess,
  input: UpdateSession,
): Promise<HandlerResult<ProgrammeChange & { sessionId: string }, "notFound">> {
  const organisationId = access.organisation.id;
  const result = await db.$transaction(async (tx) => {
    const current = await tx.programmeSession.findFirst({
      where: { id: input.sessionId, conference: { organisationId } },
      select: { id: true, conferenceId: true, capacity: true, workshopRoundId: true, title: true },
    });
    if (!current) return { ok: false, reason: "notFound" } as const;
    const conference = await lockedConference(tx, organisationId, current.conferenceId);
    if (!conference) return { ok: false, reason: "notFound" } as const;
    const errors = await checkSession(tx, organisationId, conference, input, current);
    if (Object.keys(errors).length > 0) return invalid(errors);
    // The capacity is lib/places's to set: raised or lifted, the workshop's waiting list moves up.
    const { capacity, ...data } = sessionData(input);
    await tx.programmeSession.update({ where: { id: current.id }, data });
    await tx.sessionSpeaker.deleteMany({ where: { sessionId: current.id } });
    await tx.sessionSpeaker.createMany({
      data: speakersOf(input).map(({ speakerId, part, position }) => ({ sessionId: current.id, speakerId, part, position })),
    });
    const placed = await setSessionCapacity(tx, current.id, capacity);
    const promoted = placed.outcome === "set" ? placed.promoted : 0;
    await recordAudit(tx, {
      organisationId,
      actorUserId: access.user.id,
      action: "session.updated",
      entityType: "session",
      entityId: current.id,
      details: {
        conference: conference.slug,
        title: input.title,
        ...(current.capacity !== capacity ? { capacity: { from: current.capacity, to: capacity } } : {}),
      },
    });
    return {
      ok: true,
      data: { conferenceId: conference.id, slug: conference.slug, promoted, sessionId: current.id },
    } as const;
  }, PLACES_TRANSACTION);
  if (result.ok) kickMailWorker();
  return result;
}

export async function deleteSession(
  access: OrganisationAccess,
  input: { sessionId: string },
): Promise<HandlerResult<ProgrammeChange, "notFound" | "hasChoices">> {
  const organisationId = access.organisation.id;
  return db.$transaction(async (tx) => {
    const session = await tx.programmeSession.findFirst({
      where: { id: input.sessionId, conference: { organisationId } },
      select: { id: true, title: true, conferenceId: true },
    });
    if (!session) return { ok: false, reason: "notFound" } as const;
    const conference = await lockedConference(tx, organisationId, session.conferenceId);
    if (!conference) return { ok: false, reason: "notFound" } as const;
    // Choices cascade with their session: deleting it would take people's workshops away without a word.
    if (await tx.workshopChoice.count({ where: { sessionId: session.id, registration: { status: { not: "CANCELLED" } } } })) {
      return { ok: false, reason: "hasChoices" } as const;
    }
    await tx.programmeSession.delete({ where: { id: session.id } });
    await recordAudit(tx, {
      organisationId,
      actorUserId: access.user.id,
      action: "session.deleted",
      entityType: "session",
      entityId: session.id,
      details: { conference: conference.slug, title: session.title },
    });
    return { ok: true, data: { conferenceId: conference.id, slug: conference.slug, promoted: 0 } } as const;
  }, PLACES_TRANSACTION);
}

export async function createRound(
  access: OrganisationAccess,
  input: { conferenceId: string; title: string; requestKey: string },
): Promise<HandlerResult<ProgrammeChange, "notFound">> {
  const organisationId = access.organisation.id;
  return db.$transaction(async (tx) => {
    const conference = await lockedConference(tx, organisationId, input.conferenceId);
    if (!conference) return { ok: false, reason: "notFound" } as const;
    const done = { ok: true, data: { conferenceId: conference.id, slug: conference.slug, promoted: 0 } } as const;
    if (await earlierCreation(tx, organisationId, "round.created", input.requestKey)) return done;
    const last = await tx.workshopRound.aggregate({ where: { conferenceId: conference.id }, _max: { position: true } });
    const round = await tx.workshopRound.create({
      data: { conferenceId: conference.id, title: input.title, position: (last._max.position ?? -1) + 1 },
      select: { id: true },
    });
    await recordAudit(tx, {
      organisationId,
      actorUserId: access.user.id,
      action: "round.created",
      entityType: "round",
      entityId: round.id,
      details: { conference: conference.slug, title: input.title, requestKey: input.requestKey },
    });
    return done;
  }, PLACES_TRANSACTION);
}

async function roundInOrganisation(tx: Tx | typeof db, organisationId: string, roundId: string) {
  return tx.workshopRound.findFirst({ where: { id: roundId, conference: { organisationId } }, select: { id: true, title: true, conferenceId: true } });
}

export async function updateRound(
  access: OrganisationAccess,
  input: { roundId: string; title: string },
): Promise<HandlerResult<ProgrammeChange, "notFound">> {
  const organisationId = access.organisation.id;
  return db.$transaction(async (tx) => {
    const round = await roundInOrganisation(tx, organisationId, input.roundId);
    if (!round) return { ok: false, reason: "notFound" } as const;
    const conference = await lockedConference(tx, organisationId, round.conferenceId);
    if (!conference) return { ok: false, reason: "notFound" } as const;
    await tx.workshopRound.update({ where: { id: round.id }, data: { title: input.title } });
    await recordAudit(tx, {
      organisationId,
      actorUserId: access.user.id,
      action: "round.updated",
      entityType: "round",
      entityId: round.id,
      details: { conference: conference.slug, title: { from: round.title, to: input.title } },
    });
    return { ok: true, data: { conferenceId: conference.id, slug: conference.slug, promoted: 0 } } as const;
  }, PLACES_TRANSACTION);
}

const ALLOCATION_REFUSALS = { hasChoices: "roundHasChoices", hasRankings: "roundHasRankings", allocated: "roundAllocated" } as const;

/**
 * A round's allocation mode (lib/places decides whether it may change): first come, first served, or ranked
 * choice, whose rankings close before the conference starts.
 */
export async function setAllocationOfRound(
  access: OrganisationAccess,
  input: RoundAllocation,
): Promise<HandlerResult<ProgrammeChange, "notFound">> {
  const organisationId = access.organisation.id;
  return db.$transaction(async (tx) => {
    const round = await roundInOrganisation(tx, organisationId, input.roundId);
    if (!round) return { ok: false, reason: "notFound" } as const;
    const conference = await lockedConference(tx, organisationId, round.conferenceId);
    if (!conference) return { ok: false, reason: "notFound" } as const;
    if (input.allocation === "RANKED" && input.rankingClosesAt && input.rankingClosesAt >= conference.startsAt) {
      return invalid({ rankingClosesAt: "rankingClosesAfterStart" });
    }
    const answer = await setRoundAllocation(tx, round.id, input.allocation, input.allocation === "RANKED" ? input.rankingClosesAt : null);
    if (answer.outcome === "notFound") return { ok: false, reason: "notFound" } as const;
    if (answer.outcome !== "set") return invalid({ allocation: ALLOCATION_REFUSALS[answer.outcome] });
    await recordAudit(tx, {
      organisationId,
      actorUserId: access.user.id,
      action: "round.allocation",
      entityType: "round",
      entityId: round.id,
      details: { conference: conference.slug, title: round.title, allocation: input.allocation, rankingClosesAt: input.rankingClosesAt?.toISOString() ?? null },
    });
    return { ok: true, data: { conferenceId: conference.id, slug: conference.slug, promoted: 0 } } as const;
  }, PLACES_TRANSACTION);
}

/** Publishes a ranked round's allocation (computed and written by lib/places) and records who did it. */
export async function publishRoundAllocation(
  access: OrganisationAccess,
  input: { roundId: string },
): Promise<HandlerResult<ProgrammeChange & { placed: number; waiting: number }, "notFound" | "notRanked" | "allocated" | "busy">> {
  const round = await roundInOrganisation(db, access.organisation.id, input.roundId);
  if (!round) return { ok: false, reason: "notFound" };
  const published = await publishAllocation(round.id);
  if (!published.ok) return published;
  const conference = await db.conference.findUniqueOrThrow({ where: { id: round.conferenceId }, select: { id: true, slug: true } });
  await recordAudit(db, {
    organisationId: access.organisation.id,
    actorUserId: access.user.id,
    action: "round.allocated",
    entityType: "round",
    entityId: round.id,
    details: { conference: conference.slug, title: round.title, placed: published.placed, waiting: published.waiting },
  });
  kickMailWorker();
  return { ok: true, data: { conferenceId: conference.id, slug: conference.slug, promoted: 0, placed: published.placed, waiting: published.waiting } };
}

/** The round goes; its sessions stay in the programme for everyone, and the choices made in it lapse. */
export async function deleteRound(
  access: OrganisationAccess,
  input: { roundId: string },
): Promise<HandlerResult<ProgrammeChange, "notFound" | "hasChoices">> {
  const organisationId = access.organisation.id;
  return db.$transaction(async (tx) => {
    const round = await roundInOrganisation(tx, organisationId, input.roundId);
    if (!round) return { ok: false, reason: "notFound" } as const;
    const conference = await lockedConference(tx, organisationId, round.conferenceId);
    if (!conference) return { ok: false, reason: "notFound" } as const;
    // As for a session: people who chose a workshop in this round would lose it without a word.
    if (await tx.workshopChoice.count({ where: { roundId: round.id, registration: { status: { not: "CANCELLED" } } } })) {
      return { ok: false, reason: "hasChoices" } as const;
    }
    await tx.workshopChoice.deleteMany({ where: { roundId: round.id } });
    await tx.programmeSession.updateMany({ where: { workshopRoundId: round.id }, data: { workshopRoundId: null, capacity: null } });
    await tx.workshopRound.delete({ where: { id: round.id } });
    await recordAudit(tx, {
      organisationId,
      actorUserId: access.user.id,
      action: "round.deleted",
      entityType: "round",
      entityId: round.id,
      details: { conference: conference.slug, title: round.title },
    });
    return { ok: true, data: { conferenceId: conference.id, slug: conference.slug, promoted: 0 } } as const;
  }, PLACES_TRANSACTION);
}
