// The organiser's registrations: search and filters, adding, cancelling and moving people through the same
// domain functions as the attendee, and the CSV export as Excel will read it.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { addRegistration, cancelByOrganiser, moveWorkshops } from "@/lib/registrations/admin-definitions";
import { exportRegistrations, registrationsCsv } from "@/lib/registrations/admin-export";
import { listRegistrations } from "@/lib/registrations/admin-queries";
import { registrationFiltersSchema } from "@/lib/registrations/admin-schema";
import { registerForConference } from "../support/sign-up";
import { parseCsv } from "../support/csv";
import {
  createConference,
  discardTestEmails,
  emailsTo,
  registrationInput,
  session,
  type TestConference,
  uniqueEmail,
} from "../support/factories";
import { addMember, createUser } from "../support/organisation-factories";

// Auth.js needs Next's runtime; these tests pass the user in themselves.
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null }));

type AnyDefinition = ActionDefinition<never, unknown, string>;
const run = (definition: unknown, user: CurrentUser, input: Record<string, unknown>) =>
  runAuthorized(definition as AnyDefinition, user, input);

afterAll(async () => {
  await discardTestEmails();
  await db.$disconnect();
});

async function organiserOf(conference: TestConference): Promise<CurrentUser> {
  const user = await createUser("organisator");
  await addMember(conference.organisationId, user, "ORGANISER");
  return user;
}

async function register(conference: TestConference, overrides: Parameters<typeof registrationInput>[0] = {}) {
  const outcome = await registerForConference(conference.slug, registrationInput({ email: uniqueEmail("deelnemer"), ...overrides }));
  if (!outcome.ok || !outcome.registrationId) throw new Error(`registration failed: ${JSON.stringify(outcome)}`);
  return outcome.registrationId;
}

const filters = (values: Record<string, unknown>) => registrationFiltersSchema.parse(values);
const names = async (conference: TestConference, values: Record<string, unknown>) =>
  (await listRegistrations(conference.id, filters(values))).rows.map((row) => row.name);

async function checkIn(conference: TestConference, registrationId: string, flags: { duplicate?: boolean; lateUpload?: boolean } = {}) {
  return db.checkIn.create({
    data: { conferenceId: conference.id, registrationId, method: "QR", scannedAt: new Date(), deviceId: "test", clientNonce: randomUUID(), ...flags },
    select: { id: true },
  });
}

describe("search and filters", () => {
  it("finds people whatever their accents and capitals", async () => {
    const conference = await createConference();
    await register(conference, { name: "Patricia van Aaken", organisation: "Gemeente Schiedam, afdeling Zorg" });
    await register(conference, { name: "Zoë d'Hondt", organisation: "Welzijn Zwijndrecht" });
    await register(conference, { name: "Bram Hoekstra", organisation: "Gemeente Gorinchem" });

    expect(await names(conference, { q: "aaken" })).toEqual(["Patricia van Aaken"]);
    expect(await names(conference, { q: "ZOE" })).toEqual(["Zoë d'Hondt"]);
    expect(await names(conference, { q: "d'hondt" })).toEqual(["Zoë d'Hondt"]);
    expect(await names(conference, { q: "schiedam" })).toEqual(["Patricia van Aaken"]);
    expect(await names(conference, { q: "gemeente" })).toEqual(["Bram Hoekstra", "Patricia van Aaken"]);
    // Wildcards typed by the user are not wildcards.
    expect(await names(conference, { q: "%" })).toHaveLength(3);
    expect(await names(conference, { q: "a_ken" })).toEqual([]);
  });

  it("filters by status, workshop and check-in, including conflicts from offline devices", async () => {
    const conference = await createConference({ capacity: 3, rounds: [[null, null]] });
    const [a, b] = [session(conference, 0, 0), session(conference, 0, 1)];
    const round = conference.rounds[0]?.id ?? "";
    const anna = await register(conference, { name: "Anna", workshops: { [round]: a.id } });
    const bert = await register(conference, { name: "Bert", workshops: { [round]: b.id } });
    const cor = await register(conference, { name: "Cor" });
    await register(conference, { name: "Dirk" }); // the fourth: waitlisted

    await checkIn(conference, anna);
    // Bert was checked in on two offline devices; the second upload came in late and is flagged.
    await checkIn(conference, bert);
    await checkIn(conference, bert, { duplicate: true, lateUpload: true });
    // Cor was checked in and undone: not in.
    const wrong = await checkIn(conference, cor);
    await db.checkIn.create({
      data: { conferenceId: conference.id, registrationId: cor, action: "UNDO", undoesId: wrong.id, method: "MANUAL", scannedAt: new Date(), deviceId: "test", clientNonce: randomUUID() },
    });

    expect(await names(conference, { status: "WAITLISTED" })).toEqual(["Dirk"]);
    expect(await names(conference, { status: "CONFIRMED" })).toEqual(["Anna", "Bert", "Cor"]);
    expect(await names(conference, { workshop: a.id })).toEqual(["Anna"]);
    expect(await names(conference, { checkedIn: "yes" })).toEqual(["Anna", "Bert"]);
    expect(await names(conference, { checkedIn: "no" })).toEqual(["Cor", "Dirk"]);
    expect(await names(conference, { checkedIn: "flagged" })).toEqual(["Bert"]);
    const [bertRow] = (await listRegistrations(conference.id, filters({ q: "bert" }))).rows;
    expect(bertRow).toMatchObject({ conflict: true, lateUpload: true, workshops: [{ status: "CONFIRMED" }] });
    expect(bertRow?.checkedInAt).toBeInstanceOf(Date);
  });

  it("pages through the table", async () => {
    const conference = await createConference({ capacity: 200 });
    for (let i = 0; i < 52; i++) await register(conference, { name: `Deelnemer ${String(i).padStart(2, "0")}` });
    const first = await listRegistrations(conference.id, filters({}));
    const second = await listRegistrations(conference.id, filters({ page: 2 }));
    expect([first.total, first.pageCount, first.rows.length, second.rows.length]).toEqual([52, 2, 50, 2]);
    expect(second.rows.map((r) => r.name)).toEqual(["Deelnemer 50", "Deelnemer 51"]);
  });
});

