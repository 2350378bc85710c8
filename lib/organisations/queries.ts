import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { ConferenceStatus, Role } from "@/lib/generated/prisma/enums";
import { placesOfMany, workshopWaitlisted } from "@/lib/places/queries";
import { emailKey } from "@/lib/text";
import { hashToken } from "@/lib/tokens";

export interface UserOrganisation {
  slug: string;
  name: string;
  role: Role;
}

/** The organisations a user belongs to, for the picker and the switcher. */
export const listUserOrganisations = cache(async (userId: string): Promise<UserOrganisation[]> => {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, organisation: { select: { slug: true, name: true } } },
    orderBy: { organisation: { name: "asc" } },
  });
  return memberships.map((m) => ({ slug: m.organisation.slug, name: m.organisation.name, role: m.role }));
});

export interface DashboardConference {
  id: string;
  slug: string;
  title: string;
  status: ConferenceStatus;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  confirmed: number;
  waitlisted: number;
  /** Places in line for its workshops (lib/places), besides the conference's own waiting list. */
  workshopWaitlisted: number;
  checkedIn: number;
}

/**
 * The organisation's conferences with their counts: places and waiting lists (the conference's and its
 * workshops') from lib/places (the one read of places), checked in here. Checked in = registrations with a check-in that no later UNDO row points at; a person checked in twice
 * (two offline devices) counts once.
 */
export async function listDashboardConferences(organisationId: string): Promise<DashboardConference[]> {
  const rows = await db.$queryRaw<Array<Omit<DashboardConference, "status" | "confirmed" | "waitlisted" | "workshopWaitlisted"> & { status: ConferenceStatus }>>`
    WITH checked_in AS (
      SELECT DISTINCT ci.registration_id
      FROM check_ins ci
      JOIN conferences c ON c.id = ci.conference_id
      WHERE c.organisation_id = ${organisationId}
        AND ci.action = 'CHECK_IN'
        AND NOT EXISTS (SELECT 1 FROM check_ins undo WHERE undo.undoes_id = ci.id)
    )
    SELECT c.id, c.slug, c.title, c.status::text AS status, c.starts_at AS "startsAt", c.ends_at AS "endsAt",
           c.capacity,
           count(ch.registration_id) FILTER (WHERE r.status <> 'CANCELLED')::int AS "checkedIn"
    FROM conferences c
    LEFT JOIN registrations r ON r.conference_id = c.id
    LEFT JOIN checked_in ch ON ch.registration_id = r.id
    WHERE c.organisation_id = ${organisationId}
    GROUP BY c.id
    ORDER BY c.starts_at DESC`;
  const places = await placesOfMany(rows.map((row) => row.id));
  return rows.map((row) => {
    const counts = places.get(row.id);
    return {
      ...row,
      confirmed: counts?.confirmed ?? 0,
      waitlisted: counts?.waitlisted ?? 0,
      workshopWaitlisted: counts ? workshopWaitlisted(counts) : 0,
    };
  });
}

export interface HostConference {
  id: string;
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
}

/** What a host needs: the published conferences that have not long finished, soonest first. */
export async function listHostConferences(organisationId: string, now = new Date()): Promise<HostConference[]> {
  return db.conference.findMany({
    where: { organisationId, status: "PUBLISHED", endsAt: { gt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } },
    select: { id: true, slug: true, title: true, startsAt: true, endsAt: true },
    orderBy: { startsAt: "asc" },
  });
}

export async function listMembers(organisationId: string) {
  return db.membership.findMany({
    where: { organisationId },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ role: "asc" }, { user: { email: "asc" } }],
  });
}

export type Member = Awaited<ReturnType<typeof listMembers>>[number];

export async function listOpenInvitations(organisationId: string, now = new Date()) {
  return db.memberInvitation.findMany({
    where: { organisationId, acceptedAt: null, expiresAt: { gt: now } },
    select: { id: true, email: true, role: true, expiresAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export type OpenInvitation = Awaited<ReturnType<typeof listOpenInvitations>>[number];

/** Open invitations addressed to this email, for the signed-in person's own overview. */
export async function listInvitationsFor(email: string, now = new Date()) {
  return db.memberInvitation.findMany({
    where: { email: emailKey(email), acceptedAt: null, expiresAt: { gt: now } },
    select: { id: true, role: true, organisation: { select: { name: true, slug: true } } },
    orderBy: { createdAt: "desc" },
  });
}

/** The invitation behind an emailed link; null for an unknown token. Expired and accepted ones are returned. */
export async function findInvitationByToken(token: string) {
  if (token.length < 20 || token.length > 100) return null;
  return db.memberInvitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      organisation: { select: { name: true, slug: true } },
    },
  });
}

/** The organisation's public details, for its settings page. */
export async function getOrganisationSettings(organisationId: string) {
  return db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true, website: true, contactEmail: true } });
}
