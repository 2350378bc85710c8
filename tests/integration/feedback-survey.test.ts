// Issue 15, points 7-8: the survey after a conference. Invitations go once per person who was checked in (as
// lib/attendance says), with one reminder three days later, however many app instances ask at the same moment;
// the clock is passed in, so the test chooses the moment. A personal link answers once; the answers are anonymous
// towards the organiser (results, CSV) unless the attendee chose to be named; a remark the organiser picks becomes
// a quote of the conference's report, with the name only when the attendee consented; an erase takes the name off.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runAuthorized } from "@/lib/auth/authorized-action";
import type { CurrentUser } from "@/lib/auth/session";
import { recordScan } from "@/lib/checkin/scan";
import { db } from "@/lib/db";
import { answerSurvey } from "@/lib/feedback/answer";
import { quoteRemarkDefinition, saveSurveyDefinition } from "@/lib/feedback/definitions";
import { exportSurvey } from "@/lib/feedback/export";
import { queueSurveyEmails } from "@/lib/feedback/invitations";
import { submitAnswer } from "@/lib/feedback/mutations";
import { surveyOfToken, surveyResults } from "@/lib/feedback/queries";
import { answerSchema } from "@/lib/feedback/schema";
import { eraseByToken, exportByToken } from "@/lib/registrations/manage";
import { save as saveReport } from "@/lib/reports/definitions";
import { loadReportPreview } from "@/lib/reports/queries";
import { toAmsterdamInput } from "@/lib/time/amsterdam";
import { registerForConference } from "../support/sign-up";
import { createConference, discardTestEmails, latestManageToken, registrationInput, session, type TestConference } from "../support/factories";
import { addMember, createUser } from "../support/organisation-factories";

// next-auth's ESM build imports "next/server" in a way only Next's bundler resolves; the actions run with the user passed in.
vi.mock("@/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined }));

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const instances: pg.Pool[] = [];

/** A second (and third) app instance: a pool of its own on the same database. */
function instance(): pg.Pool {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4, options: "-c TimeZone=UTC" });
  instances.push(pool);
  return pool;
}

afterAll(async () => {
  await Promise.all(instances.map((pool) => pool.end()));
  await discardTestEmails();
  await db.$disconnect();
});

type Person = { id: string; ticketCode: string; email: string; name: string };

let conference: TestConference;
let organisationSlug: string;
let organiser: CurrentUser;
let keynote: { id: string };
let workshopA: string;
let workshopB: string;
let startsAt: Date;
let sendAt: Date;
let closesAt: Date;
let anna: Person;
let bram: Person;
let cees: Person;
let walter: Person;
let reportId: string;

async function signUp(name: string, workshop: string, locale: "nl" | "en" = "nl"): Promise<Person> {
  const outcome = await registerForConference(conference.slug, registrationInput({ name, locale, workshops: { [conference.rounds[0]!.id]: workshop } }));
  if (!outcome.ok || !outcome.registrationId) throw new Error(`registration failed: ${JSON.stringify(outcome)}`);
  return db.registration.findUniqueOrThrow({ where: { id: outcome.registrationId }, select: { id: true, ticketCode: true, email: true, name: true } });
}

async function atDoor(person: Person, scannedAt: Date) {
  const verdict = await recordScan({ conferenceId: conference.id, code: person.ticketCode, method: "QR", scannedAt, clientNonce: randomUUID(), deviceId: "device-door", hostUserId: null });
  expect(verdict.kind).toBe("welcome");
}

// A room check-in as the room mode of the door writes it (tests/integration/attendance-rule.test.ts).
async function inRoom(person: Person, sessionId: string, scannedAt: Date) {
  await db.checkIn.create({ data: { conferenceId: conference.id, registrationId: person.id, sessionId, method: "QR", scannedAt, deviceId: "device-room", clientNonce: randomUUID() } });
}

async function surveyEmails(kind: "invitation" | "reminder") {
  return db.emailOutbox.findMany({
    where: { kind: `feedback.${kind}`, registrationId: { in: [anna.id, bram.id, cees.id, walter.id] } },
    orderBy: { toAddress: "asc" },
  });
}

