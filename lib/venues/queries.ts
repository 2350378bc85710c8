import "server-only";
import { db } from "@/lib/db";

// The organisers' venue pages; scoped by organisation in the where clause.

export async function listVenues(organisationId: string) {
  return db.venue.findMany({
    where: { organisationId },
    orderBy: { name: "asc" },
    include: { rooms: { orderBy: { name: "asc" } }, _count: { select: { conferences: true } } },
  });
}

export async function getVenue(organisationId: string, venueId: string) {
  return db.venue.findFirst({
    where: { id: venueId, organisationId },
    include: { rooms: { orderBy: { name: "asc" }, include: { _count: { select: { sessions: true } } } }, _count: { select: { conferences: true } } },
  });
}
