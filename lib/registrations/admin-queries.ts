// The organiser's reads of registrations. Every function takes the organisation of the signed-in member
// (from requireOrganisationPage or authorizeMembership) and scopes its where clause to it, so an id of
// another organisation's conference or registration finds nothing and the page answers 404.
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { placesOf, sessionPlaces, workshopWaitlisted, type SessionPlaces } from "@/lib/places/queries";
import { searchKey } from "@/lib/text";
import type { RegistrationFilters } from "./admin-schema";
import { ticketQrSvg } from "./ticket-qr";

export const REGISTRATIONS_PAGE_SIZE = 50;

export interface AdminSession {
  id: string;
  title: string;
  startsAt: Date;
  capacity: number | null;
  /** Confirmed places (lib/places). */
  taken: number;
  /** On the workshop's waiting list. */
  waiting: number;
  /** Places left; null when the workshop has no limit. */
  left: number | null;
}

export interface AdminConference {
  id: string;
  slug: string;
  title: string;
  status: "DRAFT" | "PUBLISHED" | "CANCELLED";
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  rounds: Array<{ id: string; title: string; sessions: AdminSession[] }>;
  /** workshopWaitlisted: places in line for the workshops (lib/places), besides the conference's own waiting list. */
  counts: { confirmed: number; waitlisted: number; workshopWaitlisted: number; cancelled: number; checkedIn: number; conflicts: number; lateUploads: number };
}

/** A check-in row no UNDO points at: the person is in. */
const ACTIVE_CHECK_IN = { action: "CHECK_IN", undoneBy: { is: null } } satisfies Prisma.CheckInWhereInput;

/** The conference with its workshops and counts, or null when it is not this organisation's. */
export const findAdminConference = cache(async (organisationId: string, conferenceId: string): Promise<AdminConference | null> => {
  const conference = await db.conference.findFirst({
    where: { id: conferenceId, organisationId },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      startsAt: true,
      endsAt: true,
      capacity: true,
      rounds: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          title: true,
          sessions: { orderBy: [{ startsAt: "asc" }, { title: "asc" }], select: { id: true, title: true, startsAt: true, capacity: true } },
        },
      },
    },
  });
  if (!conference) return null;
  const [places, cancelled, flags] = await Promise.all([
    placesOf(conferenceId),
    db.registration.count({ where: { conferenceId, status: "CANCELLED" } }),
    db.$queryRaw<Array<{ checkedIn: number; conflicts: number; lateUploads: number }>>`
      SELECT count(DISTINCT c.registration_id) FILTER (
               WHERE c.action = 'CHECK_IN' AND NOT EXISTS (SELECT 1 FROM check_ins x WHERE x.undoes_id = c.id))::int AS "checkedIn",
             count(DISTINCT c.registration_id) FILTER (WHERE c.duplicate)::int AS conflicts,
             count(DISTINCT c.registration_id) FILTER (WHERE c.late_upload)::int AS "lateUploads"
        FROM check_ins c WHERE c.conference_id = ${conferenceId}`,
  ]);
  const bySession = places ? sessionPlaces(places) : new Map<string, SessionPlaces>();
  return {
    ...conference,
    rounds: conference.rounds.map((round) => ({
      ...round,
      sessions: round.sessions.map((s) => ({
        ...s,
        taken: bySession.get(s.id)?.confirmed ?? 0,
        waiting: bySession.get(s.id)?.waitlisted ?? 0,
        left: bySession.get(s.id)?.left ?? null,
      })),
    })),
    counts: {
      confirmed: places?.confirmed ?? 0,
      waitlisted: places?.waitlisted ?? 0,
      workshopWaitlisted: places ? workshopWaitlisted(places) : 0,
      cancelled,
      ...(flags[0] ?? { checkedIn: 0, conflicts: 0, lateUploads: 0 }),
    },
  };
});

