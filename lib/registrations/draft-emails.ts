// The emails that decisions about places owe people are queued as DRAFT rows of email_outbox, in the same
// transaction as the decision (prisma/sql/places.sql): a row exists exactly when its reason does. The mail
// worker writes them here, just before delivering them, from the registration as it is then: rendering (the QR
// code above all) took a quarter of a sign-up's CPU, and in a rush the sign-ups come first while the emails
// follow at the worker's pace. A draft holds only what the database cannot give back later (which email, the
// place in line at that moment, the workshop that came free).
//
// Every email with a manage link gets a link of its own, minted here in the batch's transaction; the links of
// earlier emails keep working (manage_links).
//
// A batch is one transaction of a few statements on node-postgres: claim the drafts, lock and read their
// registrations, write the emails and their links, mark the refused. Through Prisma, a query per table per
// email, it cost more than the sign-ups themselves.
import "server-only";
import type pg from "pg";
import { z } from "zod";
import { cancellationEmail } from "@/lib/conferences/emails";
import { pgPool } from "@/lib/db-pool";
import { outboxRow, type OutboxEmail } from "@/lib/mail/outbox";
import { hashToken, randomToken } from "@/lib/tokens";
import {
  allocationEmail,
  addressChangedEmail,
  alreadyRegisteredEmail,
  cancelledByOrganiserEmail,
  cancelledEmail,
  confirmationEmail,
  emailChangedNotice,
  promotedEmail,
  reminderEmail,
  stillComingEmail,
  workshopPromotedEmail,
  workshopsChangedEmail,
  type MailRegistration,
} from "./emails";
import { offerEndedEmail, placeOfferEmail } from "./offer-emails";

/** What places.sql writes into email_outbox.draft (older drafts carried a manage token too: ignored). */
const draftSchema = z.discriminatedUnion("template", [
  z.object({ template: z.literal("confirmation"), status: z.enum(["CONFIRMED", "WAITLISTED"]), waitlistPosition: z.number().int().nullable().optional() }),
  z.object({ template: z.literal("alreadyRegistered"), locale: z.enum(["nl", "en"]) }),
  z.object({ template: z.literal("promoted") }),
  z.object({ template: z.literal("workshopPromoted"), sessionId: z.string() }),
  z.object({ template: z.literal("cancelledByOrganiser") }),
  z.object({ template: z.literal("cancelled") }),
  z.object({ template: z.literal("conferenceCancelled") }),
  z.object({ template: z.literal("allocation"), roundId: z.string() }),
  z.object({ template: z.literal("workshopsChanged") }),
  // The registration's address was changed (confirmed from the new address): the ticket to the new one, a notice
  // to the previous one.
  z.object({ template: z.literal("addressChanged") }),
  z.object({ template: z.literal("addressChangedNotice"), previousEmail: z.string() }),
  // A reminder before the start (prisma/sql/reminders.sql).
  z.object({ template: z.literal("reminder"), daysBefore: z.number().int() }),
  z.object({ template: z.literal("stillComing") }),
  // A freed place offered with a claim window, and the notice that the offer ended unclaimed (places.sql).
  z.object({ template: z.literal("placeOffer"), offerId: z.string(), sessionId: z.string().nullable(), expiresAt: z.string() }),
  z.object({ template: z.literal("offerEnded"), offerId: z.string(), sessionId: z.string().nullable(), status: z.enum(["DECLINED", "EXPIRED"]), workshop: z.string().nullable() }),
]);
type Draft = z.infer<typeof draftSchema>;

const BATCH = 20;

type Claimed = { id: string; registration_id: string | null; draft: unknown };

type Dated<T> = Omit<T, "startsAt" | "endsAt"> & { startsAt: string; endsAt: string };

/** A registration as it is now, locked until the batch commits, as JSON from PostgreSQL. */
type Current = {
  id: string;
  registration: Omit<MailRegistration, "conference" | "choices"> & {
    waitlistPosition: number | null;
    /** The person's offers still open (places.sql): an offer's email is sent only while it is. */
    openOfferIds: string[];
    conference: Dated<MailRegistration["conference"]> & { rounds: Array<{ id: string; title: string }> };
    choices: Array<Omit<MailRegistration["choices"][number], "session"> & { session: Dated<MailRegistration["choices"][number]["session"]> }>;
  };
};

