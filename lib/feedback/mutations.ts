// Writes of the survey after a conference (issue 15, points 7-8).
//
// Anonymity by design. An answer is stored as a survey_responses row that points at nobody, unless the attendee
// ticked "name me": only then does it carry their registration. That the person answered is stored apart, on
// their invitation (survey_invitations.answered_on), so the link can be answered once. The two must not be
// matchable afterwards, so:
//   - the invitation keeps only the date it was answered (Amsterdam), never a time, and the response keeps no
//     time at all: there is no pair of timestamps to line up;
//   - a response's id is a random UUID (v4), not a cuid, whose first characters are its creation time;
//   - the organiser's results and CSV name a remark by a handle of its own (./remarks.ts), so one person's answers on
//     several sessions cannot be put together (and matched with the attendance lists), leave out anonymous answers
//     about a part too few people attended (./queries.ts, MIN_GROUP), and show per person only counts (invited,
//     reminded, answered), never who answered;
//   - answers cannot be changed later: finding "your" response again would need the very link we do not keep.
// What this does not hide: the server that receives the form, and whoever administers the database (row order on
// disk, transaction ids), see more than the organiser does. The promise is towards the organiser, as the issue asks.
import "server-only";
import { recordAudit } from "@/lib/audit/log";
import type { OrganisationAccess } from "@/lib/auth/authorize";
import type { HandlerResult } from "@/lib/auth/outcome";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { MAX_QUOTES } from "@/lib/reports/schema";
import { surveyOfToken } from "./queries";
import { remarkHandle } from "./remarks";
import { QUOTE_MAX, type AnswerInput, type QuoteRemarkInput, type SurveySettingsInput } from "./schema";

export type SaveSurveyOutcome = { conferenceId: string };

/** The organiser's settings; the invitations cannot go before the conference has ended. */
export async function saveSurvey(access: OrganisationAccess, input: SurveySettingsInput): Promise<HandlerResult<SaveSurveyOutcome, "notFound">> {
  return db.$transaction(async (tx) => {
    const conference = await tx.conference.findFirst({ where: { id: input.conferenceId, organisationId: access.organisation.id }, select: { id: true, title: true, endsAt: true } });
    if (!conference) return { ok: false, reason: "notFound" };
    if (input.sendAt < conference.endsAt) return { ok: false, reason: "invalid", fieldErrors: { sendAt: "sendBeforeEnd" } };
    const { conferenceId, ...data } = input;
    await tx.conferenceSurvey.upsert({ where: { conferenceId }, create: { conferenceId, ...data }, update: data });
    await recordAudit(tx, {
      organisationId: access.organisation.id,
      actorUserId: access.user.id,
      action: "feedback.settings_changed",
      entityType: "conference",
      entityId: conference.id,
      details: { title: conference.title, enabled: input.enabled, askSessions: input.askSessions, sendAt: input.sendAt.toISOString(), closesAt: input.closesAt.toISOString() },
    });
    return { ok: true, data: { conferenceId: conference.id } };
  });
}

export type AnswerOutcome =
  | { ok: true }
  | { ok: false; reason: "notFound" | "answered" | "closed" }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string> };

/**
 * The attendee's answers through their personal link: once per invitation (a second submission, also a double
 * click or the reminder's link, stores nothing and says it was answered), until the survey closes. Per session only
 * the sessions this person attended are taken; others are dropped.
 */
