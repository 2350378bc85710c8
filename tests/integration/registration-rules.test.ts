import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { formatTimeRange } from "@/lib/format";
import { registerForConference } from "../support/sign-up";
import { registrationSchema } from "@/lib/registrations/schema";
import { createConference, discardTestEmails, emailsTo, registrationInput, round, session } from "../support/factories";

const DAY = 24 * 60 * 60 * 1000;

/** Nothing at all was written for this conference or address: no registration, no email. */
async function expectNothingWritten(conferenceId: string, email: string) {
  expect(await db.registration.count({ where: { conferenceId } })).toBe(0);
  expect(await emailsTo(email)).toHaveLength(0);
}

describe("when registration is possible", () => {
  afterAll(async () => {
    await discardTestEmails();
    await db.$disconnect();
  });

  it.each([
    ["before the window opens", { registrationOpensAt: new Date(Date.now() + DAY) }, "notYetOpen"],
    ["after the window closed", { registrationClosesAt: new Date(Date.now() - 60_000) }, "closed"],
    ["once the conference has started (no closing time set)", { startsAt: new Date(Date.now() - 60 * 60 * 1000) }, "closed"],
    ["after the conference", { startsAt: new Date(Date.now() - 3 * DAY), registrationOpensAt: new Date(Date.now() - 10 * DAY) }, "past"],
    ["for a cancelled conference", { status: "CANCELLED" as const }, "cancelled"],
  ])("refuses %s and says why", async (_label, options, state) => {
    const conference = await createConference(options);
    const input = registrationInput();

    expect(await registerForConference(conference.slug, input)).toEqual({ ok: false, reason: "notOpen", state });
    await expectNothingWritten(conference.id, input.email);
  });

  it("stores what was typed exactly, quotes, backslashes and all", async () => {
    const conference = await createConference();
    const typed = { name: "Ada O'Neill \\ \"Zoë\" 🎤", organisation: "Wijkteam '); DROP TABLE registrations; --", dietaryNeeds: "E'\\x00' noten\nen pinda" };
    const outcome = await registerForConference(conference.slug, registrationInput(typed));
    if (!outcome.ok || !outcome.registrationId) throw new Error(JSON.stringify(outcome));
    const row = await db.registration.findUniqueOrThrow({ where: { id: outcome.registrationId } });
    expect({ name: row.name, organisation: row.organisation, dietaryNeeds: row.dietaryNeeds }).toEqual(typed);
  });

  it("does not know a draft conference, nor an unknown one", async () => {
    const draft = await createConference({ status: "DRAFT" });
    const input = registrationInput();

    expect(await registerForConference(draft.slug, input)).toEqual({ ok: false, reason: "notFound" });
    expect(await registerForConference(`bestaat-niet-${draft.slug}`, input)).toEqual({ ok: false, reason: "notFound" });
    await expectNothingWritten(draft.id, input.email);
  });

  it("puts people on the waitlist once the conference is full", async () => {
    const conference = await createConference({ capacity: 1 });
    const first = registrationInput();
    const second = registrationInput();
    await registerForConference(conference.slug, first);
    const outcome = await registerForConference(conference.slug, second);

    expect(outcome.ok).toBe(true);
    const registration = await db.registration.findFirstOrThrow({ where: { conferenceId: conference.id, email: second.email } });
    expect(registration.status).toBe("WAITLISTED");
    expect(registration.waitlistedAt).toBeInstanceOf(Date);
    expect(registration.confirmedAt).toBeNull();
    const [notice] = await emailsTo(second.email);
    expect(notice?.kind).toBe("registration.waitlisted");
    expect(notice?.textBody).toContain("op plaats 1");
  });

  it("a conference without places (capacity 0) only has a waitlist", async () => {
    const conference = await createConference({ capacity: 0 });
    await registerForConference(conference.slug, registrationInput());
    expect((await db.registration.findFirstOrThrow({ where: { conferenceId: conference.id } })).status).toBe("WAITLISTED");
  });

  it("refuses a workshop of another round, of another conference or of no round, and writes nothing", async () => {
    const conference = await createConference({ rounds: [[10, 10], [10]] });
    const other = await createConference({ rounds: [[10]] });
    const [first, second] = [round(conference, 0), round(conference, 1)];
    const wrong: Array<Record<string, string>> = [
      { [first.id]: session(conference, 1, 0).id },
      { [second.id]: session(other, 0, 0).id },
      { [round(other, 0).id]: session(other, 0, 0).id },
      { [first.id]: "bestaat-niet" },
      { "geen-ronde": session(conference, 0, 0).id },
    ];
    for (const workshops of wrong) {
      const input = registrationInput({ workshops });
      // Each refusal names the workshop it is about, so the form can point at it.
      expect(await registerForConference(conference.slug, input)).toEqual({ ok: false, reason: "invalidWorkshop", sessionIds: Object.values(workshops) });
      await expectNothingWritten(conference.id, input.email);
    }
  });

  it("a round left empty means no workshop in that round", async () => {
    const conference = await createConference({ rounds: [[10], [10]] });
    const [first, second] = [round(conference, 0), round(conference, 1)];
    const input = registrationInput({ workshops: { [first.id]: session(conference, 0, 0).id, [second.id]: null } });
    expect((await registerForConference(conference.slug, input)).ok).toBe(true);
    const registration = await db.registration.findFirstOrThrow({ where: { conferenceId: conference.id }, include: { choices: true } });
    expect(registration.choices.map((c) => [c.roundId, c.status])).toEqual([[first.id, "CONFIRMED"]]);
  });

  it("puts whoever chooses a full workshop on its waiting list, keeps the other round's place, and says so in its answer", async () => {
    const conference = await createConference({ rounds: [[1, 10], [10]] });
    const [first, second] = [round(conference, 0), round(conference, 1)];
    const [full, later] = [session(conference, 0, 0), session(conference, 1, 0)];
    await registerForConference(conference.slug, registrationInput({ workshops: { [first.id]: full.id } }));

    const waiting = registrationInput({ workshops: { [first.id]: full.id, [second.id]: later.id } });
    const outcome = await registerForConference(conference.slug, waiting);
    expect(outcome).toMatchObject({
      ok: true,
      decision: {
        status: "CONFIRMED",
        waitlistPosition: null,
        choices: expect.arrayContaining([
          { roundId: first.id, sessionId: full.id, status: "WAITLISTED" },
          { roundId: second.id, sessionId: later.id, status: "CONFIRMED" },
        ]),
        rankedRoundIds: [],
      },
    });
    const registration = await db.registration.findFirstOrThrow({ where: { conferenceId: conference.id, email: waiting.email }, include: { choices: true } });
    expect(registration.status).toBe("CONFIRMED");
    const statusOf = (sessionId: string) => registration.choices.find((c) => c.sessionId === sessionId)?.status;
    expect([statusOf(full.id), statusOf(later.id)]).toEqual(["WAITLISTED", "CONFIRMED"]);
    // Each workshop with its time in Amsterdam, and the one being waited for marked as such.
    const [ticket] = await emailsTo(waiting.email);
    const times = async (id: string) => {
      const row = await db.programmeSession.findUniqueOrThrow({ where: { id } });
      return formatTimeRange(row.startsAt, row.endsAt, "nl");
    };
    expect(ticket?.textBody).toContain(`${await times(full.id)}: Workshop 1A (wachtlijst)`);
    expect(ticket?.textBody).toContain(`${await times(later.id)}: Workshop 2A\n`);
    expect(ticket?.textBody).toContain("Theater De Test, Teststraat 1, 1234 AB Dordrecht");
  });

  it("refuses a full workshop only when an organiser's addition asks for that, and then writes nothing", async () => {
    const conference = await createConference({ rounds: [[1, 10]] });
    const first = round(conference, 0);
    const full = session(conference, 0, 0);
    await registerForConference(conference.slug, registrationInput({ workshops: { [first.id]: full.id } }));
    const refused = { ...registrationInput({ workshops: { [first.id]: full.id } }), waitForFullWorkshops: false };
    expect(await registerForConference(conference.slug, refused, { byOrganiser: true })).toEqual({ ok: false, reason: "workshopFull", sessionIds: [full.id] });
    expect(await db.registration.count({ where: { conferenceId: conference.id } })).toBe(1);
    expect(await emailsTo(refused.email)).toHaveLength(0);
  });

  it("names the workshops that cannot be chosen, and answers a double submit with what the first one was given", async () => {
    const conference = await createConference({ rounds: [[5], [5]] });
    const other = await createConference({ rounds: [[5]] });
    const [first, second] = [round(conference, 0), round(conference, 1)];
    const foreign = session(other, 0, 0);
    const wrongRound = session(conference, 1, 0);
    const refused = registrationInput({ workshops: { [first.id]: foreign.id, [second.id]: session(conference, 1, 0).id } });
    expect(await registerForConference(conference.slug, refused)).toEqual({ ok: false, reason: "invalidWorkshop", sessionIds: [foreign.id] });
    const misplaced = registrationInput({ workshops: { [first.id]: wrongRound.id } });
    expect(await registerForConference(conference.slug, misplaced)).toEqual({ ok: false, reason: "invalidWorkshop", sessionIds: [wrongRound.id] });

    const input = registrationInput({ workshops: { [first.id]: session(conference, 0, 0).id } });
    const key = randomUUID();
    const made = await registerForConference(conference.slug, input, { idempotencyKey: key });
    const again = await registerForConference(conference.slug, input, { idempotencyKey: key });
    expect(again).toEqual(made);
    expect(again).toMatchObject({ ok: true, decision: { status: "CONFIRMED", choices: [{ roundId: first.id, status: "CONFIRMED" }] } });
  });
});

