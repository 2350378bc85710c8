"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { isLocale, type Locale } from "@/i18n/routing";
import { revalidateConferencePlaces } from "@/lib/site/revalidate";
import { db } from "@/lib/db";
import { localizedPath } from "@/lib/site/urls";
import { kickMailWorker } from "@/lib/mail/worker";
import { changeWorkshops, cancelByToken, confirmComing, eraseByToken, updateDetails, updateNeeds, type ManageOutcome } from "./manage";
import { confirmEmailChange } from "./email-change";
import { registrationOfToken } from "./manage-links";
import { changeRankingSchema, updateDetailsSchema, updateNeedsSchema } from "./schema";
import { rankingsFromFormData } from "./form-data";
import { setRanking } from "@/lib/places/mutations";
import { checkAnswers } from "@/lib/questions/answers";
import { replaceAnswers } from "@/lib/questions/mutations";
import { questionsOfConference } from "@/lib/questions/queries";
import { answersFromFormData } from "@/lib/questions/schema";

async function currentLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : "nl";
}

// The manage page's forms post here and come back to the page with ?done= or ?error=, so every form works
// without JavaScript. The token arrives bound by the page, never from a form field.
async function finish(token: string, outcome: ManageOutcome | { ok: false; reason: "closed" }, done: string): Promise<never> {
  const locale = await currentLocale();
  const base = localizedPath(locale, `/aanmelding/${token}`);
  if (outcome.ok) {
    const found = await registrationOfToken(token);
    const conference = found ? await db.conference.findUnique({ where: { id: found.conferenceId }, select: { slug: true } }) : null;
    if (conference) revalidateConferencePlaces(conference.slug);
    kickMailWorker();
    redirect(`${base}?done=${done}`);
  }
  redirect(`${base}?error=${outcome.reason}`);
}

export async function changeWorkshopsAction(token: string, form: FormData): Promise<void> {
  const wanted: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (name.startsWith("workshops.") && typeof value === "string") wanted[name.slice(10)] = value;
  }
  await finish(token, await changeWorkshops(token, wanted), "workshops");
}

/** A new ranking of a ranked round's workshops, until its preferences close. */
export async function changeRankingAction(token: string, roundId: string, form: FormData): Promise<void> {
  const parsed = changeRankingSchema.safeParse({ roundId, ranking: rankingsFromFormData(form)[roundId] ?? [] });
  const found = parsed.success ? await registrationOfToken(token) : null;
  if (!parsed.success || !found) {
    const locale = await currentLocale();
    redirect(localizedPath(locale, `/aanmelding/${token}?error=${parsed.success ? "notFound" : "invalid"}`));
  }
  await finish(token, await setRanking(found.id, parsed.data.roundId, parsed.data.ranking), "ranking");
}

export async function updateNeedsAction(token: string, form: FormData): Promise<void> {
  const parsed = updateNeedsSchema.safeParse({
    dietaryNeeds: form.get("dietaryNeeds") ?? undefined,
    accessibilityNeeds: form.get("accessibilityNeeds") ?? undefined,
  });
  if (!parsed.success) {
    const locale = await currentLocale();
    redirect(localizedPath(locale, `/aanmelding/${token}?error=invalid`));
  }
  await finish(token, await updateNeeds(token, parsed.data), "needs");
}

export type DetailsFormState =
  | { status: "idle" }
  | { status: "error"; fieldErrors: Record<string, string>; formError?: string; values: Record<string, string> };

/**
 * Name, organisation, job role and address, from a form that keeps what was typed (useActionState, also without
 * JavaScript). The token travels in a hidden field: a bound action loops without JavaScript (see
 * lib/registrations/actions.ts). A new address is only asked for; the page says where the link went.
 */
export async function updateDetailsAction(_previous: DetailsFormState, form: FormData): Promise<DetailsFormState> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const token = text("token");
  const values = { name: text("name"), email: text("email"), organisation: text("organisation"), jobRole: text("jobRole") };
  const parsed = updateDetailsSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "name")] ??= `validation.${issue.message}`;
    return { status: "error", fieldErrors, values };
  }
  const outcome = await updateDetails(token, parsed.data);
  if (!outcome.ok) {
    if (outcome.reason === "emailTaken") return { status: "error", fieldErrors: { email: "manage.errors.emailTaken" }, values };
    return { status: "error", fieldErrors: {}, formError: `manage.errors.${outcome.reason}`, values };
  }
  kickMailWorker();
  // The door's search and the organisers' lists show the corrected name at once.
  const found = await registrationOfToken(token);
  const conference = found ? await db.conference.findUnique({ where: { id: found.conferenceId }, select: { slug: true } }) : null;
  if (conference) revalidateConferencePlaces(conference.slug);
  const locale = await currentLocale();
  redirect(localizedPath(locale, `/aanmelding/${token}?done=${outcome.emailSentTo ? "emailSent" : "details"}`));
}

export type AnswersFormState = { status: "idle" } | { status: "error"; fieldErrors: Record<string, string>; formError?: string; values: Record<string, unknown> };

/**
 * The answers to the conference's own questions, changed until the sign-up closes: checked with the schema the
 * sign-up form uses (lib/questions/schema.ts), built from the questions as they are now.
 */
export async function updateAnswersAction(_previous: AnswersFormState, form: FormData): Promise<AnswersFormState> {
  const token = String(form.get("token") ?? "");
  const values = answersFromFormData(form);
  const found = await registrationOfToken(token);
  if (!found) return { status: "error", fieldErrors: {}, formError: "manage.errors.notFound", values };
  const locale = await currentLocale();
  const checked = checkAnswers(await questionsOfConference(found.conferenceId), values, locale);
  if (!checked.ok) {
    const fieldErrors = Object.fromEntries(Object.entries(checked.fieldErrors).map(([id, key]) => [id, `validation.${key}`]));
    return { status: "error", fieldErrors, values };
  }
  const saved = await replaceAnswers(found.id, checked.answers);
  if (saved !== "saved") return { status: "error", fieldErrors: {}, formError: `manage.errors.${saved === "closed" ? "answersClosed" : "notFound"}`, values };
  redirect(localizedPath(locale, `/aanmelding/${token}?done=answers`));
}

/** The button on the page the confirmation link opens (a button, not the link: mail scanners open links). */
export async function confirmEmailChangeAction(token: string): Promise<void> {
  const outcome = await confirmEmailChange(token);
  const locale = await currentLocale();
  if (outcome.ok) kickMailWorker();
  redirect(localizedPath(locale, `/aanmelding/nieuw-adres/${token}?${outcome.ok ? "done=confirmed" : `error=${outcome.reason}`}`));
}

/** "Yes, I am still coming" (the page the "still coming?" email links to). */
export async function confirmComingAction(token: string): Promise<void> {
  await finish(token, await confirmComing(token), "coming");
}

export async function cancelAction(token: string): Promise<void> {
  await finish(token, await cancelByToken(token), "cancelled");
}

export async function eraseAction(token: string): Promise<void> {
  const outcome = await eraseByToken(token);
  const locale = await currentLocale();
  if (outcome.ok) {
    kickMailWorker();
    redirect(localizedPath(locale, `/aanmelding/verwijderd`));
  }
  redirect(localizedPath(locale, `/aanmelding/${token}?error=${outcome.reason}`));
}
