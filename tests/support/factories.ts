// Uniquely named rows for integration tests (cal.com's fixtures): every test makes its own organisation and
// conference, so test files can share one database and never see each other's rows.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { renderAllDrafts } from "@/lib/registrations/draft-emails";
import { registrationSchema, type Registration, type RegistrationInput } from "@/lib/registrations/schema";
import { hashToken, newTicketCode, randomToken } from "@/lib/tokens";

const DAY = 24 * 60 * 60 * 1000;

export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

/**
 * Every address these tests register ends in this domain, so that their emails can be cleared away again:
 * the mail tests that share the database deliver whatever is due, and would wade through hundreds of ours.
 */
export const TEST_EMAIL_DOMAIN = "aanmelding.example";

export function uniqueEmail(label: string): string {
  return `${label}-${uniqueSuffix()}@${TEST_EMAIL_DOMAIN}`;
}

/** Removes the outbox rows of every registration test (call in afterAll): no test delivers them. */
export async function discardTestEmails(): Promise<void> {
  await db.emailOutbox.deleteMany({ where: { toAddress: { endsWith: `@${TEST_EMAIL_DOMAIN}`, mode: "insensitive" } } });
}

export interface TestSession {
  id: string;
  capacity: number | null;
}

export interface TestRound {
  id: string;
  sessions: TestSession[];
}

export interface TestConference {
  id: string;
  slug: string;
  organisationId: string;
  rounds: TestRound[];
}

export interface ConferenceOptions {
  capacity?: number;
  status?: "DRAFT" | "PUBLISHED" | "CANCELLED";
  /** Defaults to 30 days ahead; the conference lasts 8 hours. */
  startsAt?: Date;
  registrationOpensAt?: Date | null;
  registrationClosesAt?: Date | null;
  /** One entry per workshop round: the capacities of its sessions (null = no limit). */
  rounds?: Array<Array<number | null>>;
}

/** An organisation with a venue and one conference, its workshop rounds and their sessions. */
export async function createConference(options: ConferenceOptions = {}): Promise<TestConference> {
  const suffix = uniqueSuffix();
  const startsAt = options.startsAt ?? new Date(Date.now() + 30 * DAY);
  const endsAt = new Date(startsAt.getTime() + 8 * 60 * 60 * 1000);
  const organisation = await db.organisation.create({
    data: { slug: `org-${suffix}`, name: `Testorganisatie ${suffix}`, contactEmail: `info-${suffix}@organisatie.example` },
    select: { id: true },
  });
  const venue = await db.venue.create({
    data: { organisationId: organisation.id, name: "Theater De Test", street: "Teststraat 1", postalCode: "1234 AB", city: "Dordrecht" },
    select: { id: true },
  });
  const status = options.status ?? "PUBLISHED";
  const conference = await db.conference.create({
    data: {
      organisationId: organisation.id,
      slug: `conferentie-${suffix}`,
      title: `Testconferentie ${suffix}`,
      startsAt,
      endsAt,
      venueId: venue.id,
      capacity: options.capacity ?? 100,
      registrationOpensAt: options.registrationOpensAt === undefined ? new Date(Date.now() - DAY) : options.registrationOpensAt,
      registrationClosesAt: options.registrationClosesAt ?? null,
      status,
      publishedAt: status === "DRAFT" ? null : new Date(),
      cancelledAt: status === "CANCELLED" ? new Date() : null,
    },
    select: { id: true, slug: true },
  });

  const rounds: TestRound[] = [];
  for (const [position, capacities] of (options.rounds ?? []).entries()) {
    const round = await db.workshopRound.create({
      data: { conferenceId: conference.id, title: `Ronde ${position + 1}`, position },
      select: { id: true },
    });
    // Rounds follow each other through the day, an hour apart.
    const roundStart = new Date(startsAt.getTime() + (1 + position) * 60 * 60 * 1000);
    const sessions: TestSession[] = [];
    for (const [index, capacity] of capacities.entries()) {
      const session = await db.programmeSession.create({
        data: {
          conferenceId: conference.id,
          title: `Workshop ${position + 1}${String.fromCharCode(65 + index)}`,
          kind: "WORKSHOP",
          startsAt: roundStart,
          endsAt: new Date(roundStart.getTime() + 50 * 60 * 1000),
          workshopRoundId: round.id,
          capacity,
        },
        select: { id: true, capacity: true },
      });
      sessions.push(session);
    }
    rounds.push({ id: round.id, sessions });
  }
  return { id: conference.id, slug: conference.slug, organisationId: organisation.id, rounds };
}

/** What the form would send, parsed by the same schema as the action and the API. */
export function registrationInput(overrides: Partial<RegistrationInput> = {}): Registration {
  return registrationSchema.parse({
    name: "Sanne de Vries",
    email: uniqueEmail("deelnemer"),
    organisation: "Gemeente Dordrecht",
    jobRole: "Beleidsadviseur",
    privacyConsent: true,
    ...overrides,
  });
}

export function round(conference: TestConference, index: number): TestRound {
  const found = conference.rounds[index];
  if (!found) throw new Error(`conference ${conference.slug} has no round ${index}`);
  return found;
}

export function session(conference: TestConference, roundIndex: number, sessionIndex: number): TestSession {
  const found = round(conference, roundIndex).sessions[sessionIndex];
  if (!found) throw new Error(`round ${roundIndex} of ${conference.slug} has no session ${sessionIndex}`);
  return found;
}

/**
 * Data for inserting a registration directly, bypassing the domain code: for tests of the database's own
 * rules, and for situations the domain refuses to create (a registration for a conference in the past).
 */
export function rawRegistration(conferenceId: string, email: string, manageToken: string = randomToken()) {
  return {
    conferenceId,
    name: "Direct ingevoegd",
    email,
    activeEmailKey: email.toLowerCase(),
    privacyConsentAt: new Date(),
    status: "CONFIRMED" as const,
    ticketCode: newTicketCode(),
    manageLinks: { create: { tokenHash: hashToken(manageToken) } },
    confirmedAt: new Date(),
  };
}

/** The manage token in an email's link (…/aanmelding/<token>). */
export function manageTokenFrom(text: string): string {
  const match = /\/aanmelding\/([A-Za-z0-9_-]{20,100})/.exec(text);
  if (!match?.[1]) throw new Error(`no manage link in:\n${text}`);
  return match[1];
}

/** The manage token from the newest registration email (not, say, a newsletter confirmation) to the address. */
export async function latestManageToken(address: string): Promise<string> {
  const emails = await emailsTo(address);
  const latest = emails.filter((e) => e.kind.startsWith("registration.")).at(-1);
  return manageTokenFrom(latest?.textBody ?? "");
}

let rendering: Promise<unknown> = Promise.resolve();

/**
 * The outbox rows sent to one address (case-insensitively), oldest first: once the mail worker has written
 * every sign-up's email from its draft, as it does before delivering (lib/registrations/draft-emails.ts).
 */
export async function emailsTo(address: string) {
  // One after another: drafts being written by a concurrent call are skipped (SKIP LOCKED), not waited for.
  rendering = rendering.then(renderAllDrafts, renderAllDrafts);
  await rendering;
  return db.emailOutbox.findMany({
    where: { toAddress: { equals: address, mode: "insensitive" } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}