const addInput = (conference: TestConference, overrides: Record<string, unknown> = {}) => ({
  conferenceId: conference.id,
  idempotencyKey: randomUUID(),
  name: "Kees Mulder",
  email: uniqueEmail("telefonisch"),
  organisation: "Cliëntenraad",
  privacyConsent: "on",
  locale: "nl",
  ...overrides,
});

describe("adding someone by hand", () => {
  it("confirms within capacity, waitlists beyond it, and a double submit makes one registration", async () => {
    const conference = await createConference({ capacity: 1 });
    const organiser = await organiserOf(conference);
    const first = addInput(conference);
    const added = await run(addRegistration, organiser, first);
    expect(added).toMatchObject({ ok: true, data: { status: "CONFIRMED", name: "Kees Mulder" } });
    expect(await run(addRegistration, organiser, first)).toMatchObject({ ok: true, data: { status: "CONFIRMED" } });

    const second = addInput(conference, { name: "Fatima Bouzid" });
    expect(await run(addRegistration, organiser, second)).toMatchObject({ ok: true, data: { status: "WAITLISTED" } });
    expect(await db.registration.count({ where: { conferenceId: conference.id } })).toBe(2);
    expect((await emailsTo(first.email)).map((e) => e.kind)).toEqual(["registration.confirmed"]);
    expect((await emailsTo(second.email)).map((e) => e.kind)).toEqual(["registration.waitlisted"]);

    const audit = await db.auditLogEntry.findMany({ where: { organisationId: conference.organisationId }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => [e.action, e.actorUserId])).toEqual([
      ["registration.added", organiser.id],
      ["registration.added", organiser.id],
    ]);
  });

  it("adds after the public sign-up has closed, but not to a draft or a conference that is over", async () => {
    const closed = await createConference({ registrationClosesAt: new Date(Date.now() - 60_000) });
    const organiser = await organiserOf(closed);
    expect(await run(addRegistration, organiser, addInput(closed))).toMatchObject({ ok: true, data: { status: "CONFIRMED" } });
    // The public form stays closed.
    expect(await registerForConference(closed.slug, registrationInput())).toMatchObject({ ok: false, reason: "notOpen", state: "closed" });

    const draft = await createConference({ status: "DRAFT" });
    expect(await run(addRegistration, await organiserOf(draft), addInput(draft))).toMatchObject({ ok: false });
    expect(await db.registration.count({ where: { conferenceId: draft.id } })).toBe(0);
    const over = await createConference({ startsAt: new Date(Date.now() - 10 * 24 * 3600_000) });
    expect(await run(addRegistration, await organiserOf(over), addInput(over))).toMatchObject({ ok: false, reason: "notOpen" });
  });

  it("tells the organiser when the address is already registered, and checks the fields", async () => {
    const conference = await createConference();
    const organiser = await organiserOf(conference);
    const email = uniqueEmail("dubbel");
    await register(conference, { email });
    expect(await run(addRegistration, organiser, addInput(conference, { email: email.toUpperCase() }))).toMatchObject({ ok: false, reason: "alreadyRegistered" });
    expect(await run(addRegistration, organiser, addInput(conference, { name: "K", email: "geen", privacyConsent: undefined }))).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { name: "nameRequired", email: "emailInvalid", privacyConsent: "privacyRequired" },
      values: { name: "K", email: "geen" },
    });
  });
});

