import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { signUpQuestions } from "./answers";
import { questionOf } from "./rows";
import type { Question } from "./schema";

/** A conference's questions in form order (the organiser's own conference: the caller checked access). */
export const questionsOfConference = cache(async (conferenceId: string): Promise<Question[]> => {
  const rows = await db.registrationQuestion.findMany({ where: { conferenceId }, orderBy: { position: "asc" } });
  return rows.map(questionOf);
});

/** The questions of the sign-up form of a conference that is not a draft, by its address: what the sign-up checks. */
export const publicQuestions = cache(signUpQuestions);

/** How many people answered each question of a conference: the editor says so before a delete. */
export async function answerCounts(conferenceId: string): Promise<Map<string, number>> {
  const counts = await db.registrationAnswer.groupBy({
    by: ["questionId"],
    where: { question: { conferenceId } },
    _count: { _all: true },
  });
  return new Map(counts.map((c) => [c.questionId, c._count._all]));
}

export type StoredAnswerView = {
  questionId: string;
  /** The question as the person read it, and their answer in words, in the language asked for. */
  label: string;
  text: string;
  /** The question has been changed since (its words now differ from what was answered). */
  changedSince: boolean;
};

/** A registration's answers in form order, as they were given. */
export async function answersOfRegistration(registrationId: string, locale: "nl" | "en"): Promise<StoredAnswerView[]> {
  const rows = await db.registrationAnswer.findMany({
    where: { registrationId },
    include: { question: { select: { position: true, version: true } } },
    orderBy: { question: { position: "asc" } },
  });
  return rows.map((row) => ({
    questionId: row.questionId,
    label: locale === "nl" ? row.labelNl : row.labelEn,
    text: locale === "nl" ? row.textNl : row.textEn,
    changedSince: row.question.version !== row.questionVersion,
  }));
}

/** The raw values of a registration's answers (questionId -> value), to fill in the manage page's form. */
export async function answerValues(registrationId: string): Promise<Record<string, unknown>> {
  const rows = await db.registrationAnswer.findMany({ where: { registrationId }, select: { questionId: true, value: true } });
  return Object.fromEntries(rows.map((row) => [row.questionId, row.value]));
}

/** The editor's form values of a question (strings, as the form posts them). */
export function questionFormValues(question: Question): Record<string, string> {
  return {
    type: question.type,
    required: question.required ? "on" : "",
    labelNl: question.label.nl,
    labelEn: question.label.en,
    helpNl: question.help?.nl ?? "",
    helpEn: question.help?.en ?? "",
    options: question.options.map((o) => (o.nl === o.en ? o.nl : `${o.nl} | ${o.en}`)).join("\n"),
    condition: question.condition ? `${question.condition.questionId}:${question.condition.value}` : "",
  };
}
