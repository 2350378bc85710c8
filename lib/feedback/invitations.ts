// The survey's emails (issue 15, point 7): after the conference an invitation to everyone who was checked in, and
// three days later one reminder to whoever has not answered. Which are due, once per person across app instances,
// is decided in PostgreSQL (feedback_claim in prisma/sql/feedback.sql), as the reminders before a conference are
// (lib/registrations/reminders.ts); who was checked in comes from lib/attendance, the one home of that rule. Every
// instance's mail worker calls this on each pass (instrumentation.ts). No in-process timer: a restart loses nothing.
//
// The claim and its emails are one transaction: each claimed person gets an email with a fresh personal link
// (only the token's hash is stored), written straight into the outbox as a pending email. A second instance at the
// same moment waits for the first's rows and then claims nothing.
import "server-only";
import type pg from "pg";
import { z } from "zod";
import { checkedInRegistrations } from "@/lib/attendance/queries";
import { pgPool } from "@/lib/db-pool";
import { outboxRow } from "@/lib/mail/outbox";
import { hashToken, randomToken } from "@/lib/tokens";
import { surveyEmail, type SurveyMailRecipient } from "./emails";

const claimedSchema = z.array(z.object({ registrationId: z.string(), kind: z.enum(["invitation", "reminder"]) }));

const RECIPIENTS = `
  SELECT r.id AS "registrationId", r.name, r.email, r.locale,
         json_build_object('title', c.title, 'closesAt', s.closes_at,
                           'organisation', json_build_object('name', o.name, 'contactEmail', o.contact_email)) AS conference
    FROM registrations r
    JOIN conferences c ON c.id = r.conference_id
    JOIN conference_surveys s ON s.conference_id = c.id
    JOIN organisations o ON o.id = c.organisation_id
   WHERE r.id = ANY($1::text[])`;

const recipientSchema = z.object({
  registrationId: z.string(),
  name: z.string(),
  email: z.string(),
  locale: z.string(),
  conference: z.object({
    title: z.string(),
    closesAt: z.coerce.date(),
    organisation: z.object({ name: z.string(), contactEmail: z.string().nullable() }),
  }),
});

const INSERT_EMAILS = `
  INSERT INTO email_outbox (id, kind, to_address, subject, text_body, html_body, attachments, headers, status, registration_id, created_at, next_attempt_at)
  SELECT gen_random_uuid()::text, u.kind, u.to_address, u.subject, u.text_body, u.html_body, '[]'::jsonb, u.headers::jsonb, 'PENDING', u.registration_id, now(), now()
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         AS u (kind, to_address, subject, text_body, html_body, headers, registration_id)`;

const INSERT_LINKS = `INSERT INTO survey_links (token_hash, registration_id) SELECT * FROM unnest($1::text[], $2::text[])`;

/** Claims and writes one conference's due survey emails in one transaction; returns how many. */
async function queueConference(pool: pg.Pool, conferenceId: string, checkedIn: string[], now: Date): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const claimed = claimedSchema.parse(
      (await client.query({ name: "feedback-claim", text: `SELECT * FROM feedback_claim($1, $2::text[], $3)`, values: [conferenceId, checkedIn, now] })).rows,
    );
    if (claimed.length > 0) {
      const recipients = new Map(
        z
          .array(recipientSchema)
          .parse((await client.query({ name: "feedback-recipients", text: RECIPIENTS, values: [claimed.map((c) => c.registrationId)] })).rows)
          .map((r) => [r.registrationId, r satisfies SurveyMailRecipient]),
      );
      const emails: Array<ReturnType<typeof outboxRow>> = [];
      const links: Array<{ tokenHash: string; registrationId: string }> = [];
      for (const { registrationId, kind } of claimed) {
        const recipient = recipients.get(registrationId);
        if (!recipient) continue;
        const token = randomToken();
        emails.push(outboxRow(surveyEmail(recipient, kind, token), { registrationId }));
        links.push({ tokenHash: hashToken(token), registrationId });
      }
      const column = <T>(pick: (e: (typeof emails)[number]) => T) => emails.map(pick);
      await client.query({ name: "feedback-links", text: INSERT_LINKS, values: [links.map((l) => l.tokenHash), links.map((l) => l.registrationId)] });
      await client.query({
        name: "feedback-emails",
        text: INSERT_EMAILS,
        values: [
          column((e) => e.kind),
          column((e) => e.toAddress),
          column((e) => e.subject),
          column((e) => e.textBody),
          column((e) => e.htmlBody),
          column((e) => JSON.stringify(e.headers)),
          column((e) => e.registrationId),
        ],
      });
    }
    await client.query("COMMIT");
    client.release();
    return claimed.length;
  } catch (error) {
    const rolledBack = await client.query("ROLLBACK").then(
      () => true,
      () => false,
    );
    client.release(rolledBack ? undefined : true);
    throw error;
  }
}

/**
 * Queues every survey invitation and reminder due at `now` (the clock, but a test may set it) as pending emails;
 * returns how many (a draft writer of the mail worker).
 */
export async function queueSurveyEmails(now: Date = new Date(), pool: pg.Pool = pgPool()): Promise<number> {
  const { rows } = await pool.query({ name: "feedback-due", text: `SELECT * FROM feedback_due_conferences($1)`, values: [now] });
  let queued = 0;
  for (const { conferenceId } of z.array(z.object({ conferenceId: z.string() })).parse(rows)) {
    const checkedIn = (await checkedInRegistrations(conferenceId)).map((row) => row.registrationId);
    queued += await queueConference(pool, conferenceId, checkedIn, now);
  }
  return queued;
}
