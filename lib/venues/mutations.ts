import "server-only";
import { recordAudit } from "@/lib/audit/log";
import type { OrganisationAccess } from "@/lib/auth/authorize";
import type { FieldErrors, HandlerResult } from "@/lib/auth/outcome";
import { db, type Tx } from "@/lib/db";
import { earlierCreation } from "@/lib/editor/request-key";
import type { CreateRoom, CreateVenue, UpdateRoom, UpdateVenue } from "./schema";

// Venues and their rooms are the organisation's own and reused by its conferences. Every function scopes its
// reads to access.organisation: another organisation's id is not found. What changed is returned with the
// slugs of the conferences that show it, so the action can refresh their public pages.

const invalid = (fieldErrors: FieldErrors) => ({ ok: false, reason: "invalid", fieldErrors }) as const;

type VenueChange = { venueId: string; conferenceSlugs: string[] };

async function conferenceSlugs(tx: Tx, venueId: string): Promise<string[]> {
  const conferences = await tx.conference.findMany({ where: { venueId }, select: { slug: true } });
  return conferences.map((c) => c.slug);
}

async function nameTaken(tx: Tx, organisationId: string, name: string, exceptId?: string): Promise<boolean> {
  const existing = await tx.venue.findFirst({
    where: { organisationId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  return existing !== null;
}

function venueData(input: CreateVenue | UpdateVenue) {
  return {
    name: input.name,
    street: input.street,
    postalCode: input.postalCode,
    city: input.city,
    accessibilityNotes: input.accessibilityNotes,
    website: input.website,
  };
}

export async function createVenue(access: OrganisationAccess, input: CreateVenue): Promise<HandlerResult<VenueChange, never>> {
  const organisationId = access.organisation.id;
  return db.$transaction(async (tx) => {
    const earlier = await earlierCreation(tx, organisationId, "venue.created", input.requestKey);
    if (earlier) return { ok: true, data: { venueId: earlier, conferenceSlugs: [] } } as const;
    if (await nameTaken(tx, organisationId, input.name)) return invalid({ name: "nameTaken" });
    const venue = await tx.venue.create({ data: { organisationId, ...venueData(input) }, select: { id: true } });
    await recordAudit(tx, {
      organisationId,
      actorUserId: access.user.id,
      action: "venue.created",
      entityType: "venue",
      entityId: venue.id,
      details: { name: input.name, requestKey: input.requestKey },
    });
    return { ok: true, data: { venueId: venue.id, conferenceSlugs: [] } } as const;
  });
}

export async function updateVenue(access: OrganisationAccess, input: UpdateVenue): Promise<HandlerResult<VenueChange, "notFound">> {
  const organisationId = access.organisation.id;
  return db.$transaction(async (tx) => {
    const venue = await tx.venue.findFirst({ where: { id: input.venueId, organisationId }, select: { id: true } });
    if (!venue) return { ok: false, reason: "notFound" } as const;
    if (await nameTaken(tx, organisationId, input.name, venue.id)) return invalid({ name: "nameTaken" });
    await tx.venue.update({ where: { id: venue.id }, data: venueData(input) });
    await recordAudit(tx, {
      organisationId,
      actorUserId: access.user.id,
      action: "venue.updated",
      entityType: "venue",
      entityId: venue.id,
      details: { name: input.name },
    });
    return { ok: true, data: { venueId: venue.id, conferenceSlugs: await conferenceSlugs(tx, venue.id) } } as const;
  });
}

/** Only a venue that no conference uses: a conference's address must never vanish from under it. */
export async function deleteVenue(
  access: OrganisationAccess,
  input: { venueId: string },
): Promise<HandlerResult<VenueChange, "notFound" | "inUse">> {
  const organisationId = access.organisation.id;
  return db.$transaction(async (tx) => {
    const venue = await tx.venue.findFirst({ where: { id: input.venueId, organisationId }, select: { id: true, name: true } });
    if (!venue) return { ok: false, reason: "notFound" } as const;
    if ((await tx.conference.count({ where: { venueId: venue.id } })) > 0) return { ok: false, reason: "inUse" } as const;
    await tx.venue.delete({ where: { id: venue.id } });
    await recordAudit(tx, {
      organisationId,
      actorUserId: access.user.id,
      action: "venue.deleted",
      entityType: "venue",
      entityId: venue.id,
      details: { name: venue.name },
    });
    return { ok: true, data: { venueId: venue.id, conferenceSlugs: [] } } as const;
  });
}

async function roomNameTaken(tx: Tx, venueId: string, name: string, exceptId?: string): Promise<boolean> {
  const existing = await tx.room.findFirst({
    where: { venueId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  return existing !== null;
}

export async function createRoom(access: OrganisationAccess, input: CreateRoom): Promise<HandlerResult<VenueChange, "notFound">> {
  const organisationId = access.organisation.id;
  return db.$transaction(async (tx) => {
    const venue = await tx.venue.findFirst({ where: { id: input.venueId, organisationId }, select: { id: true } });
    if (!venue) return { ok: false, reason: "notFound" } as const;
    if (await earlierCreation(tx, organisationId, "room.created", input.requestKey)) {
      return { ok: true, data: { venueId: venue.id, conferenceSlugs: [] } } as const;
    }
    if (await roomNameTaken(tx, venue.id, input.name)) return invalid({ name: "nameTaken" });
    const room = await tx.room.create({ data: { venueId: venue.id, name: input.name, capacity: input.capacity }, select: { id: true } });
    await recordAudit(tx, {
      organisationId,
      actorUserId: access.user.id,
      action: "room.created",
      entityType: "room",
      entityId: room.id,
      details: { venueId: venue.id, name: input.name, capacity: input.capacity, requestKey: input.requestKey },
    });
    return { ok: true, data: { venueId: venue.id, conferenceSlugs: [] } } as const;
  });
}

async function roomInOrganisation(tx: Tx, organisationId: string, roomId: string) {
  return tx.room.findFirst({ where: { id: roomId, venue: { organisationId } }, select: { id: true, venueId: true, name: true, capacity: true } });
}

/**
 * A room may not shrink below a workshop planned in it: that workshop would promise more places than the
 * room has.
 */
export async function updateRoom(access: OrganisationAccess, input: UpdateRoom): Promise<HandlerResult<VenueChange, "notFound">> {
  const organisationId = access.organisation.id;
  return db.$transaction(async (tx) => {
    const room = await roomInOrganisation(tx, organisationId, input.roomId);
    if (!room) return { ok: false, reason: "notFound" } as const;
    const errors: FieldErrors = {};
    if (await roomNameTaken(tx, room.venueId, input.name, room.id)) errors.name = "nameTaken";
    const larger = await tx.programmeSession.count({ where: { roomId: room.id, capacity: { gt: input.capacity } } });
    if (larger > 0) errors.capacity = "capacityBelowSessions";
    if (Object.keys(errors).length > 0) return invalid(errors);
    await tx.room.update({ where: { id: room.id }, data: { name: input.name, capacity: input.capacity } });
    await recordAudit(tx, {
      organisationId,
      actorUserId: access.user.id,
      action: "room.updated",
      entityType: "room",
      entityId: room.id,
      details: { name: input.name, capacity: { from: room.capacity, to: input.capacity } },
    });
    return { ok: true, data: { venueId: room.venueId, conferenceSlugs: await conferenceSlugs(tx, room.venueId) } } as const;
  });
}

export async function deleteRoom(
  access: OrganisationAccess,
  input: { roomId: string },
): Promise<HandlerResult<VenueChange, "notFound" | "inUse">> {
  const organisationId = access.organisation.id;
  return db.$transaction(async (tx) => {
    const room = await roomInOrganisation(tx, organisationId, input.roomId);
    if (!room) return { ok: false, reason: "notFound" } as const;
    if ((await tx.programmeSession.count({ where: { roomId: room.id } })) > 0) return { ok: false, reason: "inUse" } as const;
    await tx.room.delete({ where: { id: room.id } });
    await recordAudit(tx, {
      organisationId,
      actorUserId: access.user.id,
      action: "room.deleted",
      entityType: "room",
      entityId: room.id,
      details: { name: room.name, venueId: room.venueId },
    });
    return { ok: true, data: { venueId: room.venueId, conferenceSlugs: [] } } as const;
  });
}
