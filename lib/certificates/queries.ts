// Reads of certificates (issue 15). Who attended what comes only from lib/attendance; the organiser's reads are
// scoped by organisation in the where clause (the caller has authorized the member), the attendee's by the
// registration their manage link opened, the public one by the verification code alone.
import "server-only";
import { cache } from "react";
import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { attendanceOfRegistration } from "@/lib/attendance/queries";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { normaliseTicketCode } from "@/lib/tokens";
import { REGISTERS, isRegister, type Register } from "./registers";

export type Codes = Partial<Record<Register, string>>;

function codesOf(rows: Array<{ register: string; code: string }>): Codes {
  const codes: Codes = {};
  for (const row of rows) if (isRegister(row.register)) codes[row.register] = row.code;
  return codes;
}

/** The organiser's page: the settings, the sessions, the certificates issued and who consented per register. */
export const certificateAdminView = cache(async (organisationId: string, conferenceId: string) => {
  const conference = await db.conference.findFirst({
    where: { id: conferenceId, organisationId },
    select: {
      id: true,
      title: true,
      startsAt: true,
      endsAt: true,
      certificatesEnabled: true,
      accreditations: { select: { register: true, code: true } },
      sessions: {
        orderBy: [{ startsAt: "asc" }, { title: "asc" }],
        select: { id: true, title: true, startsAt: true, endsAt: true, credit: { select: { minutes: true } }, accreditations: { select: { register: true, code: true } } },
      },
      certificates: {
        orderBy: [{ holderName: "asc" }],
        select: { id: true, holderName: true, minutes: true, issuedAt: true, revokedAt: true, verificationCode: true },
      },
    },
  });
  if (!conference) return null;
  const consented = await db.registryNumber.groupBy({
    by: ["register"],
    where: { consentedAt: { not: null }, registration: { conferenceId: conference.id, erasedAt: null } },
    _count: { _all: true },
  });
  const consentCounts = Object.fromEntries(REGISTERS.map((r) => [r, consented.find((c) => c.register === r)?._count._all ?? 0])) as Record<Register, number>;
  return {
    ...conference,
    conferenceCodes: codesOf(conference.accreditations),
    sessions: conference.sessions.map((s) => ({ ...s, minutes: s.credit?.minutes ?? null, codes: codesOf(s.accreditations) })),
    consentCounts,
  };
});

/** The attendee's registry numbers, for the manage page and the certificate. */
export async function registryNumbersOf(registrationId: string): Promise<{ numbers: Codes; consent: boolean }> {
  const rows = await db.registryNumber.findMany({ where: { registrationId }, select: { register: true, number: true, consentedAt: true } });
  return { numbers: codesOf(rows.map((r) => ({ register: r.register, code: r.number }))), consent: rows.some((r) => r.consentedAt !== null) };
}

/** Whether the conference asks for registry numbers (certificates on). */
export async function certificatesEnabled(conferenceId: string): Promise<boolean> {
  const conference = await db.conference.findUnique({ where: { id: conferenceId }, select: { certificatesEnabled: true } });
  return conference?.certificatesEnabled ?? false;
}

export type AttendedSession = { id: string; title: string; startsAt: Date; endsAt: Date; minutes: number; codes: Codes };

/** The sessions a person attended (lib/attendance), with the hours and codes the organiser set for them. */
export async function attendedSessions(conferenceId: string, registrationId: string): Promise<AttendedSession[]> {
  const attended = await attendanceOfRegistration(conferenceId, registrationId);
  if (attended.size === 0) return [];
  const sessions = await db.programmeSession.findMany({
    where: { conferenceId, id: { in: [...attended.keys()] } },
    orderBy: [{ startsAt: "asc" }, { title: "asc" }],
    select: { id: true, title: true, startsAt: true, endsAt: true, credit: { select: { minutes: true } }, accreditations: { select: { register: true, code: true } } },
  });
  return sessions.map((s) => ({ id: s.id, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt, minutes: s.credit?.minutes ?? 0, codes: codesOf(s.accreditations) }));
}

export const totalMinutes = (sessions: ReadonlyArray<{ minutes: number }>) => sessions.reduce((sum, s) => sum + s.minutes, 0);

/** The organisation's logo as a PNG (pdfkit reads PNG and JPEG; uploads are WebP), or null without one. */
async function logoPng(file: string | null): Promise<Buffer | null> {
  if (!file) return null;
  const root = path.resolve(env.UPLOADS_DIR);
  const absolute = path.resolve(root, file);
  if (!absolute.startsWith(root + path.sep)) return null;
  try {
    return await sharp(await readFile(absolute)).resize({ width: 600, height: 240, fit: "inside", withoutEnlargement: true }).png().toBuffer();
  } catch {
    return null; // a missing file leaves the logo out rather than the certificate
  }
}

export type CertificateContent = {
  certificateId: string;
  verificationCode: string;
  revoked: boolean;
  locale: "nl" | "en";
  holderName: string;
  registryNumbers: Codes;
  organisation: { name: string; logoPng: Buffer | null };
  conference: { title: string; startsAt: Date; endsAt: Date; venue: { name: string; city: string } | null; codes: Codes };
  sessions: AttendedSession[];
  minutes: number;
};

/** Everything the PDF says, for the certificate of this registration (null: none issued). */
export async function certificateContent(registrationId: string, locale?: "nl" | "en"): Promise<CertificateContent | null> {
  const certificate = await db.certificate.findUnique({
    where: { registrationId },
    select: {
      id: true,
      verificationCode: true,
      revokedAt: true,
      registration: { select: { name: true, locale: true, erasedAt: true } },
      conference: {
        select: {
          id: true,
          title: true,
          startsAt: true,
          endsAt: true,
          venue: { select: { name: true, city: true } },
          accreditations: { select: { register: true, code: true } },
          organisation: { select: { name: true, logo: { select: { file: true } } } },
        },
      },
    },
  });
  if (!certificate?.registration || certificate.registration.erasedAt) return null;
  const { conference } = certificate;
  const [sessions, registry, logo] = await Promise.all([
    attendedSessions(conference.id, registrationId),
    registryNumbersOf(registrationId),
    logoPng(conference.organisation.logo?.file ?? null),
  ]);
  return {
    certificateId: certificate.id,
    verificationCode: certificate.verificationCode,
    revoked: certificate.revokedAt !== null,
    locale: locale ?? (certificate.registration.locale === "en" ? "en" : "nl"),
    holderName: certificate.registration.name,
    registryNumbers: registry.numbers,
    organisation: { name: conference.organisation.name, logoPng: logo },
    conference: { title: conference.title, startsAt: conference.startsAt, endsAt: conference.endsAt, venue: conference.venue, codes: codesOf(conference.accreditations) },
    sessions,
    minutes: totalMinutes(sessions),
  };
}

/** Whether this registration has a certificate to download (the manage page's link). */
export async function certificateOfRegistration(registrationId: string) {
  return db.certificate.findUnique({ where: { registrationId }, select: { id: true, revokedAt: true } });
}

/**
 * What /certificaat/<code> shows, and nothing more: the snapshot in the certificate row, which outlives the
 * registration's anonymisation.
 */
export async function verifyCertificate(code: string) {
  const normalised = normaliseTicketCode(code);
  if (!/^[0-9A-Z]{26}$/.test(normalised)) return null;
  return db.certificate.findUnique({
    where: { verificationCode: normalised },
    select: { holderName: true, conferenceTitle: true, conferenceStartsAt: true, minutes: true, revokedAt: true },
  });
}