/**
 * The filters as a where clause. The search matches search_text, which holds searchKey(name, organisation):
 * lower case without accents, so "aaken" finds "van Aaken" and "chloe" finds "Chloë" (the same column and
 * trigram index the door's search uses, see lib/checkin/queries.ts). LIKE's wildcards in the term become
 * spaces rather than relying on escaping: nobody searches for a percent sign in a name.
 */
function registrationWhere(conferenceId: string, filters: RegistrationFilters): Prisma.RegistrationWhereInput {
  const key = searchKey(filters.q).replace(/[\\%_]/g, " ").trim();
  const where: Prisma.RegistrationWhereInput = { conferenceId };
  if (key) where.OR = [{ searchText: { contains: key } }, { email: { contains: filters.q.trim(), mode: "insensitive" } }];
  if (filters.status) where.status = filters.status;
  if (filters.workshop) where.choices = { some: { sessionId: filters.workshop } };
  if (filters.checkedIn === "yes") where.checkIns = { some: ACTIVE_CHECK_IN };
  if (filters.checkedIn === "no") where.checkIns = { none: ACTIVE_CHECK_IN };
  if (filters.checkedIn === "flagged") where.checkIns = { some: { OR: [{ duplicate: true }, { lateUpload: true }] } };
  return where;
}

const CHECK_IN_SELECT = {
  select: { id: true, action: true, scannedAt: true, duplicate: true, lateUpload: true, undoneBy: { select: { id: true } } },
  orderBy: { scannedAt: "asc" },
} satisfies Prisma.Registration$checkInsArgs;

type CheckInRow = { id: string; action: string; scannedAt: Date; duplicate: boolean; lateUpload: boolean; undoneBy: { id: string } | null };

/** When the person came in (the first check-in still standing), and whether the door flagged anything. */
function attendance(checkIns: CheckInRow[]) {
  const active = checkIns.filter((c) => c.action === "CHECK_IN" && !c.undoneBy);
  return {
    checkedInAt: active[0]?.scannedAt ?? null,
    conflict: checkIns.some((c) => c.duplicate),
    lateUpload: checkIns.some((c) => c.lateUpload),
  };
}

export interface RegistrationRow {
  id: string;
  name: string;
  email: string;
  organisation: string | null;
  status: "CONFIRMED" | "WAITLISTED" | "CANCELLED";
  source: "ONLINE" | "WALK_IN";
  createdAt: Date;
  workshops: Array<{ title: string; status: "CONFIRMED" | "WAITLISTED" }>;
  checkedInAt: Date | null;
  conflict: boolean;
  lateUpload: boolean;
}

export async function listRegistrations(
  conferenceId: string,
  filters: RegistrationFilters,
): Promise<{ rows: RegistrationRow[]; total: number; page: number; pageCount: number }> {
  const where = registrationWhere(conferenceId, filters);
  const total = await db.registration.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / REGISTRATIONS_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const registrations = await db.registration.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: (page - 1) * REGISTRATIONS_PAGE_SIZE,
    take: REGISTRATIONS_PAGE_SIZE,
    select: {
      id: true,
      name: true,
      email: true,
      organisation: true,
      status: true,
      source: true,
      createdAt: true,
      choices: { orderBy: { round: { position: "asc" } }, select: { status: true, session: { select: { title: true } } } },
      checkIns: CHECK_IN_SELECT,
    },
  });
  const rows = registrations.map(({ choices, checkIns, ...registration }) => ({
    ...registration,
    workshops: choices.map((c) => ({ title: c.session.title, status: c.status })),
    ...attendance(checkIns),
  }));
  return { rows, total, page, pageCount };
}