/** The personal link's token in a survey email (…/feedback/<token>). */
function tokenIn(text: string): string {
  const match = /\/feedback\/([A-Za-z0-9_-]{20,100})/.exec(text);
  if (!match?.[1]) throw new Error(`no survey link in:\n${text}`);
  return match[1];
}

async function tokenOf(person: Person, kind: "invitation" | "reminder" = "invitation"): Promise<string> {
  const email = (await surveyEmails(kind)).find((e) => e.registrationId === person.id);
  return tokenIn(email?.textBody ?? "");
}

const answer = (fields: Record<string, unknown>) => answerSchema.parse(fields);

async function responseCount(): Promise<number> {
  return db.surveyResponse.count({ where: { conferenceId: conference.id } });
}

/** Asks `pools` at the same moment; the sum of what each queued must equal the emails that appeared. */
async function queueAtOnce(moment: Date, pools: pg.Pool[]): Promise<number> {
  const before = (await surveyEmails("invitation")).length + (await surveyEmails("reminder")).length;
  const counts = await Promise.all(pools.map((pool) => queueSurveyEmails(moment, pool)));
  const added = (await surveyEmails("invitation")).length + (await surveyEmails("reminder")).length - before;
  expect(counts.reduce((a, b) => a + b, 0)).toBe(added);
  // Asked again at the same moment, nothing is left to queue.
  expect(await queueSurveyEmails(moment)).toBe(0);
  return added;
}

beforeAll(async () => {
  conference = await createConference({ rounds: [[20, 20]] });
  ({ slug: organisationSlug } = await db.organisation.findUniqueOrThrow({ where: { id: conference.organisationId }, select: { slug: true } }));
  organiser = await createUser("organisator");
  await addMember(conference.organisationId, organiser, "ORGANISER");
  let endsAt: Date;
  ({ startsAt, endsAt } = await db.conference.findUniqueOrThrow({ where: { id: conference.id }, select: { startsAt: true, endsAt: true } }));
  keynote = await db.programmeSession.create({ data: { conferenceId: conference.id, title: "Keynote", kind: "KEYNOTE", startsAt, endsAt: new Date(startsAt.getTime() + 0.75 * HOUR) }, select: { id: true } });
  workshopA = session(conference, 0, 0).id;
  workshopB = session(conference, 0, 1).id;
  anna = await signUp("Anna Anoniem", workshopA);
  bram = await signUp("Bram Bekend", workshopB, "en");
  cees = await signUp("Cees Afwezig", workshopA);
  walter = await signUp("Walter Wisser", workshopB);
  await atDoor(anna, new Date(startsAt.getTime() - 0.25 * HOUR));
  await inRoom(anna, workshopA, new Date(startsAt.getTime() + HOUR));
  await atDoor(bram, new Date(startsAt.getTime() + 0.25 * HOUR));
  await atDoor(walter, new Date(startsAt.getTime() + 0.5 * HOUR));
  sendAt = new Date(endsAt.getTime() + 12 * HOUR);
  closesAt = new Date(sendAt.getTime() + 21 * DAY);
});