describe("cancelling and moving", () => {
  it("cancelling tells the person, frees the place for the first waiting, who gets an email", async () => {
    const conference = await createConference({ capacity: 1 });
    const organiser = await organiserOf(conference);
    const firstEmail = uniqueEmail("eerste");
    const first = await register(conference, { name: "Eerste", email: firstEmail });
    const waitingEmail = uniqueEmail("wachtend");
    const waiting = await register(conference, { name: "Wachtend", email: waitingEmail });

    expect(await run(cancelByOrganiser, organiser, { registrationId: first })).toMatchObject({ ok: true, data: { promoted: 1 } });
    expect(await db.registration.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ status: "CANCELLED", activeEmailKey: null });
    expect((await db.registration.findUniqueOrThrow({ where: { id: waiting } })).status).toBe("CONFIRMED");
    expect((await emailsTo(waitingEmail)).map((e) => e.kind)).toEqual(["registration.waitlisted", "registration.promoted"]);
    const toFirst = await emailsTo(firstEmail);
    expect(toFirst.map((e) => e.kind)).toEqual(["registration.confirmed", "registration.cancelledByOrganiser"]);
    expect(toFirst[1]?.subject).toContain("geannuleerd");
    // A second click changes nothing more.
    expect(await run(cancelByOrganiser, organiser, { registrationId: first })).toMatchObject({ ok: false, reason: "alreadyCancelled" });
    const audit = await db.auditLogEntry.findMany({ where: { organisationId: conference.organisationId } });
    expect(audit.map((e) => [e.action, e.entityId])).toEqual([["registration.cancelled", first]]);
  });

  it("moves a person to a workshop with room and refuses a full one", async () => {
    const conference = await createConference({ rounds: [[1, 2]] });
    const organiser = await organiserOf(conference);
    const round = conference.rounds[0]?.id ?? "";
    const [a, b] = [session(conference, 0, 0), session(conference, 0, 1)];
    const xander = await register(conference, { name: "Xander", workshops: { [round]: a.id } });
    await register(conference, { name: "Yara", workshops: { [round]: b.id } });

    // B has one place left: Xander moves, and his place in A comes free.
    expect(await run(moveWorkshops, organiser, { registrationId: xander, [`workshops.${round}`]: b.id })).toMatchObject({ ok: true });
    const choice = await db.workshopChoice.findFirstOrThrow({ where: { registrationId: xander } });
    expect([choice.sessionId, choice.status]).toEqual([b.id, "CONFIRMED"]);

    const wim = await register(conference, { name: "Wim", workshops: { [round]: a.id } });
    expect(await run(moveWorkshops, organiser, { registrationId: wim, [`workshops.${round}`]: b.id })).toMatchObject({ ok: false, reason: "workshopFull" });
    const wimChoice = await db.workshopChoice.findFirstOrThrow({ where: { registrationId: wim } });
    expect([wimChoice.sessionId, wimChoice.status]).toEqual([a.id, "CONFIRMED"]);
    expect(await db.workshopChoice.count({ where: { sessionId: b.id, status: "CONFIRMED" } })).toBe(2);
  });
});