/** One person, with everything the organiser may see; null when not in this organisation's conference. */
export async function findRegistrationDetail(organisationId: string, conferenceId: string, registrationId: string) {
  const registration = await db.registration.findFirst({
    where: { id: registrationId, conferenceId, conference: { organisationId } },
    select: {
      id: true,
      conferenceId: true,
      name: true,
      email: true,
      organisation: true,
      jobRole: true,
      dietaryNeeds: true,
      accessibilityNeeds: true,
      hostNote: true,
      privacyConsentAt: true,
      photoConsent: true,
      newsletterOptIn: true,
      locale: true,
      status: true,
      source: true,
      createdAt: true,
      confirmedAt: true,
      waitlistedAt: true,
      cancelledAt: true,
      comingConfirmedAt: true,
      erasedAt: true,
      ticketCode: true,
      doorCode: true,
      choices: {
        orderBy: { round: { position: "asc" } },
        select: {
          roundId: true,
          sessionId: true,
          status: true,
          round: { select: { title: true } },
          session: { select: { title: true, startsAt: true, endsAt: true, room: { select: { name: true } } } },
        },
      },
      checkIns: {
        orderBy: [{ scannedAt: "asc" }, { receivedAt: "asc" }],
        select: {
          id: true,
          action: true,
          method: true,
          scannedAt: true,
          receivedAt: true,
          deviceId: true,
          duplicate: true,
          lateUpload: true,
          undoesId: true,
          undoneBy: { select: { id: true } },
          host: { select: { name: true, email: true } },
          // Issue 15: where it was, a session's room or (null) the front door; and whether the host let them in
          // outside their own workshop.
          session: { select: { title: true } },
          outsideChoice: true,
        },
      },
    },
  });
  if (!registration) return null;
  return { ...registration, attendance: attendance(registration.checkIns) };
}
export type RegistrationDetail = NonNullable<Awaited<ReturnType<typeof findRegistrationDetail>>>;

/**
 * Name badges: the confirmed people with their confirmed workshops and the ticket's QR code, alphabetically; or
 * only one of them (`registrationId`: a reprint, for a walk-in or a badge that got lost). The conference is the
 * caller's, checked for the organisation (findAdminConference, or the door's access).
 */
export async function listBadges(conferenceId: string, registrationId?: string) {
  const registrations = await db.registration.findMany({
    where: { conferenceId, status: "CONFIRMED", erasedAt: null, ...(registrationId ? { id: registrationId } : {}) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      organisation: true,
      ticketCode: true,
      choices: {
        where: { status: "CONFIRMED" },
        orderBy: { round: { position: "asc" } },
        select: { session: { select: { title: true, startsAt: true, room: { select: { name: true } } } } },
      },
    },
  });
  return Promise.all(
    registrations.map(async ({ choices, ticketCode, ...registration }) => ({
      ...registration,
      qrSvg: await ticketQrSvg(ticketCode),
      workshops: choices.map((c) => c.session),
    })),
  );
}
export type Badge = Awaited<ReturnType<typeof listBadges>>[number];

/** What every badge of a conference carries besides the person: the title, the date and the organisation's logo. */
export async function badgeBranding(conferenceId: string) {
  const conference = await db.conference.findUniqueOrThrow({
    where: { id: conferenceId },
    select: {
      title: true,
      startsAt: true,
      organisation: { select: { name: true, logo: { select: { file: true, width: true, height: true, altText: true } } } },
    },
  });
  return { title: conference.title, startsAt: conference.startsAt, organisationName: conference.organisation.name, logo: conference.organisation.logo };
}
export type BadgeBranding = Awaited<ReturnType<typeof badgeBranding>>;

/** Everything the CSV export holds, in the order of the table. */
export async function listExportRegistrations(conferenceId: string, includeCancelled: boolean) {
  const registrations = await db.registration.findMany({
    where: { conferenceId, erasedAt: null, ...(includeCancelled ? {} : { status: { not: "CANCELLED" } }) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      organisation: true,
      jobRole: true,
      status: true,
      source: true,
      locale: true,
      ticketCode: true,
      doorCode: true,
      createdAt: true,
      photoConsent: true,
      dietaryNeeds: true,
      accessibilityNeeds: true,
      choices: { select: { roundId: true, status: true, session: { select: { title: true } } } },
      checkIns: CHECK_IN_SELECT,
    },
  });
  return registrations.map(({ checkIns, ...registration }) => ({ ...registration, ...attendance(checkIns) }));
}