describe("the survey after a conference", () => {
  it("is set by the organiser, and cannot go out before the conference has ended", async () => {
    const form = { conferenceId: conference.id, enabled: "on", askSessions: "on", openQuestionNl: "Wat neem je mee?", sendAt: toAmsterdamInput(sendAt), closesAt: toAmsterdamInput(closesAt) };
    const early = await runAuthorized(saveSurveyDefinition, organiser, { ...form, sendAt: toAmsterdamInput(new Date(sendAt.getTime() - 2 * DAY)) });
    expect(early).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { sendAt: "sendBeforeEnd" } });
    const backwards = await runAuthorized(saveSurveyDefinition, organiser, { ...form, closesAt: toAmsterdamInput(new Date(sendAt.getTime() - HOUR)) });
    expect(backwards).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { closesAt: "closesBeforeSend" } });
    expect(await runAuthorized(saveSurveyDefinition, organiser, form)).toMatchObject({ ok: true });
    const saved = await db.conferenceSurvey.findUniqueOrThrow({ where: { conferenceId: conference.id } });
    expect(saved).toMatchObject({ enabled: true, askSessions: true, openQuestionNl: "Wat neem je mee?", ratingQuestionNl: null });
    expect(saved.sendAt.getTime()).toBe(Math.floor(sendAt.getTime() / 60_000) * 60_000);
    sendAt = saved.sendAt;
  });

  it("invites everyone who was checked in once, across instances at the same moment, in their language", async () => {
    // Not before its moment.
    await queueSurveyEmails(new Date(sendAt.getTime() - 60_000));
    expect(await surveyEmails("invitation")).toHaveLength(0);

    expect(await queueAtOnce(new Date(sendAt.getTime() + 60_000), [instance(), instance(), instance()])).toBe(3);
    const invitations = await surveyEmails("invitation");
    // Cees signed up but never came: no invitation.
    expect(invitations.map((e) => e.registrationId).sort()).toEqual([anna.id, bram.id, walter.id].sort());
    const toBram = invitations.find((e) => e.registrationId === bram.id)!;
    expect(toBram.subject).toBe(`What did you think of ${(await db.conference.findUniqueOrThrow({ where: { id: conference.id } })).title}?`);
    expect(toBram.status).toBe("PENDING");
    expect(invitations.find((e) => e.registrationId === anna.id)!.subject).toMatch(/^Wat vond je van /);
    // The link's token is kept only as its hash.
    const token = tokenIn(toBram.textBody);
    expect(token.length).toBeGreaterThanOrEqual(22);
    expect(await db.surveyLink.count({ where: { tokenHash: token } })).toBe(0);
    expect(await db.surveyLink.count({ where: { registrationId: bram.id } })).toBe(1);
  });

  it("asks about the sessions each person attended, as lib/attendance says", async () => {
    const annaView = await surveyOfToken(await tokenOf(anna));
    // Keynote by arrival before its end, workshop A by the room check-in.
    expect(annaView?.sessions.map((s) => s.id).sort()).toEqual([keynote.id, workshopA].sort());
    const bramView = await surveyOfToken(await tokenOf(bram));
    // Bram's workshop B had no room check-in: not asked.
    expect(bramView?.sessions.map((s) => s.id)).toEqual([keynote.id]);
    expect(await surveyOfToken("not-a-real-token-but-long-enough")).toBeNull();
  });

  it("takes an answer once per person, even sent twice at once, and only for attended sessions", async () => {
    const token = await tokenOf(anna);
    const annaAnswer = answer({
      rating: "4",
      remark: "Inspirerend, en de lunch was goed.",
      sessions: { [workshopA]: { rating: "5", remark: "Heel praktisch." }, [workshopB]: { rating: "1", remark: "Was ik niet bij." } },
    });
    const now = new Date(sendAt.getTime() + HOUR);
    const outcomes = await Promise.all([submitAnswer(token, annaAnswer, now), submitAnswer(token, annaAnswer, now)]);
    expect(outcomes.map((o) => (o.ok ? "ok" : o.reason)).sort()).toEqual(["answered", "ok"]);
    expect(await responseCount()).toBe(1);
    const response = await db.surveyResponse.findFirstOrThrow({ where: { conferenceId: conference.id }, include: { sessions: true } });
    // Anonymous: no registration on the response; the session Anna did not attend was dropped.
    expect(response.registrationId).toBeNull();
    expect(response.sessions.map((s) => s.sessionId)).toEqual([workshopA]);
    // Once more later: still one.
    expect(await submitAnswer(token, annaAnswer, new Date(now.getTime() + DAY))).toEqual({ ok: false, reason: "answered" });
    expect(await responseCount()).toBe(1);
    expect((await surveyOfToken(token))?.answered).toBe(true);
  });

  it("keeps nothing that would tie an anonymous answer to its invitation", async () => {
    // The invitation knows only the date it was answered; the response knows no time at all, and its id is random.
    const columns = await db.$queryRaw<Array<{ table_name: string; column_name: string; data_type: string }>>`
      SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_name IN ('survey_responses', 'survey_session_answers', 'survey_invitations') AND data_type LIKE '%time%'`;
    expect(columns.filter((c) => c.table_name !== "survey_invitations")).toEqual([]);
    expect(columns.filter((c) => c.column_name === "answered_on")).toEqual([]);
    const answeredOn = await db.$queryRaw<Array<{ type: string }>>`
      SELECT data_type AS type FROM information_schema.columns WHERE table_name = 'survey_invitations' AND column_name = 'answered_on'`;
    expect(answeredOn).toEqual([{ type: "date" }]);
    const response = await db.surveyResponse.findFirstOrThrow({ where: { conferenceId: conference.id } });
    expect(response.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("reminds once, three days later, only whoever has not answered, across instances", async () => {
    expect(await queueAtOnce(new Date(sendAt.getTime() + 2 * DAY), [instance(), instance()])).toBe(0);
    expect(await queueAtOnce(new Date(sendAt.getTime() + 3 * DAY + 2 * 60_000), [instance(), instance(), instance()])).toBe(2);
    expect((await surveyEmails("reminder")).map((e) => e.registrationId).sort()).toEqual([bram.id, walter.id].sort());
    expect(await queueAtOnce(new Date(sendAt.getTime() + 10 * DAY), [instance(), instance()])).toBe(0);
    // The reminder's own link opens the same survey.
    expect((await surveyOfToken(await tokenOf(bram, "reminder")))?.registrationId).toBe(bram.id);
  });

  it("names an attendee only when they chose it, in the results and the CSV", async () => {
    const now = new Date(sendAt.getTime() + 4 * DAY);
    // Through the reminder's link; the invitation's link is then answered too.
    expect(await submitAnswer(await tokenOf(bram, "reminder"), answer({ rating: "2", remark: "Te lang, maar =HYPERLINK(\"x\") goede sprekers.", named: "on", quoteNamed: "on" }), now)).toEqual({ ok: true });
    expect(await submitAnswer(await tokenOf(bram), answer({ rating: "5" }), now)).toEqual({ ok: false, reason: "answered" });
    // Named but not to be quoted by name.
    expect(await submitAnswer(await tokenOf(walter), answer({ rating: "3", remark: "+31 belde me: prima dag.", named: "on" }), now)).toEqual({ ok: true });

    let results = await surveyResults(conference.organisationId, conference.id);
    expect(results).toMatchObject({ invited: 3, reminded: 2, answered: 3, responses: 3 });
    expect(results!.rating).toEqual({ count: 3, average: 3, distribution: [0, 1, 1, 1, 0] });
    const byText = (text: string) => results!.remarks.find((r) => r.text.startsWith(text));
    expect(byText("Inspirerend")).toMatchObject({ name: null, quoteNamed: false });
    expect(byText("Te lang")).toMatchObject({ name: "Bram Bekend", quoteNamed: true });
    expect(byText("+31 belde")).toMatchObject({ name: "Walter Wisser", quoteNamed: false });
    // Anna was the only one in workshop A: her anonymous answer about it would be hers for anyone with the
    // attendance list, so it is left out, and the page says that something was.
    expect(results!.withheld).toBe(true);
    expect(results!.sessions.find((s) => s.id === workshopA)).toBeUndefined();
    expect(JSON.stringify(results)).not.toContain("Heel praktisch");
    const withheldCsv = await (await exportSurvey(organiser, { locale: "nl", organisation: organisationSlug, conference: conference.id }, new Request("http://podium.test/x", { method: "POST", headers: { origin: "http://podium.test", host: "podium.test" } }))).text();
    expect(withheldCsv).not.toContain("Heel praktisch");
    // The organiser corrects the attendance: Bram and Walter were in workshop A too. Three people: shown.
    for (const person of [bram, walter]) await db.attendanceCorrection.create({ data: { conferenceId: conference.id, registrationId: person.id, sessionId: workshopA, present: true } });
    results = await surveyResults(conference.organisationId, conference.id);
    expect(results!.withheld).toBe(false);
    const workshop = results!.sessions.find((s) => s.id === workshopA);
    expect(workshop).toMatchObject({ responses: 1, rating: { count: 1, average: 5, distribution: [0, 0, 0, 0, 1] } });
    expect(workshop!.remarks.map((r) => r.text)).toEqual(["Heel praktisch."]);
    // Nothing the organiser sees names Anna or holds her address, nor a response's id, which would tie her remark on
    // the conference to her remark on workshop A (and so, through the attendance lists, to her).
    expect(JSON.stringify(results)).not.toMatch(/Anna|anna|aanmelding\.example/);
    const responseIds = (await db.surveyResponse.findMany({ where: { conferenceId: conference.id }, select: { id: true } })).map((r) => r.id);
    for (const id of responseIds) expect(JSON.stringify(results)).not.toContain(id);
    expect(new Set([...results!.remarks, ...results!.sessions.flatMap((s) => s.remarks)].map((r) => r.handle)).size).toBe(4);

    const response = await exportSurvey(organiser, { locale: "nl", organisation: organisationSlug, conference: conference.id }, new Request("http://podium.test/x", { method: "POST", headers: { origin: "http://podium.test", host: "podium.test" } }));
    expect(response.status).toBe(200);
    const csv = await response.text();
    expect(csv).toContain("Heel praktisch.");
    expect(csv).toContain("Bram Bekend");
    expect(csv).not.toMatch(/Anna|@/);
    for (const id of responseIds) expect(csv).not.toContain(id);
    // A remark that starts like a formula stays text (a leading apostrophe); one with it inside is left as written.
    expect(csv).toContain(";'+31 belde me: prima dag.;");
    expect(csv).toContain('=HYPERLINK(""x"")');
    const lines = csv.trim().split("\r\n");
    // The header and one line per answered part: Anna 2 (conference, workshop A), Bram 1, Walter 1; the conference's
    // lines first, then each session's, with nothing that tells whose lines belong together.
    expect(lines).toHaveLength(1 + 4);
    expect(lines[0]).toBe("Onderdeel;Waardering (1-5);Opmerking;Naam (alleen met toestemming);Citeren met naam");
    expect(lines.slice(1).map((l) => l.split(";")[0])).toEqual(["De conferentie als geheel", "De conferentie als geheel", "De conferentie als geheel", "Workshop 1A"]);
    const audit = await db.auditLogEntry.findFirst({ where: { organisationId: conference.organisationId, action: "feedback.exported" } });
    expect(audit?.details).toMatchObject({ rows: 3 });
  });

  it("quotes a picked remark in the conference's report, with the name only when consented, once", async () => {
    const report = await db.report.create({
      data: { organisationId: conference.organisationId, slug: `verslag-${randomUUID()}`, title: "Sfeerverslag van de dag", conferenceId: conference.id, status: "PUBLISHED", publishedAt: new Date() },
    });
    reportId = report.id;
    const results = (await surveyResults(conference.organisationId, conference.id))!;
    const pick = (text: string) => {
      const remark = [...results.remarks, ...results.sessions.flatMap((s) => s.remarks)].find((r) => r.text.startsWith(text))!;
      return { conferenceId: conference.id, remark: remark.handle, reportId: report.id };
    };
    // Twice at once (a double click): one quote.
    const twice = await Promise.all([runAuthorized(quoteRemarkDefinition, organiser, pick("Heel praktisch")), runAuthorized(quoteRemarkDefinition, organiser, pick("Heel praktisch"))]);
    expect(twice.map((o) => (o.ok ? "ok" : o.reason)).sort()).toEqual(["alreadyQuoted", "ok"]);
    expect(await runAuthorized(quoteRemarkDefinition, organiser, pick("Te lang"))).toMatchObject({ ok: true });
    expect(await runAuthorized(quoteRemarkDefinition, organiser, pick("+31 belde"))).toMatchObject({ ok: true });

    const shown = await loadReportPreview(report.slug);
    expect(shown?.report.quotes.map((q) => [q.text, q.attribution])).toEqual([
      ["Heel praktisch.", null],
      ['Te lang, maar =HYPERLINK("x") goede sprekers.', "Bram Bekend"],
      // Named to the organiser, but not consented to a named quote: anonymous in the report.
      ["+31 belde me: prima dag.", null],
    ]);
    const after = (await surveyResults(conference.organisationId, conference.id))!;
    expect(after.sessions.find((s) => s.id === workshopA)!.remarks[0]!.quotedIn).toBe("Sfeerverslag van de dag");

    // Another organisation's organiser reaches none of it.
    const outsider = await createUser("buitenstaander");
    const elsewhere = await createConference();
    await addMember(elsewhere.organisationId, outsider, "ORGANISER");
    expect(await runAuthorized(quoteRemarkDefinition, outsider, pick("Inspirerend"))).toMatchObject({ ok: false, reason: "notFound" });
    expect(await surveyResults(elsewhere.organisationId, conference.id)).toBeNull();
  });

  it("refuses answers once the survey has closed", async () => {
    const late = await signUp("Laat Binnen", workshopA);
    await atDoor(late, new Date(startsAt.getTime() + 2 * HOUR));
    await queueSurveyEmails(new Date(sendAt.getTime() + 5 * DAY));
    const token = tokenIn((await db.emailOutbox.findFirstOrThrow({ where: { kind: "feedback.invitation", registrationId: late.id } })).textBody);
    expect(await submitAnswer(token, answer({ rating: "4" }), new Date(closesAt.getTime() + HOUR))).toEqual({ ok: false, reason: "closed" });
    expect(await db.surveyInvitation.findUniqueOrThrow({ where: { registrationId: late.id } })).toMatchObject({ answeredOn: null });
  });

  it("answers a NUL or a direction override in a remark with a field error in both languages, and stores nothing", async () => {
    const token = await tokenOf(walter, "reminder");
    const before = await responseCount();
    for (const [text, code] of [["Goed\u0000dag", "invalidCharacter"], ["Goed \u202Egad", "bidiControl"]] as const) {
      const form = new FormData();
      form.set("rating", "4");
      form.set(`sessions.${workshopA}.remark`, text);
      const outcome = await answerSurvey(token, form);
      expect(outcome).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { [`sessions.${workshopA}.remark`]: code } });
      // What was typed comes back, for the form to show again.
      expect(outcome.ok ? null : outcome.values?.rating).toBe("4");
      for (const locale of ["nl", "en"] as const) {
        const messages = (await import(`@/messages/${locale}/feedback.json`)) as { validation: Record<string, string> };
        expect(messages.validation[code], `${locale} ${code}`).toBeTruthy();
      }
    }
    expect(await responseCount()).toBe(before);
  });

  it("takes an erased person's link and name away, and the name off their quote", async () => {
    // The organiser saves the report in its editor first, which writes its quotes anew (same words, same names).
    const report = await db.report.findUniqueOrThrow({ where: { id: reportId }, include: { quotes: { orderBy: { position: "asc" } } } });
    const quoteFields = Object.fromEntries(report.quotes.flatMap((q, i) => [[`quotes.${i}.text`, q.text], [`quotes.${i}.attribution`, q.attribution ?? ""]]));
    const resaved = await runAuthorized(saveReport, organiser, { reportId: report.id, organisationId: conference.organisationId, intent: "save", title: report.title, lead: "", body: "", conferenceId: conference.id, ...quoteFields });
    expect(resaved).toMatchObject({ ok: true });
    expect(await db.surveyQuote.count({ where: { reportQuote: { reportId: report.id } } })).toBe(0);
    expect(await db.reportQuote.count({ where: { reportId: report.id, attribution: "Bram Bekend" } })).toBe(1);

    const manageToken = await latestManageToken(bram.email);
    const surveyToken = await tokenOf(bram);
    // Before: "download my data" holds Bram's invitation and his named answer; Anna's has no answer in it.
    const bramsData = await exportByToken(manageToken);
    expect(bramsData?.survey.invitation?.answeredOn).not.toBeNull();
    expect(bramsData?.survey.namedAnswers.map((a) => a.remark)).toEqual(['Te lang, maar =HYPERLINK("x") goede sprekers.']);
    expect((await exportByToken(await latestManageToken(anna.email)))?.survey.namedAnswers).toEqual([]);
    expect(await eraseByToken(manageToken)).toMatchObject({ ok: true });
    expect(await surveyOfToken(surveyToken)).toBeNull();
    expect(await db.surveyInvitation.count({ where: { registrationId: bram.id } })).toBe(0);
    expect(await db.surveyLink.count({ where: { registrationId: bram.id } })).toBe(0);
    expect(await db.surveyResponse.count({ where: { registrationId: bram.id } })).toBe(0);
    const results = (await surveyResults(conference.organisationId, conference.id))!;
    // The answer stays, anonymous, as everyone else's.
    expect(results.responses).toBe(3);
    expect(results.remarks.find((r) => r.text.startsWith("Te lang"))).toMatchObject({ name: null, quoteNamed: false });
    expect(JSON.stringify(results)).not.toContain("Bram");
    const quote = await db.reportQuote.findFirstOrThrow({ where: { text: { startsWith: "Te lang" }, report: { conferenceId: conference.id } } });
    expect(quote.attribution).toBeNull();
  });
});
