// The sign-up form's question editor and the messages to a conference's people (issue 16), run as each kind of
// outsider: every action is refused and leaves the organisation's questions, answers, audit log and the outbox
// exactly as they were; an organiser of the organisation can do each.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { messageDefinition } from "@/lib/announcements/definitions";
import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createQuestionDefinition, deleteQuestionDefinition, moveQuestionDefinition, updateQuestionDefinition } from "@/lib/questions/definitions";
import { createEditorConference, type EditorConference } from "../support/editor-factories";
import { createOrganisation, type TestOrganisation } from "../support/organisation-factories";

vi.mock("@/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined }));

type AnyDefinition = ActionDefinition<never, unknown, string>;

let home: TestOrganisation;
let other: TestOrganisation;
let conference: EditorConference;
let questionIds: string[];

const fields = { type: "YES_NO", labelNl: "Kom je met de trein?", labelEn: "Are you coming by train?", helpNl: "", helpEn: "", options: "", condition: "" };

beforeAll(async () => {
  [home, other] = await Promise.all([createOrganisation(), createOrganisation()]);
  conference = await createEditorConference(home.id);
  const made = await Promise.all(
    [0, 1].map((position) =>
      db.registrationQuestion.create({ data: { conferenceId: conference.id, position, type: "SHORT_TEXT", labelNl: `Vraag ${position}`, labelEn: `Question ${position}` } }),
    ),
  );
  questionIds = made.map((q) => q.id);
});
afterAll(() => db.$disconnect());

async function snapshot() {
  const [questions, answers, audit, outbox, messages] = await Promise.all([
    db.registrationQuestion.findMany({ where: { conference: { organisationId: home.id } }, orderBy: { id: "asc" } }),
    db.registrationAnswer.findMany({ where: { question: { conference: { organisationId: home.id } } } }),
    db.auditLogEntry.findMany({ where: { organisationId: home.id }, orderBy: { id: "asc" } }),
    db.emailOutbox.count(),
    db.conferenceMessage.count({ where: { conference: { organisationId: home.id } } }),
  ]);
  return { questions, answers, audit, outbox, messages };
}

const actions = () => [
  { name: "create question", definition: createQuestionDefinition, input: { ...fields, conferenceId: conference.id, requestKey: randomUUID() } },
  { name: "update question", definition: updateQuestionDefinition, input: { ...fields, type: "SHORT_TEXT", questionId: questionIds[0] } },
  { name: "move question", definition: moveQuestionDefinition, input: { questionId: questionIds[1], direction: "up" } },
  { name: "delete question", definition: deleteQuestionDefinition, input: { questionId: questionIds[0] } },
  {
    name: "message (a test to oneself)",
    definition: messageDefinition,
    input: { conferenceId: conference.id, segment: "confirmed", subject: "Overgenomen", body: "Klik hier", intent: "test" },
  },
];

describe("question editor and message actions", () => {
  const outsiders: Array<[string, () => CurrentUser | null, string]> = [
    ["anonymous", () => null, "unauthenticated"],
    ["a host of the organisation", () => home.host, "forbidden"],
    ["an organiser of another organisation", () => other.organiser, "notFound"],
    ["the owner of another organisation", () => other.owner, "notFound"],
  ];

  for (const [who, actor, reason] of outsiders) {
    it(`refuses ${who} every action and changes nothing`, async () => {
      for (const action of actions()) {
        const before = await snapshot();
        const outcome = await runAuthorized(action.definition as unknown as AnyDefinition, actor(), action.input);
        expect(outcome.ok ? "allowed" : outcome.reason, `${action.name} as ${who}`).toBe(reason);
        expect(await snapshot(), `${action.name} as ${who}`).toEqual(before);
      }
    });
  }

  it("lets an organiser of the organisation do each, with an audit entry for every change", async () => {
    for (const action of actions()) {
      const outcome = await runAuthorized(action.definition as unknown as AnyDefinition, home.organiser, action.input);
      expect(outcome, action.name).toMatchObject({ ok: true });
    }
    const audit = await db.auditLogEntry.findMany({ where: { organisationId: home.id, action: { startsWith: "question." } }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(["question.created", "question.deleted", "question.moved", "question.updated"]);
  });
});
