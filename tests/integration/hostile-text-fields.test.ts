// A NUL byte or a line break, typed or sent wherever people enter text: every entry point answers with a field
// error in both languages, never a 500 (PostgreSQL cannot store a NUL), fields of one line stay on one line,
// and a conference title saved with a line break before that rule no longer makes its emails fail.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as countsRoute } from "@/app/api/checkin/[conferenceSlug]/counts/route";
import { POST as scansRoute } from "@/app/api/checkin/[conferenceSlug]/scans/route";
import { GET as searchRoute } from "@/app/api/checkin/[conferenceSlug]/search/route";
import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import { requestSignInLinkAction } from "@/lib/auth/actions";
import { update as updateConference } from "@/lib/conferences/definitions";
import { db } from "@/lib/db";
import { deliverDueEmails } from "@/lib/mail/deliver";
import { enqueueEmail } from "@/lib/mail/outbox";
import { createMailTransport } from "@/lib/mail/transport";
import { newsletterSignupSchema } from "@/lib/newsletter/schema";
import { createSessionDefinition } from "@/lib/programme/definitions";
import { registerAction } from "@/lib/registrations/actions";
import { addRegistration } from "@/lib/registrations/admin-definitions";
import { answerRegistrationPost } from "@/lib/registrations/api";
import { renderDrafts } from "@/lib/registrations/draft-emails";
import { registerForConference } from "../support/sign-up";
import { save as saveReport } from "@/lib/reports/definitions";
import { createSpeakerDefinition } from "@/lib/speakers/definitions";
import { createRoomDefinition, createVenueDefinition } from "@/lib/venues/definitions";
import { createConference, discardTestEmails, registrationInput, type TestConference, uniqueEmail } from "../support/factories";
import { conferenceForm, createEditorConference, sessionForm, type EditorConference } from "../support/editor-factories";
import { addMember, createOrganisation, createSession, createUser, type TestOrganisation } from "../support/organisation-factories";
import { reportForm } from "../support/report-factories";
import { startSmtpSink } from "../support/smtp";

// next-auth's ESM build imports "next/server" in a way only Next's bundler resolves; the dashboard's actions are
// run with the user passed in. The public actions read the client's address from the request's headers.
vi.mock("@/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.77" }) }));
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), revalidateTag: vi.fn(), revalidatePath: vi.fn() }));
// next-intl's navigation needs Next's bundler too; no form here gets far enough to redirect.
vi.mock("@/i18n/navigation", () => ({
  redirect: () => {
    throw new Error("unexpected redirect");
  },
}));

type AnyDefinition = ActionDefinition<never, unknown, string>;

const NUL = "\u0000";
// Every character that ends a line somewhere: CR LF, LF, CR, vertical tab, form feed, NEL, LS, PS.
const LINE_BREAKS = ["\r\n", "\n", "\r", "\u000b", "\u000c", "\u0085", "\u2028", "\u2029"];
const BOTH = { nl: expect.stringContaining(""), en: expect.stringContaining("") };

let organisation: TestOrganisation;
let conference: TestConference;

beforeAll(async () => {
  organisation = await createOrganisation();
  conference = await createConference();
});
afterAll(async () => {
  await discardTestEmails();
  await db.$disconnect();
});

const run = (definition: unknown, input: Record<string, unknown>) => runAuthorized(definition as AnyDefinition, organisation.organiser, input);