// Oldest first; SKIP LOCKED, so several instances' workers share the drafts instead of waiting for each other.
const CLAIM = `
  SELECT id, registration_id, draft FROM email_outbox
   WHERE status = 'DRAFT' ORDER BY created_at LIMIT $1
     FOR UPDATE SKIP LOCKED`;

// The registrations and their conferences, locked (FOR SHARE) until the emails are written: a promotion, a
// cancellation or a cancelled conference then waits, and its own email comes after this one, instead of this
// one telling what is no longer true. One that is being changed right now is skipped (SKIP LOCKED, so this
// never waits while holding drafts that the change might want) and its draft left for the next pass.
const CURRENT = `
  SELECT r.id,
         json_build_object(
           'id', r.id, 'name', r.name, 'email', r.email, 'locale', r.locale, 'ticketCode', r.ticket_code, 'doorCode', r.door_code, 'status', r.status,
           'waitlistPosition', CASE WHEN r.status = 'WAITLISTED' THEN (places_decision(r.id)->>'waitlistPosition')::int END,
           'openOfferIds', COALESCE((SELECT json_agg(o.id) FROM place_offers o WHERE o.registration_id = r.id AND o.status = 'OPEN'), '[]'::json),
           'conference', json_build_object(
             'slug', c.slug, 'title', c.title, 'startsAt', c.starts_at, 'endsAt', c.ends_at, 'status', c.status,
             'organisation', (SELECT json_build_object('name', o.name, 'contactEmail', o.contact_email) FROM organisations o WHERE o.id = c.organisation_id),
             'rounds', COALESCE((SELECT json_agg(json_build_object('id', wr.id, 'title', wr.title))
                                   FROM workshop_rounds wr WHERE wr.conference_id = c.id), '[]'::json),
             'venue', (SELECT json_build_object('name', v.name, 'street', v.street, 'postalCode', v.postal_code, 'city', v.city)
                         FROM venues v WHERE v.id = c.venue_id)),
           'choices', COALESCE((
             SELECT json_agg(json_build_object(
                      'sessionId', w.session_id, 'status', w.status,
                      'session', json_build_object(
                        'title', s.title, 'startsAt', s.starts_at, 'endsAt', s.ends_at,
                        'room', (SELECT json_build_object('name', rm.name) FROM rooms rm WHERE rm.id = s.room_id))))
               FROM workshop_choices w JOIN programme_sessions s ON s.id = w.session_id
              WHERE w.registration_id = r.id), '[]'::json)) AS registration
    FROM registrations r JOIN conferences c ON c.id = r.conference_id
   WHERE r.id = ANY($1::text[])
     FOR SHARE OF r, c SKIP LOCKED`;

/** Of these registrations, the ones that still exist. */
const EXISTING = `SELECT id FROM registrations WHERE id = ANY($1::text[])`;

const WRITE = `
  UPDATE email_outbox o
     SET kind = u.kind, to_address = u.to_address, subject = u.subject, text_body = u.text_body, html_body = u.html_body,
         attachments = u.attachments::jsonb, headers = u.headers::jsonb, status = 'PENDING', draft = NULL, next_attempt_at = now()
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
         AS u (id, kind, to_address, subject, text_body, html_body, attachments, headers)
   WHERE o.id = u.id`;

const LINKS = `
  INSERT INTO manage_links (token_hash, registration_id) SELECT * FROM unnest($1::text[], $2::text[])`;

const REFUSE = `
  UPDATE email_outbox o SET status = 'FAILED', last_error = u.reason, draft = NULL
    FROM unnest($1::text[], $2::text[]) AS u (id, reason)
   WHERE o.id = u.id`;

type Rendered = { email: OutboxEmail; manageToken: string | null } | { refused: string };