export async function submitAnswer(token: string, input: AnswerInput, now: Date = new Date()): Promise<AnswerOutcome> {
  const view = await surveyOfToken(token);
  if (!view) return { ok: false, reason: "notFound" };
  if (!view.survey.enabled || now >= view.survey.closesAt) return { ok: false, reason: "closed" };
  const attended = new Set(view.sessions.map((s) => s.id));
  const sessions = Object.entries(input.sessions)
    .filter(([sessionId, answer]) => attended.has(sessionId) && (answer.rating !== null || answer.remark !== null))
    .map(([sessionId, answer]) => ({ sessionId, rating: answer.rating, remark: answer.remark }));
  return db.$transaction(async (tx) => {
    // The conditional update is the once: a second submission waits for the first's row lock, then finds it
    // answered and changes nothing. Only the date, in Amsterdam (see the header).
    const marked = await tx.$executeRaw`
      UPDATE survey_invitations SET answered_on = (${now}::timestamptz AT TIME ZONE 'Europe/Amsterdam')::date
       WHERE registration_id = ${view.registrationId} AND answered_on IS NULL`;
    if (marked === 0) return { ok: false, reason: "answered" } as const;
    await tx.surveyResponse.create({
      data: {
        conferenceId: view.conference.id,
        registrationId: input.named ? view.registrationId : null,
        rating: input.rating,
        remark: input.remark,
        quoteNamed: input.named && input.quoteNamed,
        sessions: { create: sessions },
      },
      select: { id: true },
    });
    return { ok: true } as const;
  });
}

export type QuoteOutcome = { reportId: string; reportSlug: string; published: boolean };
export type QuoteRefusal = "notFound" | "noReport" | "full" | "tooLong" | "alreadyQuoted";

/**
 * Adds a remark as a quote of the conference's report (lib/reports shows quotes as pull quotes), after the
 * report's quotes. With the attendee's name only when they chose to be named and to be quoted by name; otherwise
 * without attribution. Quoted once per remark (survey_quotes' unique key), so a double click adds one quote.
 */
export async function quoteRemark(access: OrganisationAccess, input: QuoteRemarkInput): Promise<HandlerResult<QuoteOutcome, QuoteRefusal>> {
  try {
    return await db.$transaction(async (tx) => {
      // The remark is named by its handle only (./remarks.ts): find it among the conference's remarks.
      const responses = await tx.surveyResponse.findMany({
        where: { conferenceId: input.conferenceId, conference: { organisationId: access.organisation.id } },
        select: { id: true, remark: true, quoteNamed: true, registration: { select: { name: true } }, sessions: { select: { sessionId: true, remark: true } } },
      });
      const found = responses
        .flatMap((r) => [{ response: r, key: "open", text: r.remark }, ...r.sessions.map((s) => ({ response: r, key: s.sessionId, text: s.remark }))])
        .find((candidate) => candidate.text && remarkHandle(candidate.response.id, candidate.key) === input.remark);
      if (!found?.text) return { ok: false, reason: "notFound" };
      const { response, key: remarkKey, text } = found;
      if (text.length > QUOTE_MAX) return { ok: false, reason: "tooLong" };
      const report = await tx.report.findFirst({
        where: { id: input.reportId, organisationId: access.organisation.id, conferenceId: input.conferenceId },
        select: { id: true, slug: true, title: true, status: true },
      });
      if (!report) return { ok: false, reason: "noReport" };
      // The report's row lock orders two quotes added at once (positions are unique per report).
      await tx.$queryRaw`SELECT id FROM reports WHERE id = ${report.id} FOR UPDATE`;
      const quotes = await tx.reportQuote.aggregate({ where: { reportId: report.id }, _count: true, _max: { position: true } });
      if (quotes._count >= MAX_QUOTES) return { ok: false, reason: "full" };
      const attribution = response.quoteNamed && response.registration ? response.registration.name : null;
      const quote = await tx.reportQuote.create({
        data: { reportId: report.id, text, attribution, position: (quotes._max.position ?? -1) + 1 },
        select: { id: true },
      });
      await tx.surveyQuote.create({ data: { reportQuoteId: quote.id, responseId: response.id, remarkKey } });
      await recordAudit(tx, {
        organisationId: access.organisation.id,
        actorUserId: access.user.id,
        action: "feedback.quoted",
        entityType: "report",
        entityId: report.id,
        details: { title: report.title, named: attribution !== null },
      });
      return { ok: true, data: { reportId: report.id, reportSlug: report.slug, published: report.status === "PUBLISHED" } };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "alreadyQuoted" };
    throw error;
  }
}
