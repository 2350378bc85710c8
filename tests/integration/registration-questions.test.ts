// Issue 16, points 1-3: a conference's own questions on the sign-up form. Questions are made through the
// editor's action definitions (as an organiser of the organisation), answers are given through the public form's
// server action and the JSON API's route handler, both against the real database: the same schema must refuse
// and accept the same answers in both, store them with the words the person read, and keep them readable after
// the organiser rewords or deletes a question.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/conferences/[slug]/registrations/route";
import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import { duplicate } from "@/lib/conferences/definitions";
import { db } from "@/lib/db";
import { checkAnswers } from "@/lib/questions/answers";
import { createQuestionDefinition, deleteQuestionDefinition, moveQuestionDefinition, updateQuestionDefinition } from "@/lib/questions/definitions";
import { replaceAnswers } from "@/lib/questions/mutations";
import { answerCounts, answersOfRegistration } from "@/lib/questions/queries";
import { questionOf } from "@/lib/questions/rows";
import type { Question } from "@/lib/questions/schema";
import { registerAction } from "@/lib/registrations/actions";
import { registrationsCsv } from "@/lib/registrations/admin-export";
import { parseCsv } from "../support/csv";
import { createEditorConference, type EditorConference } from "../support/editor-factories";
import { discardTestEmails, uniqueEmail, uniqueSuffix } from "../support/factories";
import { createOrganisation, type TestOrganisation } from "../support/organisation-factories";

vi.mock("@/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` }) }));
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), revalidateTag: vi.fn(), revalidatePath: vi.fn(), refresh: vi.fn() }));
vi.mock("@/i18n/navigation", () => ({ redirect: () => undefined }));

type AnyDefinition = ActionDefinition<never, unknown, string>;

let organisation: TestOrganisation;

beforeAll(async () => {
  organisation = await createOrganisation();
});
afterAll(async () => {
  await discardTestEmails();
  await db.$disconnect();
});

const question = (fields: Record<string, string>) => ({ type: "SHORT_TEXT", labelNl: "Vraag", labelEn: "Question", helpNl: "", helpEn: "", options: "", condition: "", ...fields });

async function addQuestion(conference: EditorConference, fields: Record<string, string>): Promise<Question> {
  const outcome = await runAuthorized(createQuestionDefinition as unknown as AnyDefinition, organisation.organiser, {
    conferenceId: conference.id,
    requestKey: randomUUID(),
    ...question(fields),
  });
  expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true });
  // A new question goes last on the form.
  const found = (await freshQuestions(conference)).at(-1);
  if (!found) throw new Error("question not made");
  return found;
}

async function freshQuestions(conference: EditorConference): Promise<Question[]> {
  return (await db.registrationQuestion.findMany({ where: { conferenceId: conference.id }, orderBy: { position: "asc" } })).map(questionOf);
}

type Body = { error?: string; status?: string; fields?: Record<string, { nl: string; en: string }> };