/** The registration's dates as Dates, as the email templates take them. */
function forMail(registration: Current["registration"]): MailRegistration {
  return {
    ...registration,
    conference: { ...registration.conference, startsAt: new Date(registration.conference.startsAt), endsAt: new Date(registration.conference.endsAt) },
    choices: registration.choices.map((c) => ({ ...c, session: { ...c.session, startsAt: new Date(c.session.startsAt), endsAt: new Date(c.session.endsAt) } })),
  };
}

/** The email, or why none is sent: whatever changed since the decision that queued it decides. */
function render(draft: Draft, registration: Current["registration"] | undefined): Rendered {
  if (!registration) return { refused: "registration gone before sending" };
  const conference = registration.conference;
  const mail = forMail(registration);
  if (draft.template === "conferenceCancelled") {
    if (conference.status !== "CANCELLED") return { refused: "conference no longer cancelled" };
    return { email: cancellationEmail(mail, mail.conference), manageToken: null };
  }
  if (draft.template === "cancelledByOrganiser" || draft.template === "cancelled") {
    if (registration.status !== "CANCELLED") return { refused: "no longer cancelled" };
    return { email: draft.template === "cancelled" ? cancelledEmail(mail) : cancelledByOrganiserEmail(mail), manageToken: null };
  }
  // The end of an offer, which for a conference place cancelled the registration.
  if (draft.template === "offerEnded") return { email: offerEndedEmail(mail, draft), manageToken: null };
  // The old address hears that the registration moved, whatever became of it since.
  if (draft.template === "addressChangedNotice") return { email: emailChangedNotice(mail, draft.previousEmail), manageToken: null };
  if (registration.status === "CANCELLED") return { refused: "cancelled before sending" };
  // The organiser's cancellation email said it all; a ticket after it would contradict it.
  if (conference.status === "CANCELLED") return { refused: "conference cancelled before sending" };
  if (new Date(conference.endsAt) <= new Date()) return { refused: "conference over before sending" };
  const manageToken = randomToken();
  switch (draft.template) {
    case "confirmation":
      // Promoted from the waitlist (or moved back onto it) since signing up: the email about that change says
      // what is true now.
      if (registration.status !== draft.status) return { refused: "superseded by a later email" };
      return { email: confirmationEmail({ ...mail, status: draft.status }, manageToken, draft.waitlistPosition ?? 1), manageToken };
    case "alreadyRegistered":
      return { email: alreadyRegisteredEmail({ registration: mail, manageToken, locale: draft.locale }), manageToken };
    case "workshopsChanged":
      return { email: workshopsChangedEmail(mail, manageToken, registration.waitlistPosition), manageToken };
    case "addressChanged":
      // The ticket (or the waitlist notice) at the new address, with a manage link of its own.
      return { email: addressChangedEmail(mail, manageToken, registration.waitlistPosition), manageToken };
    case "reminder":
      if (registration.status !== "CONFIRMED") return { refused: "no longer confirmed" };
      return { email: reminderEmail(mail, manageToken, draft.daysBefore), manageToken };
    case "stillComing":
      if (registration.status !== "CONFIRMED") return { refused: "no longer confirmed" };
      return { email: stillComingEmail(mail, manageToken), manageToken };
    case "placeOffer":
      if (!registration.openOfferIds.includes(draft.offerId)) return { refused: "offer ended before sending" };
      return { email: placeOfferEmail(mail, manageToken, { ...draft, expiresAt: new Date(draft.expiresAt) }), manageToken };
    case "promoted":
      if (registration.status !== "CONFIRMED") return { refused: "no longer confirmed" };
      return { email: promotedEmail(mail, manageToken), manageToken };
    case "allocation": {
      if (registration.status !== "CONFIRMED") return { refused: "no longer confirmed" };
      const round = conference.rounds.find((r) => r.id === draft.roundId);
      return { email: allocationEmail(mail, manageToken, round?.title ?? ""), manageToken };
    }
    case "workshopPromoted": {
      const choice = registration.choices.find((c) => c.sessionId === draft.sessionId);
      if (registration.status !== "CONFIRMED" || choice?.status !== "CONFIRMED") return { refused: "workshop place no longer held" };
      return { email: workshopPromotedEmail(mail, manageToken, draft.sessionId), manageToken };
    }
  }
}