function apiPost(body: unknown, slug = conference.slug) {
  const text = JSON.stringify(body);
  const headers = new Headers({ "content-type": "application/json", "content-length": String(Buffer.byteLength(text)), "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` });
  return answerRegistrationPost({ conferenceSlug: slug, headers, body: [new TextEncoder().encode(text)] as unknown as AsyncIterable<Uint8Array> });
}

const person = (overrides: Record<string, unknown> = {}) => ({ name: "Fatima El Idrissi", email: uniqueEmail("hostiel"), privacyConsent: true, ...overrides });

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("signing up: the JSON API", () => {
  it("answers a NUL in any field with 422 and a bilingual field error, and stores nothing", async () => {
    const before = await db.registration.count({ where: { conferenceId: conference.id } });
    for (const [field, body] of [
      ["name", person({ name: `Fatima${NUL}` })],
      ["organisation", person({ organisation: `Gemeente${NUL}Dordrecht` })],
      ["jobRole", person({ jobRole: NUL })],
      ["dietaryNeeds", person({ dietaryNeeds: `geen noten${NUL}` })],
      ["accessibilityNeeds", person({ accessibilityNeeds: NUL })],
      ["workshops.r1", person({ workshops: { r1: `s${NUL}` } })],
    ] as const) {
      const { answer } = await apiPost(body);
      expect(answer.status, field).toBe(422);
      expect((answer.body as { fields: Record<string, unknown> }).fields[field], field).toEqual({
        nl: "Hier staat een teken in dat niet kan (een nul-teken, vaak mee gekopieerd uit een ander programma). Typ de tekst opnieuw.",
        en: "This contains a character that cannot be used (a null character, often copied along from another program). Please type the text again.",
      });
    }
    // A round's id (a key) is no text anyone types: its field error says the value is not valid.
    const { answer } = await apiPost(person({ workshops: { [`r${NUL}`]: "s1" } }));
    expect(answer.status).toBe(422);
    expect((answer.body as { fields: Record<string, { nl: string }> }).fields[`workshops.r${NUL}`]?.nl).toBe("Deze waarde klopt niet.");
    expect(await db.registration.count({ where: { conferenceId: conference.id } })).toBe(before);
  });

  it("answers a NUL in the conference's address with 404", async () => {
    const { answer } = await apiPost(person(), `${conference.slug}${NUL}`);
    expect(answer.status).toBe(404);
  });

  it("refuses line breaks in name, organisation and job role, and keeps them in the needs", async () => {
    for (const lineBreak of LINE_BREAKS) {
      for (const field of ["name", "organisation", "jobRole"]) {
        const { answer } = await apiPost(person({ [field]: `Eerste${lineBreak}Tweede` }));
        expect(answer.status, `${field} ${JSON.stringify(lineBreak)}`).toBe(422);
        expect((answer.body as { fields: Record<string, { en: string }> }).fields[field]?.en).toBe("This must fit on one line. Remove the line breaks (Enter).");
      }
    }
    const body = person({ dietaryNeeds: "Geen noten.\nGeen pinda's.", accessibilityNeeds: "Rolstoel\r\nen begeleider" });
    expect((await apiPost(body)).answer.status).toBe(202);
    const stored = await db.registration.findFirstOrThrow({ where: { conferenceId: conference.id, email: body.email } });
    expect([stored.dietaryNeeds, stored.accessibilityNeeds]).toEqual(["Geen noten.\nGeen pinda's.", "Rolstoel\r\nen begeleider"]);
  });
});

describe("signing up and signing in: the public forms", () => {
  const registration = (fields: Record<string, string>) =>
    form({ conferenceSlug: conference.slug, idempotencyKey: randomUUID(), name: "Sanne de Vries", email: uniqueEmail("formulier"), privacyConsent: "on", ...fields });

  it("shows a field error for a NUL or a line break in the registration form", async () => {
    const nul = await registerAction({ status: "idle" }, registration({ organisation: `Gemeente${NUL}` }));
    expect(nul).toMatchObject({ status: "error", fieldErrors: { organisation: "validation.invalidCharacter" } });
    const broken = await registerAction({ status: "idle" }, registration({ name: "Sanne\r\nBcc: iedereen@example.org" }));
    expect(broken).toMatchObject({ status: "error", fieldErrors: { name: "validation.lineBreak" } });
  });

  it("says the conference is not open when its hidden address carries a NUL", async () => {
    const outcome = await registerAction({ status: "idle" }, registration({ conferenceSlug: `${conference.slug}${NUL}` }));
    expect(outcome).toMatchObject({ status: "error", formError: "registration.errors.notOpen" });
  });

  it("refuses a NUL in the newsletter and sign-in forms' address", async () => {
    // The newsletter form's action renders its messages with next-intl's server API, which needs Next: its schema here.
    expect(newsletterSignupSchema.safeParse({ email: `a${NUL}@example.org` }).error?.issues[0]?.message).toBe("emailInvalid");
    expect(await requestSignInLinkAction({ status: "idle" }, form({ email: `a${NUL}@example.org`, locale: "nl" }))).toMatchObject({
      status: "error",
      fieldErrors: { email: "emailInvalid" },
    });
  });
});

describe("the dashboard's forms", () => {
  let editable: EditorConference;
  beforeAll(async () => {
    editable = await createEditorConference(organisation.id);
  });

  it("refuses a title with a line break and a NUL anywhere, and keeps line breaks in descriptions", async () => {
    expect(await run(updateConference, await conferenceForm(editable.id, { title: "Werkconferentie\r\nNajaar" }))).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { title: "lineBreak" },
    });
    expect(await run(updateConference, await conferenceForm(editable.id, { description: `Tekst${NUL}` }))).toMatchObject({
      fieldErrors: { description: "invalidCharacter" },
    });
    expect(await run(updateConference, await conferenceForm(editable.id, { subtitle: "Samen\u2028sterker" }))).toMatchObject({
      fieldErrors: { subtitle: "lineBreak" },
    });
    expect(await run(updateConference, await conferenceForm(editable.id, { description: "Eerste alinea.\n\nTweede alinea." }))).toMatchObject({ ok: true });
  });

  it("refuses line breaks in speaker, venue, room, session and report titles and names", async () => {
    const refusals = [
      [createSpeakerDefinition, { organisationId: organisation.id, requestKey: randomUUID(), name: "Anna\nSmit", role: "", affiliation: "", bio: "", photoAlt: "" }, "name"],
      [createSpeakerDefinition, { organisationId: organisation.id, requestKey: randomUUID(), name: "Anna Smit", role: "", affiliation: "", bio: NUL, photoAlt: "" }, "bio"],
      [
        createVenueDefinition,
        { organisationId: organisation.id, requestKey: randomUUID(), name: "Theater\r\naan de Schie", street: "Stationsplein 1", postalCode: "3112 HE", city: "Schiedam", accessibilityNotes: "", website: "" },
        "name",
      ],
      [createRoomDefinition, { venueId: editable.venueId, requestKey: randomUUID(), name: "Grote\u2029zaal", capacity: "10" }, "name"],
      [createSessionDefinition, { conferenceId: editable.id, requestKey: randomUUID(), ...sessionForm(editable, 0, 30, { title: "Opening\u0085en welkom" }) }, "title"],
      [saveReport, reportForm(organisation.id, { title: "Verslag\nvan de dag" }), "title"],
      [saveReport, reportForm(organisation.id, { body: `Tekst${NUL}` }), "body"],
      [saveReport, reportForm(organisation.id, { "quotes.0.text": "Mooi", "quotes.0.attribution": "Wethouder\nJansen" }), "quotes"],
    ] as const;
    for (const [definition, input, field] of refusals) {
      const outcome = await run(definition, input);
      expect(outcome, `${field}: ${JSON.stringify(input).slice(0, 80)}`).toMatchObject({ ok: false, reason: "invalid" });
      expect(Object.keys((outcome as { fieldErrors: Record<string, string> }).fieldErrors), field).toContain(field);
    }
    // A quote itself may run over several lines.
    expect(await run(saveReport, reportForm(organisation.id, { "quotes.0.text": "Eerste regel.\nTweede regel.", "quotes.0.attribution": "Jansen" }))).toMatchObject({ ok: true });
  });

  it("refuses a NUL in a registration an organiser adds by hand", async () => {
    const outcome = await run(addRegistration, {
      conferenceId: editable.id,
      idempotencyKey: randomUUID(),
      name: `Piet${NUL}`,
      email: uniqueEmail("handmatig"),
      privacyConsent: "on",
    });
    expect(outcome).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { name: "invalidCharacter" } });
  });
});

