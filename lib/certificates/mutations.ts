// Writes of certificates (issue 15): the organiser's settings and revocations (authorized by the caller, audited
// here), the attendee's registry numbers (by their manage link), and the issuing after the conference.
import "server-only";
import type pg from "pg";
import { recordAudit } from "@/lib/audit/log";
import type { OrganisationAccess } from "@/lib/auth/authorize";
import type { HandlerResult } from "@/lib/auth/outcome";
import { attendanceOf, checkedInRegistrations } from "@/lib/attendance/queries";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db-pool";
import { outboxRow } from "@/lib/mail/outbox";
import { hashToken, newTicketCode, randomToken } from "@/lib/tokens";
import { certificateEmail } from "./emails";
import { REGISTERS } from "./registers";
import type { CertificateSettings, RegistryNumbers } from "./schema";

/** The organiser's settings, replaced as a whole in one transaction. Sessions of other conferences are refused. */
export async function saveCertificateSettings(access: OrganisationAccess, input: CertificateSettings): Promise<HandlerResult<{ enabled: boolean }, "notFound">> {
  return db.$transaction(async (tx) => {
    const conference = await tx.conference.findFirst({
      where: { id: input.conferenceId, organisationId: access.organisation.id },
      select: { id: true, title: true, sessions: { select: { id: true } } },
    });
    if (!conference) return { ok: false, reason: "notFound" } as const;
    const own = new Set(conference.sessions.map((s) => s.id));
    if (Object.keys(input.sessions).some((id) => !own.has(id))) return { ok: false, reason: "notFound" } as const;
    await tx.conference.update({ where: { id: conference.id }, data: { certificatesEnabled: input.enabled } });
    await tx.conferenceAccreditation.deleteMany({ where: { conferenceId: conference.id } });
    await tx.conferenceAccreditation.createMany({
      data: REGISTERS.flatMap((register) => (input.conferenceCodes[register] ? [{ conferenceId: conference.id, register, code: input.conferenceCodes[register] }] : [])),
    });
    const sessionIds = [...own];
    await tx.sessionCredit.deleteMany({ where: { sessionId: { in: sessionIds } } });
    await tx.sessionAccreditation.deleteMany({ where: { sessionId: { in: sessionIds } } });
    const sessions = Object.entries(input.sessions);
    await tx.sessionCredit.createMany({ data: sessions.flatMap(([sessionId, s]) => (s.minutes ? [{ sessionId, minutes: s.minutes }] : [])) });
    await tx.sessionAccreditation.createMany({
      data: sessions.flatMap(([sessionId, s]) => REGISTERS.flatMap((register) => (s.codes[register] ? [{ sessionId, register, code: s.codes[register] }] : []))),
    });
    await recordAudit(tx, {
      organisationId: access.organisation.id,
      actorUserId: access.user.id,
      action: "certificates.settings_changed",
      entityType: "conference",
      entityId: conference.id,
      details: { title: conference.title, enabled: input.enabled },
    });
    return { ok: true, data: { enabled: input.enabled } } as const;
  });
}

/** Revokes a certificate of the organisation: /certificaat/<code> says so from then on. Once; audited. */
export async function revokeCertificate(access: OrganisationAccess, certificateId: string): Promise<HandlerResult<{ revoked: true }, "notFound" | "alreadyRevoked">> {
  return db.$transaction(async (tx) => {
    const certificate = await tx.certificate.findFirst({
      where: { id: certificateId, conference: { organisationId: access.organisation.id } },
      select: { id: true, holderName: true, revokedAt: true, conference: { select: { id: true, title: true } } },
    });
    if (!certificate) return { ok: false, reason: "notFound" } as const;
    const changed = await tx.certificate.updateMany({ where: { id: certificate.id, revokedAt: null }, data: { revokedAt: new Date(), revokedByUserId: access.user.id } });
    if (changed.count === 0) return { ok: false, reason: "alreadyRevoked" } as const;
    await recordAudit(tx, {
      organisationId: access.organisation.id,
      actorUserId: access.user.id,
      action: "certificate.revoked",
      entityType: "certificate",
      entityId: certificate.id,
      details: { name: certificate.holderName, title: certificate.conference.title, conferenceId: certificate.conference.id },
    });
    return { ok: true, data: { revoked: true } } as const;
  });
}

/**
 * The attendee's registry numbers, replaced as a whole (a number left empty is removed). The consent applies to
 * every number given and is dated, so the export can show since when.
 */
export async function setRegistryNumbers(registrationId: string, input: RegistryNumbers): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await tx.registryNumber.findMany({ where: { registrationId }, select: { register: true, consentedAt: true } });
    const since = current.find((r) => r.consentedAt)?.consentedAt ?? new Date();
    await tx.registryNumber.deleteMany({ where: { registrationId } });
    await tx.registryNumber.createMany({
      data: REGISTERS.flatMap((register) => {
        const number = input.numbers[register];
        return number ? [{ registrationId, register, number, consentedAt: input.consent ? since : null }] : [];
      }),
    });
  });
}

/** Keeps what /certificaat/<code> shows in step with the PDF just drawn (a correction of attendance since). */
export async function refreshCertificateSnapshot(certificateId: string, snapshot: { holderName: string; minutes: number }): Promise<void> {
  await db.certificate.updateMany({
    where: { id: certificateId, OR: [{ holderName: { not: snapshot.holderName } }, { minutes: { not: snapshot.minutes } }] },
    data: snapshot,
  });
}

// How long after its end a conference's certificates are still issued on their own: an organiser who turns
// them on a few weeks late still reaches everyone; a conference of years ago is not mailed out of the blue.
const ISSUE_WINDOW_DAYS = 60;
const BATCH = 200;