describe("CSV export", () => {
  async function exportConference() {
    const conference = await createConference({ rounds: [[null]] });
    const round = conference.rounds[0]?.id ?? "";
    await register(conference, {
      name: "Zoë d'Hondt",
      organisation: "Gemeente Schiedam, afdeling Zorg",
      jobRole: 'Coördinator "Samen Sterk"; wijk Noord',
      dietaryNeeds: "Vegetarisch",
      accessibilityNeeds: "Rolstoel",
      workshops: { [round]: session(conference, 0, 0).id },
    });
    await register(conference, { name: "=HYPERLINK(\"https://evil.example\")", organisation: "+31 6 1234" });
    return conference;
  }

  it("reads back cell for cell: BOM, semicolons, quotes, Dutch names and commas in organisations", async () => {
    const conference = await exportConference();
    const csv = await registrationsCsv(conference.id, conference.organisationId, { dietary: false, accessibility: false, cancelled: false }, "nl");
    const { bom, rows } = parseCsv(csv?.body ?? "");
    expect(bom).toBe(true);
    expect(rows[0]).toEqual(["Naam", "E-mailadres", "Organisatie", "Functie", "Status", "Aangemeld op", "Ronde 1", "Ingecheckt om", "Ticketcode", "Code voor de deur", "Toestemming foto's", "Taal"]);
    const zoe = rows.find((row) => row[0] === "Zoë d'Hondt");
    // The ticket code, to look someone up by what they show, and the door code as it is read out.
    const stored = await db.registration.findFirstOrThrow({ where: { conferenceId: conference.id, name: "Zoë d'Hondt" }, select: { ticketCode: true, doorCode: true } });
    expect(zoe?.slice(8, 10)).toEqual([stored.ticketCode, `${stored.doorCode?.slice(0, 3)} ${stored.doorCode?.slice(3)}`]);
    expect(zoe?.slice(2, 5)).toEqual(["Gemeente Schiedam, afdeling Zorg", 'Coördinator "Samen Sterk"; wijk Noord', "bevestigd"]);
    expect(zoe?.[6]).toBe("Workshop 1A");
    expect(zoe?.[5]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // A formula stays text.
    const hostile = rows.find((row) => row[0]?.includes("HYPERLINK"));
    expect(hostile?.slice(0, 1)).toEqual(["'=HYPERLINK(\"https://evil.example\")"]);
    expect(hostile?.[2]).toBe("'+31 6 1234");
    expect(rows.every((row) => row.length === rows[0]?.length)).toBe(true);
  });

  it("has the needs columns only when they are ticked", async () => {
    const conference = await exportConference();
    const csv = (dietary: boolean, accessibility: boolean) =>
      registrationsCsv(conference.id, conference.organisationId, { dietary, accessibility, cancelled: false }, "en").then((c) => parseCsv(c?.body ?? "").rows);
    const plain = await csv(false, false);
    expect(plain[0]).not.toContain("Dietary needs");
    expect(plain.flat()).not.toContain("Vegetarisch");
    expect(plain.flat()).not.toContain("Rolstoel");
    const dietary = await csv(true, false);
    expect(dietary[0]).toContain("Dietary needs");
    expect(dietary[0]).not.toContain("Accessibility");
    expect(dietary.flat()).toContain("Vegetarisch");
    const both = await csv(true, true);
    expect(both[0]?.slice(-4)).toEqual(["Dietary needs", "Accessibility", "Photo consent", "Language"]);
    expect(both.flat()).toContain("Rolstoel");
  });

  it("answers the organiser's post with the file and writes the export to the audit log", async () => {
    const conference = await exportConference();
    const organiser = await organiserOf(conference);
    const { slug } = await db.organisation.findUniqueOrThrow({ where: { id: conference.organisationId }, select: { slug: true } });
    const form = new FormData();
    form.set("dietary", "on");
    const response = await exportRegistrations(
      organiser,
      { locale: "nl", organisation: slug, conference: conference.id },
      new Request("http://podium.test/beheer/x/export", { method: "POST", body: form, headers: { origin: "http://podium.test", host: "podium.test" } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="aanmeldingen-testconferentie-/);
    const { rows } = parseCsv(new TextDecoder().decode(await response.arrayBuffer()));
    expect(rows[0]).toContain("Dieetwensen");
    expect(rows[0]).not.toContain("Toegankelijkheid");
    expect(rows).toHaveLength(3);

    const [entry, ...more] = await db.auditLogEntry.findMany({ where: { organisationId: conference.organisationId } });
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ action: "registrations.exported", actorUserId: organiser.id, entityId: conference.id });
    expect(entry?.details).toMatchObject({ rows: 2, dietary: true, accessibility: false });
  });
});
