import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/log";
import type { OrganisationAccess } from "@/lib/auth/authorize";
import type { FieldErrors, HandlerResult } from "@/lib/auth/outcome";
import { db, type Tx } from "@/lib/db";
import { earlierCreation } from "@/lib/editor/request-key";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StoredAnswer } from "./answers";
import type { CreateQuestion, UpdateQuestion } from "./editor-schema";
import { questionOf } from "./rows";
import { answersOpen, CHOICE_TYPES, CONDITION_TYPES, MAX_QUESTIONS, type Bilingual, type Question, type QuestionOption } from "./schema";

// These functions trust `access` (the caller checked the role in the database) and scope every read and write
// to access.organisation: a question of another organisation is simply not found.

// Lock namespace of a conference's questions: positions are renumbered under it, so two editors never collide.
const QUESTIONS_LOCK_NAMESPACE = 7_110_160;

export type QuestionChange = { conferenceId: string; slug: string };
type Invalid = { ok: false; reason: "invalid"; fieldErrors: FieldErrors };
const invalid = (fieldErrors: FieldErrors): Invalid => ({ ok: false, reason: "invalid", fieldErrors });

async function lockedConference(tx: Tx, organisationId: string, conferenceId: string) {
  const conference = await tx.conference.findFirst({ where: { id: conferenceId, organisationId }, select: { id: true, slug: true } });
  if (!conference) return null;
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${QUESTIONS_LOCK_NAMESPACE}::int, hashtext(${conference.id}))::text`;
  return conference;
}

async function questionsOf(tx: Tx, conferenceId: string): Promise<Question[]> {
  return (await tx.registrationQuestion.findMany({ where: { conferenceId }, orderBy: { position: "asc" } })).map(questionOf);
}

const newOptionId = () => randomBytes(6).toString("base64url");

/** Options as typed, with the id of the existing option they match (same Dutch, else same English words). */
function withIds(typed: Bilingual[], existing: QuestionOption[]): QuestionOption[] {
  const free = [...existing];
  return typed.map((option) => {
    const index =
      free.findIndex((o) => o.nl.toLowerCase() === option.nl.toLowerCase()) >= 0
        ? free.findIndex((o) => o.nl.toLowerCase() === option.nl.toLowerCase())
        : free.findIndex((o) => o.en.toLowerCase() === option.en.toLowerCase());
    const [matched] = index >= 0 ? free.splice(index, 1) : [];
    return { id: matched?.id ?? newOptionId(), nl: option.nl, en: option.en };
  });
}

/**
 * A condition must point at an earlier question of the same form, of a type that can be waited for, that has no
 * condition itself (one level), and at one of its answers; and a question others wait for cannot get one.
 */
function checkCondition(
  condition: { questionId: string; value: string } | null,
  questions: Question[],
  self: { id: string | null; position: number },
): string | null {
  if (!condition) return null;
  const index = questions.findIndex((q) => q.id === condition.questionId);
  const target = questions[index];
  if (!target || target.id === self.id || index >= self.position) return "conditionEarlier";
  if (target.condition || !CONDITION_TYPES.has(target.type)) return "conditionOneLevel";
  if (self.id && questions.some((q) => q.condition?.questionId === self.id)) return "conditionOneLevel";
  const values = target.type === "YES_NO" ? ["yes", "no"] : target.options.map((o) => o.id);
  return values.includes(condition.value) ? null : "invalid";
}

function fieldsOf(input: CreateQuestion | UpdateQuestion, options: QuestionOption[]) {
  return {
    type: input.type,
    required: input.required,
    labelNl: input.labelNl,
    labelEn: input.labelEn,
    helpNl: input.helpNl,
    helpEn: input.helpEn,
    options: (CHOICE_TYPES.has(input.type) ? options : []) as unknown as Prisma.InputJsonValue,
    conditionQuestionId: input.condition?.questionId ?? null,
    conditionValue: input.condition?.value ?? null,
  };
}

export async function createQuestion(access: OrganisationAccess, input: CreateQuestion): Promise<HandlerResult<QuestionChange, "notFound" | "tooMany">> {
  const organisationId = access.organisation.id;
  return db.$transaction(async (tx) => {
    const conference = await lockedConference(tx, organisationId, input.conferenceId);
    if (!conference) return { ok: false, reason: "notFound" } as const;
    const done = { ok: true, data: { conferenceId: conference.id, slug: conference.slug } } as const;
    if (await earlierCreation(tx, organisationId, "question.created", input.requestKey)) return done;
    const questions = await questionsOf(tx, conference.id);
    if (questions.length >= MAX_QUESTIONS) return { ok: false, reason: "tooMany" } as const;
    const conditionError = checkCondition(input.condition, questions, { id: null, position: questions.length });
    if (conditionError) return invalid({ condition: conditionError });
    const question = await tx.registrationQuestion.create({
      data: { conferenceId: conference.id, position: questions.length, ...fieldsOf(input, withIds(input.options, [])) },
      select: { id: true },
    });
    await recordAudit(tx, {
      organisationId,
      actorUserId: access.user.id,
      action: "question.created",
      entityType: "question",
      entityId: question.id,
      details: { conference: conference.slug, label: input.labelNl, requestKey: input.requestKey },
    });
    return done;
  });
}

async function questionInOrganisation(tx: Tx, organisationId: string, questionId: string) {
  const row = await tx.registrationQuestion.findFirst({ where: { id: questionId, conference: { organisationId } } });
  if (!row) return null;
  const conference = await lockedConference(tx, organisationId, row.conferenceId);
  // Read again under the lock: another editor may have moved or deleted it meanwhile.
  const locked = await tx.registrationQuestion.findUnique({ where: { id: questionId } });
  return conference && locked ? { conference, row: locked, question: questionOf(locked) } : null;
}

export async function updateQuestion(access: OrganisationAccess, input: UpdateQuestion): Promise<HandlerResult<QuestionChange, "notFound">> {
  const organisationId = access.organisation.id;
  return db.$transaction(async (tx) => {
    const found = await questionInOrganisation(tx, organisationId, input.questionId);
    if (!found) return { ok: false, reason: "notFound" } as const;
    const { conference, row, question } = found;
    const answered = await tx.registrationAnswer.count({ where: { questionId: question.id } });
    // Stored answers are values of the type they were given in: a number cannot become a choice.
    if (answered > 0 && input.type !== question.type) return invalid({ type: "typeLocked" });
    const questions = await questionsOf(tx, conference.id);
    const conditionError = checkCondition(input.condition, questions, { id: question.id, position: row.position });
    if (conditionError) return invalid({ condition: conditionError });
    const options = CHOICE_TYPES.has(input.type) ? withIds(input.options, question.options) : [];
    // A later question waiting for an answer this question no longer has would never be shown again.
    const waiting = questions.filter((q) => q.condition?.questionId === question.id);
    const answersNow = input.type === "YES_NO" ? ["yes", "no"] : options.map((o) => o.id);
    if (waiting.some((q) => !answersNow.includes(q.condition?.value ?? ""))) return invalid({ options: "optionInUse" });
    const fields = fieldsOf(input, options);
    const reworded =
      input.type !== question.type ||
      input.labelNl !== question.label.nl ||
      input.labelEn !== question.label.en ||
      JSON.stringify(options) !== JSON.stringify(question.options);
    await tx.registrationQuestion.update({ where: { id: question.id }, data: { ...fields, version: reworded ? { increment: 1 } : undefined } });
    await recordAudit(tx, {
      organisationId,
      actorUserId: access.user.id,
      action: "question.updated",
      entityType: "question",
      entityId: question.id,
      details: { conference: conference.slug, label: input.labelNl },
    });
    return { ok: true, data: { conferenceId: conference.id, slug: conference.slug } } as const;
  });
}

export async function moveQuestion(
  access: OrganisationAccess,
  input: { questionId: string; direction: "up" | "down" },
): Promise<HandlerResult<QuestionChange, "notFound" | "conditionOrder">> {
  const organisationId = access.organisation.id;
  return db.$transaction(async (tx) => {
    const found = await questionInOrganisation(tx, organisationId, input.questionId);
    if (!found) return { ok: false, reason: "notFound" } as const;
    const { conference, row, question } = found;
    const done = { ok: true, data: { conferenceId: conference.id, slug: conference.slug } } as const;
    const neighbour = await tx.registrationQuestion.findFirst({
      where: { conferenceId: conference.id, position: input.direction === "up" ? row.position - 1 : row.position + 1 },
    });
    if (!neighbour) return done; // already first or last
    // A question comes after the one it waits for: the form asks that one first.
    const [earlier, later] = input.direction === "up" ? [neighbour, row] : [row, neighbour];
    if (later.conditionQuestionId === earlier.id) return { ok: false, reason: "conditionOrder" } as const;
    // Positions are unique (and never negative): the first of the two steps aside, past any real one, while they swap.
    await tx.registrationQuestion.update({ where: { id: row.id }, data: { position: 1_000_000 + row.position } });
    await tx.registrationQuestion.update({ where: { id: neighbour.id }, data: { position: row.position } });
    await tx.registrationQuestion.update({ where: { id: row.id }, data: { position: neighbour.position } });
    await recordAudit(tx, {
      organisationId,
      actorUserId: access.user.id,
      action: "question.moved",
      entityType: "question",
      entityId: question.id,
      details: { conference: conference.slug, label: question.label.nl, direction: input.direction },
    });
    return done;
  });
}

export async function deleteQuestion(
  access: OrganisationAccess,
  input: { questionId: string },
): Promise<HandlerResult<QuestionChange & { answers: number }, "notFound" | "questionInUse">> {
  const organisationId = access.organisation.id;
  return db.$transaction(async (tx) => {
    const found = await questionInOrganisation(tx, organisationId, input.questionId);
    if (!found) return { ok: false, reason: "notFound" } as const;
    const { conference, row, question } = found;
    if (await tx.registrationQuestion.count({ where: { conditionQuestionId: question.id } })) return { ok: false, reason: "questionInUse" } as const;
    // The answers go with it (a foreign key that cascades); the editor said how many before asking.
    const answers = await tx.registrationAnswer.count({ where: { questionId: question.id } });
    await tx.registrationQuestion.delete({ where: { id: question.id } });
    const later = await tx.registrationQuestion.findMany({ where: { conferenceId: conference.id, position: { gt: row.position } }, orderBy: { position: "asc" }, select: { id: true, position: true } });
    for (const q of later) await tx.registrationQuestion.update({ where: { id: q.id }, data: { position: q.position - 1 } });
    await recordAudit(tx, {
      organisationId,
      actorUserId: access.user.id,
      action: "question.deleted",
      entityType: "question",
      entityId: question.id,
      details: { conference: conference.slug, label: question.label.nl, answers },
    });
    return { ok: true, data: { conferenceId: conference.id, slug: conference.slug, answers } } as const;
  });
}

/** A conference's questions copied to another (the duplicate of a conference), conditions pointing at the copies. */
export async function copyQuestions(tx: Tx, fromConferenceId: string, toConferenceId: string): Promise<void> {
  const rows = await tx.registrationQuestion.findMany({ where: { conferenceId: fromConferenceId }, orderBy: { position: "asc" } });
  const ids = new Map<string, string>();
  for (const row of rows) {
    const copy = await tx.registrationQuestion.create({
      data: {
        conferenceId: toConferenceId,
        position: row.position,
        type: row.type,
        required: row.required,
        labelNl: row.labelNl,
        labelEn: row.labelEn,
        helpNl: row.helpNl,
        helpEn: row.helpEn,
        options: row.options as Prisma.InputJsonValue,
        conditionQuestionId: row.conditionQuestionId ? (ids.get(row.conditionQuestionId) ?? null) : null,
        conditionValue: row.conditionQuestionId && ids.has(row.conditionQuestionId) ? row.conditionValue : null,
      },
      select: { id: true },
    });
    ids.set(row.id, copy.id);
  }
}

/**
 * Replaces a registration's answers (the attendee on the manage page). Only while the sign-up is open: the
 * caller checked the answers against the questions, and this checks the window and the registration under the
 * conference's question lock, so a question deleted meanwhile is skipped rather than failing the save.
 */
export async function replaceAnswers(registrationId: string, answers: StoredAnswer[]): Promise<"saved" | "closed" | "notFound"> {
  return db.$transaction(async (tx) => {
    const registration = await tx.registration.findFirst({
      where: { id: registrationId, erasedAt: null, status: { not: "CANCELLED" } },
      select: { conferenceId: true, conference: { select: { status: true, registrationClosesAt: true, startsAt: true } } },
    });
    if (!registration) return "notFound";
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(${QUESTIONS_LOCK_NAMESPACE}::int, hashtext(${registration.conferenceId}))::text`;
    if (!answersOpen(registration.conference, new Date())) return "closed";
    const existing = new Set(
      (await tx.registrationQuestion.findMany({ where: { conferenceId: registration.conferenceId }, select: { id: true } })).map((q) => q.id),
    );
    await tx.registrationAnswer.deleteMany({ where: { registrationId } });
    await tx.registrationAnswer.createMany({
      data: answers
        .filter((a) => existing.has(a.questionId))
        .map((a) => ({
          registrationId,
          questionId: a.questionId,
          value: a.value as Prisma.InputJsonValue,
          questionVersion: a.version,
          labelNl: a.labelNl,
          labelEn: a.labelEn,
          textNl: a.textNl,
          textEn: a.textEn,
        })),
    });
    return "saved";
  });
}