function renderChecked(claimed: Claimed, registration: Current["registration"] | undefined): Rendered {
  const draft = draftSchema.safeParse(claimed.draft);
  if (!draft.success) return { refused: "not rendered: unknown draft" };
  try {
    return render(draft.data, registration);
  } catch (error) {
    return { refused: `not rendered: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function renderBatch(client: pg.PoolClient): Promise<number> {
  const { rows } = await client.query<Claimed>({ name: "draft-emails-claim", text: CLAIM, values: [BATCH] });
  const ids = rows.flatMap((r) => (r.registration_id ? [r.registration_id] : []));
  const current = await client.query<Current>({ name: "draft-emails-current", text: CURRENT, values: [ids] });
  const registrations = new Map(current.rows.map((r) => [r.id, r.registration]));
  const skipped = ids.filter((id) => !registrations.has(id));
  const busy = new Set(skipped.length > 0 ? (await client.query<{ id: string }>(EXISTING, [skipped])).rows.map((r) => r.id) : []);
  const written: Array<{ id: string } & ReturnType<typeof outboxRow>> = [];
  const links: Array<{ tokenHash: string; registrationId: string }> = [];
  const refused: Array<{ id: string; reason: string }> = [];
  for (const claimed of rows) {
    if (claimed.registration_id && busy.has(claimed.registration_id)) continue; // being changed: next pass
    const rendered = renderChecked(claimed, claimed.registration_id ? registrations.get(claimed.registration_id) : undefined);
    if ("refused" in rendered) {
      refused.push({ id: claimed.id, reason: rendered.refused });
      continue;
    }
    try {
      written.push({ id: claimed.id, ...outboxRow(rendered.email) });
    } catch (error) {
      refused.push({ id: claimed.id, reason: `not rendered: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    if (rendered.manageToken && claimed.registration_id) links.push({ tokenHash: hashToken(rendered.manageToken), registrationId: claimed.registration_id });
  }
  // A fault of ours, worth a look; the outbox row says which (no personal data here).
  for (const { id, reason } of refused) if (reason.startsWith("not rendered")) console.error(`[mail] draft ${id} ${reason}`);
  if (links.length > 0) {
    await client.query({ name: "draft-emails-links", text: LINKS, values: [links.map((l) => l.tokenHash), links.map((l) => l.registrationId)] });
  }
  if (written.length > 0) {
    const column = <T>(pick: (e: (typeof written)[number]) => T) => written.map(pick);
    await client.query({
      name: "draft-emails-write",
      text: WRITE,
      values: [
        column((e) => e.id),
        column((e) => e.kind),
        column((e) => e.toAddress),
        column((e) => e.subject),
        column((e) => e.textBody),
        column((e) => e.htmlBody),
        column((e) => JSON.stringify(e.attachments)),
        column((e) => JSON.stringify(e.headers)),
      ],
    });
  }
  if (refused.length > 0) {
    await client.query({ name: "draft-emails-refuse", text: REFUSE, values: [refused.map((r) => r.id), refused.map((r) => r.reason)] });
  }
  // Drafts left for the next pass do not count: a pass that only skips them is not worth repeating at once.
  return written.length + refused.length;
}

/**
 * Writes up to BATCH drafts, oldest first, each from its registration as it is now. A draft that should not be
 * sent any more, or cannot be rendered, is marked FAILED with the reason. A database error leaves the batch
 * for the next pass. Returns how many drafts it wrote or refused.
 */
export async function renderDrafts(): Promise<number> {
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN");
    const taken = await renderBatch(client);
    await client.query("COMMIT");
    client.release();
    return taken;
  } catch (error) {
    const rolledBack = await client.query("ROLLBACK").then(
      () => true,
      () => false,
    );
    client.release(rolledBack ? undefined : true);
    throw error;
  }
}

/** Writes every draft there is that nobody is changing (tests, scripts); the worker takes one batch per pass. */
export async function renderAllDrafts(): Promise<number> {
  let total = 0;
  for (let rendered = BATCH; rendered === BATCH; total += rendered) rendered = await renderDrafts();
  return total;
}