// Conferences whose certificates may be due: on, published, ended within the window. The EXISTS only spares the
// work for conferences where every check-in already has its certificate (or was erased, and never gets one); who
// came is decided by lib/attendance.
const DUE_CONFERENCES = `
  SELECT c.id FROM conferences c
   WHERE c.certificates_enabled AND c.status = 'PUBLISHED'
     AND c.ends_at <= $1 AND c.ends_at > $1 - make_interval(days => $2)
     AND EXISTS (SELECT 1 FROM check_ins ci JOIN registrations r ON r.id = ci.registration_id AND r.erased_at IS NULL
                  WHERE ci.conference_id = c.id
                    AND NOT EXISTS (SELECT 1 FROM certificates x WHERE x.registration_id = ci.registration_id))`;

// The claim: one certificate per registration (its unique key), whichever instance gets there first. A second
// instance at the same moment waits for the first's rows and then inserts none.
const CLAIM = `
  INSERT INTO certificates (id, conference_id, registration_id, verification_code, holder_name, conference_title, conference_starts_at, minutes, issued_at)
  SELECT gen_random_uuid()::text, c.id, r.id, u.code, r.name, c.title, c.starts_at, u.minutes, now()
    FROM unnest($2::text[], $3::text[], $4::int[]) AS u (registration_id, code, minutes)
    JOIN registrations r ON r.id = u.registration_id AND r.conference_id = $1 AND r.erased_at IS NULL
    JOIN conferences c ON c.id = $1
  ON CONFLICT (registration_id) DO NOTHING
  RETURNING registration_id`;

const RECIPIENTS = `
  SELECT r.id, r.name, r.email, r.locale, c.title, c.starts_at AS "startsAt", c.ends_at AS "endsAt",
         o.name AS "organisationName", o.contact_email AS "contactEmail"
    FROM registrations r JOIN conferences c ON c.id = r.conference_id JOIN organisations o ON o.id = c.organisation_id
   WHERE r.id = ANY($1::text[]) AND r.email <> ''`;

const LINKS = `INSERT INTO manage_links (token_hash, registration_id) SELECT * FROM unnest($1::text[], $2::text[])`;

const EMAILS = `
  INSERT INTO email_outbox (id, kind, to_address, subject, text_body, html_body, attachments, headers, status, registration_id, created_at, next_attempt_at)
  SELECT gen_random_uuid()::text, u.kind, u.to_address, u.subject, u.text_body, u.html_body, '[]'::jsonb, u.headers::jsonb, 'PENDING', u.registration_id, now(), now()
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u (kind, to_address, subject, text_body, html_body, headers, registration_id)`;

type Recipient = { id: string; name: string; email: string; locale: string; title: string; startsAt: Date; endsAt: Date; organisationName: string; contactEmail: string | null };

async function issueForConference(conferenceId: string, pool: pg.Pool): Promise<number> {
  const came = await checkedInRegistrations(conferenceId);
  if (came.length === 0) return 0;
  const issued = new Set(
    (await db.certificate.findMany({ where: { registrationId: { in: came.map((c) => c.registrationId) } }, select: { registrationId: true } })).map((c) => c.registrationId),
  );
  const todo = came.filter((c) => !issued.has(c.registrationId)).slice(0, BATCH);
  if (todo.length === 0) return 0;
  // Hours at this moment, for the snapshot; the PDF recomputes them when drawn (and refreshes the snapshot).
  const [attendance, credits] = await Promise.all([
    attendanceOf(conferenceId),
    db.sessionCredit.findMany({ where: { session: { conferenceId } }, select: { sessionId: true, minutes: true } }),
  ]);
  const minutesOf = new Map(credits.map((c) => [c.sessionId, c.minutes]));
  const minutes = new Map<string, number>();
  for (const row of attendance) minutes.set(row.registrationId, (minutes.get(row.registrationId) ?? 0) + (minutesOf.get(row.sessionId) ?? 0));

  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const claimed = await client.query<{ registration_id: string }>(CLAIM, [
      conferenceId,
      todo.map((c) => c.registrationId),
      todo.map(() => newTicketCode()),
      todo.map((c) => minutes.get(c.registrationId) ?? 0),
    ]);
    const ids = claimed.rows.map((r) => r.registration_id);
    const recipients = ids.length > 0 ? (await client.query<Recipient>(RECIPIENTS, [ids])).rows : [];
    const tokens = recipients.map(() => randomToken());
    const emails = recipients.map((r, i) => outboxRow(certificateEmail(r, tokens[i]!)));
    if (recipients.length > 0) {
      await client.query(LINKS, [tokens.map(hashToken), recipients.map((r) => r.id)]);
      await client.query(EMAILS, [
        emails.map((e) => e.kind),
        emails.map((e) => e.toAddress),
        emails.map((e) => e.subject),
        emails.map((e) => e.textBody),
        emails.map((e) => e.htmlBody ?? ""),
        emails.map((e) => JSON.stringify(e.headers)),
        recipients.map((r) => r.id),
      ]);
    }
    await client.query("COMMIT");
    return ids.length;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Issues the certificates that are due at `now` and queues their emails (a draft writer of the mail worker,
 * instrumentation.ts): for every conference with certificates on whose end has passed (within 60 days), every
 * person who was checked in (lib/attendance) gets one certificate and one email with a manage link, once, however
 * many instances ask at the same moment. Returns how many were issued.
 */
export async function issueDueCertificates(now: Date = new Date(), pool: pg.Pool = pgPool()): Promise<number> {
  const { rows } = await pool.query<{ id: string }>(DUE_CONFERENCES, [now, ISSUE_WINDOW_DAYS]);
  let issued = 0;
  for (const { id } of rows) issued += await issueForConference(id, pool);
  return issued;
}