describe("the door", () => {
  let cookie: string;
  beforeAll(async () => {
    const host = await createUser("hostiel-deur");
    await addMember(conference.organisationId, host, "HOST");
    cookie = `authjs.session-token=${await createSession(host)}`;
  });
  const get = (path: string) => new Request(`http://podium.test/api/checkin/x/${path}`, { headers: { cookie } });

  it("answers a NUL or a line break in the search term with 422 and a field error", async () => {
    const params = Promise.resolve({ conferenceSlug: conference.slug });
    for (const q of [`Vries${NUL}`, "Vries\nde"]) {
      const response = await searchRoute(get(`search?q=${encodeURIComponent(q)}`), { params });
      expect(response.status, JSON.stringify(q)).toBe(422);
      expect(((await response.json()) as { fields: Record<string, unknown> }).fields.q).toEqual(BOTH);
    }
    expect((await searchRoute(get("search?q=Vries"), { params })).status).toBe(200);
  });

  it("answers a NUL in the conference's address with 404, scans included", async () => {
    const params = Promise.resolve({ conferenceSlug: `${conference.slug}${NUL}` });
    expect((await countsRoute(get("counts"), { params })).status).toBe(404);
    const scans = new Request("http://podium.test/api/checkin/x/scans", {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ scans: [{ nonce: randomUUID(), code: "ABC", method: "QR", scannedAt: new Date().toISOString(), deviceId: "device-hostiel" }] }),
    });
    expect((await scansRoute(scans, { params })).status).toBe(404);
  });
});