describe("the registration form's schema", () => {
  const valid = { name: "Sanne de Vries", email: "sanne@example.test", privacyConsent: true };
  const messages = (input: unknown) => {
    const result = registrationSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".") || "(form)"}: ${i.message}`);
  };

  it("accepts the smallest valid registration and fills the defaults", () => {
    expect(registrationSchema.parse(valid)).toEqual({
      ...valid,
      workshops: {},
      rankings: {},
      photoConsent: false,
      newsletterOptIn: false,
      locale: "nl",
      // The answers to the conference's own questions: none given (lib/questions checks them against the questions).
      answers: {},
    });
  });

  it("trims text and drops empty optional fields", () => {
    const parsed = registrationSchema.parse({ ...valid, name: "  Sanne  ", email: " sanne@example.test ", organisation: "   ", dietaryNeeds: "" });
    expect([parsed.name, parsed.email, parsed.organisation, parsed.dietaryNeeds]).toEqual(["Sanne", "sanne@example.test", undefined, undefined]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["an empty name", { name: "" }, "name: nameRequired"],
    ["a name of spaces", { name: "    " }, "name: nameRequired"],
    ["a one-letter name", { name: "S" }, "name: nameRequired"],
    ["a name of 121 characters", { name: "a".repeat(121) }, "name: tooLong"],
    ["an email without @", { email: "sanne.example.test" }, "email: emailInvalid"],
    ["an empty email", { email: "" }, "email: emailInvalid"],
    ["an email of 255 characters", { email: `${"a".repeat(243)}@example.test` }, "email: tooLong"],
    ["no privacy consent", { privacyConsent: undefined }, "privacyConsent: privacyRequired"],
    ["a refused privacy consent", { privacyConsent: false }, "privacyConsent: privacyRequired"],
    ["an organisation of 161 characters", { organisation: "o".repeat(161) }, "organisation: tooLong"],
    ["a job role of 121 characters", { jobRole: "r".repeat(121) }, "jobRole: tooLong"],
    ["dietary needs of 501 characters", { dietaryNeeds: "d".repeat(501) }, "dietaryNeeds: tooLong"],
    ["accessibility needs of 501 characters", { accessibilityNeeds: "t".repeat(501) }, "accessibilityNeeds: tooLong"],
  ])("refuses %s", (_label, change, expected) => {
    // A field set to undefined is left out, as a form without it would send.
    const input = Object.fromEntries(Object.entries({ ...valid, ...change }).filter(([, value]) => value !== undefined));
    expect(messages(input)).toEqual([expected]);
  });

  it("refuses unknown fields, naming them", () => {
    const result = registrationSchema.safeParse({ ...valid, isAdmin: true, status: "CONFIRMED" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: "unrecognized_keys", keys: ["isAdmin", "status"] })]);
  });

  it("refuses values of the wrong type", () => {
    expect(messages({ ...valid, photoConsent: "ja" })).toHaveLength(1);
    expect(messages({ ...valid, locale: "de" })).toHaveLength(1);
    expect(messages({ ...valid, workshops: ["a"] })).toHaveLength(1);
    expect(messages({ ...valid, workshops: { r: "s".repeat(41) } })).toHaveLength(1);
    expect(messages({ ...valid, name: 42 })).toHaveLength(1);
    expect(messages(null)).toHaveLength(1);
  });

  it("reports every bad field at once", () => {
    expect(messages({ name: "", email: "nee", privacyConsent: false })).toEqual([
      "name: nameRequired",
      "email: emailInvalid",
      "privacyConsent: privacyRequired",
    ]);
  });
});