async function postJson(slug: string, body: Record<string, unknown>) {
  const request = new Request(`http://localhost/api/conferences/${slug}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": `192.0.2.${Math.floor(Math.random() * 250)}` },
    body: JSON.stringify({ name: "Fatima El Idrissi", email: uniqueEmail("vragen"), privacyConsent: true, ...body }),
  });
  const response = await POST(request, { params: Promise.resolve({ slug }) });
  return { status: response.status, body: (await response.json()) as Body };
}

function signUpForm(slug: string, fields: Array<[string, string]>, locale: "nl" | "en" = "nl"): FormData {
  const data = new FormData();
  const base: Array<[string, string]> = [
    ["conferenceSlug", slug],
    ["idempotencyKey", randomUUID()],
    ["name", "Sanne de Vries"],
    ["email", uniqueEmail("formulier")],
    ["privacyConsent", "on"],
    ["locale", locale],
  ];
  for (const [name, value] of [...base, ...fields]) data.append(name, value);
  return data;
}

async function storedAnswers(email: string) {
  const registration = await db.registration.findFirstOrThrow({ where: { email }, select: { id: true } });
  return db.registrationAnswer.findMany({ where: { registrationId: registration.id } });
}

describe("the answers schema, through the form's action and the JSON API", () => {
  let conference: EditorConference;
  let q: Record<"short" | "long" | "single" | "multiple" | "yesNo" | "number" | "date", Question>;

  beforeAll(async () => {
    conference = await createEditorConference(organisation.id);
    q = {
      short: await addQuestion(conference, { labelNl: "Team", labelEn: "Team", type: "SHORT_TEXT" }),
      long: await addQuestion(conference, { labelNl: "Vraag die je meebrengt", labelEn: "Question you bring", type: "LONG_TEXT" }),
      single: await addQuestion(conference, { labelNl: "Gemeente", labelEn: "Municipality", type: "SINGLE_CHOICE", options: "Dordrecht\nZwijndrecht | Zwijndrecht (EN)" }),
      multiple: await addQuestion(conference, { labelNl: "Thema's", labelEn: "Themes", type: "MULTIPLE_CHOICE", options: "Wonen | Housing\nWerk | Work\nZorg | Care" }),
      yesNo: await addQuestion(conference, { labelNl: "Eerste keer?", labelEn: "First time?", type: "YES_NO" }),
      number: await addQuestion(conference, { labelNl: "Aantal collega's", labelEn: "Number of colleagues", type: "NUMBER" }),
      date: await addQuestion(conference, { labelNl: "Startdatum", labelEn: "Start date", type: "DATE" }),
    };
  });

  it("stores a valid answer of every type from the form, in the person's words in both languages", async () => {
    const [zwijndrecht] = q.single.options.slice(1);
    const [wonen, , zorg] = q.multiple.options;
    const data = signUpForm(conference.slug, [
      [`answers.${q.short.id}`, "Wijkteam Noord"],
      [`answers.${q.long.id}`, "Hoe betrekken we\nbewoners?"],
      [`answers.${q.single.id}`, zwijndrecht!.id],
      // Ticked out of order: stored in the order of the options.
      [`answers.${q.multiple.id}`, zorg!.id],
      [`answers.${q.multiple.id}`, wonen!.id],
      [`answers.${q.yesNo.id}`, "no"],
      [`answers.${q.number.id}`, "2,5"],
      [`answers.${q.date.id}`, "2027-03-11"],
    ]);
    const outcome = await registerAction({ status: "idle" }, data);
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ status: "received" });
    const rows = await storedAnswers(String(data.get("email")));
    const byQuestion = new Map(rows.map((row) => [row.questionId, row]));
    expect(byQuestion.get(q.short.id)).toMatchObject({ value: "Wijkteam Noord", labelNl: "Team", textNl: "Wijkteam Noord" });
    expect(byQuestion.get(q.long.id)?.value).toBe("Hoe betrekken we\nbewoners?");
    expect(byQuestion.get(q.single.id)).toMatchObject({ value: zwijndrecht!.id, textNl: "Zwijndrecht", textEn: "Zwijndrecht (EN)" });
    expect(byQuestion.get(q.multiple.id)).toMatchObject({ value: [wonen!.id, zorg!.id], textNl: "Wonen; Zorg", textEn: "Housing; Care", labelEn: "Themes" });
    expect(byQuestion.get(q.yesNo.id)).toMatchObject({ value: false, textNl: "Nee", textEn: "No" });
    expect(byQuestion.get(q.number.id)).toMatchObject({ value: 2.5, textNl: "2,5", textEn: "2.5" });
    expect(byQuestion.get(q.date.id)).toMatchObject({ value: "2027-03-11", textNl: "11-03-2027" });
    expect(rows).toHaveLength(7);
  });

  it("refuses an invalid answer of every type on its own question, in the form and the JSON API alike, and stores nothing", async () => {
    const before = await db.registration.count({ where: { conferenceId: conference.id } });
    const invalid: Array<[Question, string | string[], string]> = [
      [q.short, "Team\nBcc: iedereen", "lineBreak"],
      [q.short, "x".repeat(301), "tooLong"],
      [q.long, "y".repeat(2001), "tooLong"],
      [q.single, "bestaat-niet", "answerInvalid"],
      [q.multiple, [q.multiple.options[0]!.id, "bestaat-niet"], "answerInvalid"],
      [q.yesNo, "misschien", "answerInvalid"],
      [q.number, "twaalf", "numberInvalid"],
      [q.number, "1e5", "numberInvalid"],
      [q.date, "2027-02-30", "dateInvalid"],
      [q.date, "11-03-2027", "dateInvalid"],
    ];
    for (const [target, value, message] of invalid) {
      const fields: Array<[string, string]> = (Array.isArray(value) ? value : [value]).map((v) => [`answers.${target.id}`, v]);
      const form = await registerAction({ status: "idle" }, signUpForm(conference.slug, fields));
      expect(form, `${target.type} ${String(value).slice(0, 20)}`).toMatchObject({ status: "error", fieldErrors: { [`answers.${target.id}`]: `validation.${message}` } });
      const api = await postJson(conference.slug, { answers: { [target.id]: value } });
      expect(api.status, `${target.type} ${String(value).slice(0, 20)}`).toBe(422);
      expect(api.body.fields?.[`answers.${target.id}`]?.nl, `${target.type}`).toBeTruthy();
    }
    expect(await db.registration.count({ where: { conferenceId: conference.id } })).toBe(before);
  });

  it("takes JSON values through the API: a boolean, a number, a list", async () => {
    const email = uniqueEmail("json");
    const request = await postJson(conference.slug, {
      email,
      answers: { [q.yesNo.id]: true, [q.number.id]: 12, [q.multiple.id]: [q.multiple.options[1]!.id] },
    });
    expect(request.status).toBe(202);
    const rows = new Map((await storedAnswers(email)).map((row) => [row.questionId, row]));
    expect(rows.get(q.yesNo.id)).toMatchObject({ value: true, textEn: "Yes" });
    expect(rows.get(q.number.id)?.value).toBe(12);
    expect(rows.get(q.multiple.id)).toMatchObject({ value: [q.multiple.options[1]!.id], textNl: "Werk" });
  });

  it("refuses an answer to a question of another conference", async () => {
    const other = await createEditorConference(organisation.id);
    const foreign = await addQuestion(other, { labelNl: "Elders", labelEn: "Elsewhere" });
    const email = uniqueEmail("elders");
    const outcome = await postJson(conference.slug, { email, answers: { [foreign.id]: "iets" } });
    expect(outcome.status).toBe(202);
    expect(await storedAnswers(email)).toEqual([]);
  });
});

describe("required and optional questions, and conditions", () => {
  let conference: EditorConference;
  let team: Question;
  let role: Question;
  let workshopTopic: Question;
  let remark: Question;

  beforeAll(async () => {
    conference = await createEditorConference(organisation.id);
    team = await addQuestion(conference, { labelNl: "Werk je in een wijkteam?", labelEn: "Do you work in a neighbourhood team?", type: "YES_NO", required: "on" });
    role = await addQuestion(conference, { labelNl: "Rol", labelEn: "Role", type: "SINGLE_CHOICE", options: "Coördinator | Coordinator\nUitvoerend | Practitioner" });
    // Asked only of wijkteam people, and then required.
    workshopTopic = await addQuestion(conference, { labelNl: "Welk wijkteam?", labelEn: "Which team?", required: "on", condition: `${team.id}:yes` });
    remark = await addQuestion(conference, { labelNl: "Opmerking", labelEn: "Remark", type: "LONG_TEXT" });
  });

  it("refuses a sign-up without a required answer, and takes one without the optional ones", async () => {
    const missing = await registerAction({ status: "idle" }, signUpForm(conference.slug, []));
    expect(missing).toMatchObject({ status: "error", fieldErrors: { [`answers.${team.id}`]: "validation.answerRequired" } });
    const api = await postJson(conference.slug, {});
    expect(api.status).toBe(422);
    expect(api.body.fields?.[`answers.${team.id}`]?.en).toBe("Please answer this question.");

    const data = signUpForm(conference.slug, [[`answers.${team.id}`, "no"], [`answers.${remark.id}`, "  "]]);
    expect(await registerAction({ status: "idle" }, data)).toMatchObject({ status: "received" });
    // Unanswered optional questions leave no row; a blank answer is no answer.
    expect((await storedAnswers(String(data.get("email")))).map((a) => a.questionId)).toEqual([team.id]);
  });

  it("asks a conditional question only when the earlier answer is the one it waits for", async () => {
    // Condition met: now required.
    const met = await registerAction({ status: "idle" }, signUpForm(conference.slug, [[`answers.${team.id}`, "yes"]]));
    expect(met).toMatchObject({ status: "error", fieldErrors: { [`answers.${workshopTopic.id}`]: "validation.answerRequired" } });

    const answered = signUpForm(conference.slug, [[`answers.${team.id}`, "yes"], [`answers.${workshopTopic.id}`, "Wijkteam Crabbehof"]], "en");
    expect(await registerAction({ status: "idle" }, answered)).toMatchObject({ status: "received" });
    expect((await storedAnswers(String(answered.get("email")))).find((a) => a.questionId === workshopTopic.id)?.value).toBe("Wijkteam Crabbehof");

    // Condition not met: an answer sent anyway (a form without JavaScript shows every question) is dropped, not stored.
    const notMet = signUpForm(conference.slug, [[`answers.${team.id}`, "no"], [`answers.${workshopTopic.id}`, "Toch ingevuld"]]);
    expect(await registerAction({ status: "idle" }, notMet)).toMatchObject({ status: "received" });
    expect((await storedAnswers(String(notMet.get("email")))).map((a) => a.questionId)).toEqual([team.id]);
  });

  it("keeps conditions one level deep, pointing backwards, and at answers that exist", async () => {
    const create = (fields: Record<string, string>) =>
      runAuthorized(createQuestionDefinition as unknown as AnyDefinition, organisation.organiser, { conferenceId: conference.id, requestKey: randomUUID(), ...question(fields) });
    // On a question that has a condition itself: refused.
    expect(await create({ labelNl: "Dieper", labelEn: "Deeper", condition: `${workshopTopic.id}:x` })).toMatchObject({ ok: false, fieldErrors: { condition: "conditionOneLevel" } });
    // On a text question: refused.
    expect(await create({ labelNl: "Op tekst", labelEn: "On text", condition: `${remark.id}:x` })).toMatchObject({ ok: false, fieldErrors: { condition: "conditionOneLevel" } });
    // On an option that does not exist: refused.
    expect(await create({ labelNl: "Onbekend", labelEn: "Unknown", condition: `${role.id}:nope` })).toMatchObject({ ok: false, fieldErrors: { condition: "invalid" } });
    // A question moves up past others (Rol), but not above the one it waits for.
    const move = () => runAuthorized(moveQuestionDefinition as unknown as AnyDefinition, organisation.organiser, { questionId: workshopTopic.id, direction: "up" });
    expect(await move()).toMatchObject({ ok: true });
    expect(await move()).toMatchObject({ ok: false, reason: "conditionOrder" });
    expect((await freshQuestions(conference)).slice(0, 3).map((x) => x.id)).toEqual([team.id, workshopTopic.id, role.id]);
    // Removing the option a later question waits for is refused; so is deleting the question it waits on.
    const conditional = await addQuestion(conference, { labelNl: "Voor coördinatoren", labelEn: "For coordinators", condition: `${role.id}:${role.options[0]!.id}` });
    const dropOption = await runAuthorized(updateQuestionDefinition as unknown as AnyDefinition, organisation.organiser, {
      questionId: role.id,
      ...question({ labelNl: "Rol", labelEn: "Role", type: "SINGLE_CHOICE", options: "Uitvoerend | Practitioner\nAnders | Other" }),
    });
    expect(dropOption).toMatchObject({ ok: false, fieldErrors: { options: "optionInUse" } });
    const deleteParent = await runAuthorized(deleteQuestionDefinition as unknown as AnyDefinition, organisation.organiser, { questionId: role.id });
    expect(deleteParent).toMatchObject({ ok: false, reason: "questionInUse" });
    expect(await db.registrationQuestion.count({ where: { id: { in: [role.id, conditional.id] } } })).toBe(2);
  });

  it("reorders with up and down, and the form asks in the new order", async () => {
    const before = (await freshQuestions(conference)).map((x) => x.id);
    const i = before.indexOf(remark.id);
    const up = await runAuthorized(moveQuestionDefinition as unknown as AnyDefinition, organisation.organiser, { questionId: remark.id, direction: "up" });
    expect(up).toMatchObject({ ok: true });
    const after = (await freshQuestions(conference)).map((x) => x.id);
    expect(after[i - 1]).toBe(remark.id);
    expect(after[i]).toBe(before[i - 1]);
    const positions = await db.registrationQuestion.findMany({ where: { conferenceId: conference.id }, orderBy: { position: "asc" }, select: { position: true } });
    expect(positions.map((p) => p.position)).toEqual(positions.map((_, n) => n));
  });
});

describe("changing and deleting a question after people answered", () => {
  it("keeps each answer with the words it was given in, shows them on the registration and in the CSV, and names the change", async () => {
    const conference = await createEditorConference(organisation.id);
    const municipality = await addQuestion(conference, { labelNl: "Gemeente", labelEn: "Municipality", type: "SINGLE_CHOICE", options: "Dordrecht\nPapendrecht" });
    const email = uniqueEmail("bevroren");
    const signed = await postJson(conference.slug, { email, answers: { [municipality.id]: municipality.options[1]!.id } });
    expect(signed.status).toBe(202);

    const reworded = await runAuthorized(updateQuestionDefinition as unknown as AnyDefinition, organisation.organiser, {
      questionId: municipality.id,
      ...question({ labelNl: "Voor welke gemeente werk je?", labelEn: "Which municipality do you work for?", type: "SINGLE_CHOICE", options: "Dordrecht\nSliedrecht" }),
    });
    expect(reworded).toMatchObject({ ok: true });
    const now = (await freshQuestions(conference))[0]!;
    expect(now.version).toBe(2);
    // Dordrecht kept its id (same words); Papendrecht is gone, Sliedrecht is new.
    expect(now.options[0]!.id).toBe(municipality.options[0]!.id);
    expect(now.options.map((o) => o.id)).not.toContain(municipality.options[1]!.id);

    const registration = await db.registration.findFirstOrThrow({ where: { email }, select: { id: true } });
    const shown = await answersOfRegistration(registration.id, "nl");
    expect(shown).toEqual([{ questionId: municipality.id, label: "Gemeente", text: "Papendrecht", changedSince: true }]);

    const csv = await registrationsCsv(conference.id, organisation.id, { dietary: false, accessibility: false, cancelled: false }, "nl");
    const { rows } = parseCsv(csv!.body);
    const column = rows[0]!.indexOf("Voor welke gemeente werk je?");
    expect(column).toBeGreaterThan(0);
    expect(rows.find((row) => row.includes(email))?.[column]).toBe("Papendrecht");
  });

  it("deletes a question with its answers, after saying how many go", async () => {
    const conference = await createEditorConference(organisation.id);
    const doomed = await addQuestion(conference, { labelNl: "Weg ermee", labelEn: "Away with it" });
    const kept = await addQuestion(conference, { labelNl: "Blijft", labelEn: "Stays" });
    for (const n of [1, 2, 3]) {
      const answered = await postJson(conference.slug, { answers: { [doomed.id]: `antwoord ${n}`, [kept.id]: "ja" } });
      expect(answered.status).toBe(202);
    }
    // What the delete button's confirmation says.
    expect((await answerCounts(conference.id)).get(doomed.id)).toBe(3);
    const deleted = await runAuthorized(deleteQuestionDefinition as unknown as AnyDefinition, organisation.organiser, { questionId: doomed.id });
    expect(deleted).toMatchObject({ ok: true, data: { answers: 3 } });
    expect(await db.registrationAnswer.count({ where: { questionId: doomed.id } })).toBe(0);
    expect(await db.registrationAnswer.count({ where: { questionId: kept.id } })).toBe(3);
    // The one left moved up to the first place.
    expect(await db.registrationQuestion.findUnique({ where: { id: kept.id }, select: { position: true } })).toEqual({ position: 0 });
    const audit = await db.auditLogEntry.findFirst({ where: { entityId: doomed.id, action: "question.deleted" } });
    expect(audit?.details).toMatchObject({ answers: 3 });
  });

  it("refuses to change the kind of a question once answered", async () => {
    const conference = await createEditorConference(organisation.id);
    const count = await addQuestion(conference, { labelNl: "Aantal", labelEn: "Number", type: "NUMBER" });
    expect((await postJson(conference.slug, { answers: { [count.id]: 4 } })).status).toBe(202);
    const changed = await runAuthorized(updateQuestionDefinition as unknown as AnyDefinition, organisation.organiser, {
      questionId: count.id,
      ...question({ labelNl: "Aantal", labelEn: "Number", type: "YES_NO" }),
    });
    expect(changed).toMatchObject({ ok: false, fieldErrors: { type: "typeLocked" } });
  });
});

describe("the attendee's answers afterwards, and a duplicate", () => {
  it("lets the attendee change answers until sign-up closes, checked by the same schema", async () => {
    const conference = await createEditorConference(organisation.id);
    const topic = await addQuestion(conference, { labelNl: "Onderwerp", labelEn: "Topic", required: "on" });
    const email = uniqueEmail("wijzigen");
    expect((await postJson(conference.slug, { email, answers: { [topic.id]: "Armoede" } })).status).toBe(202);
    const registration = await db.registration.findFirstOrThrow({ where: { email }, select: { id: true } });
    const questions = await freshQuestions(conference);

    expect(checkAnswers(questions, { [topic.id]: "" }, "nl")).toEqual({ ok: false, fieldErrors: { [topic.id]: "answerRequired" } });
    const changed = checkAnswers(questions, { [topic.id]: "Schulden" }, "nl");
    expect(changed.ok).toBe(true);
    expect(await replaceAnswers(registration.id, changed.ok ? changed.answers : [])).toBe("saved");
    expect((await answersOfRegistration(registration.id, "en"))[0]).toMatchObject({ label: "Topic", text: "Schulden" });

    await db.conference.update({ where: { id: conference.id }, data: { registrationClosesAt: new Date(Date.now() - 60_000) } });
    const later = checkAnswers(questions, { [topic.id]: "Te laat" }, "nl");
    expect(await replaceAnswers(registration.id, later.ok ? later.answers : [])).toBe("closed");
    expect((await answersOfRegistration(registration.id, "nl"))[0]?.text).toBe("Schulden");
  });

  it("copies the questions, conditions and all, when a conference is duplicated, and none of the answers", async () => {
    const conference = await createEditorConference(organisation.id);
    const first = await addQuestion(conference, { labelNl: `Eerste ${uniqueSuffix()}`, labelEn: "First", type: "YES_NO" });
    await addQuestion(conference, { labelNl: "Tweede", labelEn: "Second", condition: `${first.id}:yes`, required: "on" });
    expect((await postJson(conference.slug, { answers: { [first.id]: false } })).status).toBe(202);

    const copy = await runAuthorized(duplicate as unknown as AnyDefinition, organisation.organiser, { conferenceId: conference.id });
    expect(copy).toMatchObject({ ok: true });
    const copyId = (copy as { data: { conferenceId: string } }).data.conferenceId;
    const copied = (await db.registrationQuestion.findMany({ where: { conferenceId: copyId }, orderBy: { position: "asc" } })).map((row) => row);
    expect(copied.map((row) => [row.labelNl.startsWith("Eerste"), row.labelEn, row.type, row.required])).toEqual([
      [true, "First", "YES_NO", false],
      [false, "Second", "SHORT_TEXT", true],
    ]);
    expect(copied[1]?.conditionQuestionId).toBe(copied[0]?.id);
    expect(copied[1]?.conditionValue).toBe("yes");
    expect(await db.registrationAnswer.count({ where: { question: { conferenceId: copyId } } })).toBe(0);
  });

  it("holds the invariants in the database: a choice question needs options, a condition both halves", async () => {
    const conference = await createEditorConference(organisation.id);
    const base = { conferenceId: conference.id, labelNl: "X", labelEn: "X" };
    await expect(db.registrationQuestion.create({ data: { ...base, position: 0, type: "SINGLE_CHOICE" } })).rejects.toThrow();
    await expect(db.registrationQuestion.create({ data: { ...base, position: 0, type: "SHORT_TEXT", options: [{ id: "a", nl: "a", en: "a" }] } })).rejects.toThrow();
    await expect(db.registrationQuestion.create({ data: { ...base, position: 0, type: "SHORT_TEXT", conditionValue: "yes" } })).rejects.toThrow();
    await expect(db.registrationQuestion.create({ data: { ...base, position: 0, type: "SHORT_TEXT", labelEn: " " } })).rejects.toThrow();
    const ok = await db.registrationQuestion.create({ data: { ...base, position: 0, type: "SHORT_TEXT" } });
    await expect(db.registrationQuestion.create({ data: { ...base, position: 0, type: "SHORT_TEXT" } })).rejects.toThrow();
    expect(ok.id).toBeTruthy();
  });
});
