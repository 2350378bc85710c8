import "server-only";
import type { ActionDefinition } from "@/lib/auth/authorized-action";
import { ORGANISE } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { inOrganisation } from "@/lib/editor/in-organisation";
import { createRoom, createVenue, deleteRoom, deleteVenue, updateRoom, updateVenue } from "./mutations";
import {
  createRoomSchema,
  createVenueSchema,
  deleteRoomSchema,
  deleteVenueSchema,
  updateRoomSchema,
  updateVenueSchema,
} from "./schema";

// The venue actions as plain definitions (actions.ts makes server actions of them; the authorization tests
// run each as every kind of outsider).

type VenueChange = { venueId: string; conferenceSlugs: string[] };

async function organisationOfVenue({ venueId }: { venueId: string }): Promise<string | null> {
  const venue = await db.venue.findUnique({ where: { id: venueId }, select: { organisationId: true } });
  return venue?.organisationId ?? null;
}

async function organisationOfRoom({ roomId }: { roomId: string }): Promise<string | null> {
  const room = await db.room.findUnique({ where: { id: roomId }, select: { venue: { select: { organisationId: true } } } });
  return room?.venue.organisationId ?? null;
}

export const createVenueDefinition = {
  name: "venues.create",
  roles: ORGANISE,
  schema: createVenueSchema,
  organisationOf: async (input) => input.organisationId,
  handler: (input, access) => createVenue(access, input),
} satisfies ActionDefinition<typeof createVenueSchema, VenueChange, never>;

export const updateVenueDefinition = {
  name: "venues.update",
  roles: ORGANISE,
  schema: updateVenueSchema,
  organisationOf: organisationOfVenue,
  handler: (input, access) => updateVenue(access, input),
} satisfies ActionDefinition<typeof updateVenueSchema, VenueChange, "notFound">;

export const deleteVenueDefinition = {
  name: "venues.delete",
  roles: ORGANISE,
  schema: deleteVenueSchema,
  organisationOf: organisationOfVenue,
  handler: (input, access) => inOrganisation(access, deleteVenue(access, input)),
} satisfies ActionDefinition<typeof deleteVenueSchema, VenueChange & { organisationSlug: string }, "notFound" | "inUse">;

export const createRoomDefinition = {
  name: "rooms.create",
  roles: ORGANISE,
  schema: createRoomSchema,
  organisationOf: organisationOfVenue,
  handler: (input, access) => createRoom(access, input),
} satisfies ActionDefinition<typeof createRoomSchema, VenueChange, "notFound">;

export const updateRoomDefinition = {
  name: "rooms.update",
  roles: ORGANISE,
  schema: updateRoomSchema,
  organisationOf: organisationOfRoom,
  handler: (input, access) => updateRoom(access, input),
} satisfies ActionDefinition<typeof updateRoomSchema, VenueChange, "notFound">;

export const deleteRoomDefinition = {
  name: "rooms.delete",
  roles: ORGANISE,
  schema: deleteRoomSchema,
  organisationOf: organisationOfRoom,
  handler: (input, access) => deleteRoom(access, input),
} satisfies ActionDefinition<typeof deleteRoomSchema, VenueChange, "notFound" | "inUse">;