describe("emails of a conference whose title was saved with a line break", () => {
  it("are written and sent, with the title on one line in the subject", async () => {
    const old = await createConference();
    // As saved before the editor refused it.
    await db.conference.update({ where: { id: old.id }, data: { title: "Werkconferentie\r\nNajaar 2027" } });
    const emails: string[] = [];
    for (let i = 0; i < 3; i++) {
      const email = uniqueEmail("titel");
      const outcome = await registerForConference(old.slug, registrationInput({ email }));
      expect(outcome.ok).toBe(true);
      emails.push(email);
    }
    while ((await renderDrafts()) > 0);
    const rows = await db.emailOutbox.findMany({ where: { toAddress: { in: emails } } });
    expect(rows.map((row) => row.status)).toEqual(["PENDING", "PENDING", "PENDING"]);
    for (const row of rows) expect(row.subject).toMatch(/Werkconferentie Najaar 2027/);

    const sink = await startSmtpSink();
    try {
      await deliverDueEmails({ transport: createMailTransport(sink.url), limit: 1_000 });
      const sent = await db.emailOutbox.findMany({ where: { toAddress: { in: emails } } });
      expect(sent.map((row) => row.status)).toEqual(["SENT", "SENT", "SENT"]);
      expect(sink.messages.filter((m) => emails.some((e) => m.envelopeTo.includes(e))).map((m) => m.subject)).toEqual(
        emails.map(() => expect.stringContaining("Werkconferentie Najaar 2027")),
      );
    } finally {
      await sink.close();
    }
  });

  it("folds a subject with a line break when it is queued, instead of refusing the email", async () => {
    const to = uniqueEmail("onderwerp");
    await db.$transaction((tx) => enqueueEmail(tx, { kind: "test", to, subject: "Bevestiging:\r\nWerkconferentie\u2028Najaar", text: "Tekst" }));
    expect((await db.emailOutbox.findFirstOrThrow({ where: { toAddress: to } })).subject).toBe("Bevestiging: Werkconferentie Najaar");
  });
});
