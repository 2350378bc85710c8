// Reads of the survey after a conference (issue 15, points 7-8). The organiser's reads are scoped to their
// organisation in the where clause; the attendee's read is keyed by the personal link alone.
//
// Anonymity: nothing here an organiser can reach returns a registration for an anonymous response, because the
// database has none to return (see ./mutations.ts), nor a response's id, which would tie its parts together (remarks
// go by handles, ./remarks.ts). A name appears only on a response whose author chose to be named. The invitation
// counts are counts: which person answered is not shown, only how many.
import "server-only";
import { cache } from "react";
import { attendanceOf, attendanceOfRegistration } from "@/lib/attendance/queries";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/tokens";
import { remarkHandle } from "./remarks";

const DAY = 24 * 60 * 60 * 1000;

/** The survey's settings, or the defaults a new one starts from (the morning after, open for three weeks). */
export const surveyOfConference = cache(async (organisationId: string, conferenceId: string) => {
  const conference = await db.conference.findFirst({
    where: { id: conferenceId, organisationId },
    select: { id: true, title: true, slug: true, endsAt: true, survey: true },
  });
  if (!conference) return null;
  const sendAt = new Date(conference.endsAt.getTime() + 12 * 60 * 60 * 1000);
  const survey = conference.survey ?? {
    conferenceId: conference.id,
    enabled: false,
    ratingQuestionNl: null,
    ratingQuestionEn: null,
    openQuestionNl: null,
    openQuestionEn: null,
    askSessions: true,
    sendAt,
    closesAt: new Date(sendAt.getTime() + 21 * DAY),
    updatedAt: null,
  };
  return { conference: { id: conference.id, title: conference.title, slug: conference.slug, endsAt: conference.endsAt }, survey, saved: conference.survey !== null };
});

/** The survey a personal link opens, with the sessions this person attended (lib/attendance), or null. */
export async function surveyOfToken(token: string) {
  if (token.length < 20 || token.length > 100) return null;
  const link = await db.surveyLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      invitation: {
        select: {
          registrationId: true,
          answeredOn: true,
          registration: { select: { name: true, erasedAt: true } },
          conference: {
            select: {
              id: true,
              title: true,
              startsAt: true,
              endsAt: true,
              organisation: { select: { name: true, contactEmail: true } },
              survey: true,
              sessions: { orderBy: { startsAt: "asc" }, select: { id: true, title: true, startsAt: true, endsAt: true } },
            },
          },
        },
      },
    },
  });
  const invitation = link?.invitation;
  if (!invitation || invitation.registration.erasedAt || !invitation.conference.survey) return null;
  const { conference } = invitation;
  const survey = conference.survey!;
  const attended = survey.askSessions ? await attendanceOfRegistration(conference.id, invitation.registrationId) : new Map();
  return {
    registrationId: invitation.registrationId,
    name: invitation.registration.name,
    answered: invitation.answeredOn !== null,
    conference: { id: conference.id, title: conference.title, startsAt: conference.startsAt, endsAt: conference.endsAt, organisation: conference.organisation },
    survey,
    sessions: conference.sessions.filter((s) => attended.has(s.id)),
  };
}
export type SurveyView = NonNullable<Awaited<ReturnType<typeof surveyOfToken>>>;

/** A remark as the organiser sees it: by its handle (./remarks.ts), never by its response. */
type Remark = { handle: string; text: string; name: string | null; quoteNamed: boolean; quotedIn: string | null };

const byHandle = (a: Remark, b: Remark) => (a.handle < b.handle ? -1 : a.handle > b.handle ? 1 : 0);

export type RatingSummary = { count: number; average: number | null; distribution: [number, number, number, number, number] };

function summary(ratings: Array<number | null>): RatingSummary {
  const given = ratings.filter((r): r is number => r !== null);
  const distribution: RatingSummary["distribution"] = [0, 0, 0, 0, 0];
  for (const r of given) distribution[r - 1]! += 1;
  return { count: given.length, average: given.length ? given.reduce((a, b) => a + b, 0) / given.length : null, distribution };
}

/**
 * Fewer people than this who could have answered about a part, and its anonymous answers are not shown: the one
 * person who attended a workshop is as good as named by its answers, and one of two nearly so. Named answers are
 * always shown; the people chose it.
 */
export const MIN_GROUP = 3;

/**
 * Per part ("open" for the conference as a whole, else a session's id) how many people could have answered about
 * it: everyone invited, or a session's attendees (lib/attendance).
 */
export async function answerGroups(conferenceId: string): Promise<(key: string) => number> {
  const [invited, attendance] = await Promise.all([db.surveyInvitation.count({ where: { conferenceId } }), attendanceOf(conferenceId)]);
  const perSession = new Map<string, Set<string>>();
  for (const row of attendance) {
    const people = perSession.get(row.sessionId) ?? new Set<string>();
    people.add(row.registrationId);
    perSession.set(row.sessionId, people);
  }
  return (key) => (key === "open" ? invited : (perSession.get(key)?.size ?? 0));
}

/** Whether an answer about a part may be shown to the organiser (see MIN_GROUP). */
export function shownToOrganiser(named: boolean, groupSize: number): boolean {
  return named || groupSize >= MIN_GROUP;
}

/**
 * The results of a conference's survey, for its organisation only: how many were invited, reminded and answered;
 * per conference and per session the ratings (count, average, distribution) and the remarks, each with the
 * author's name only when they chose to be named. Nothing returned ties an anonymous response's parts together.
 */
export async function surveyResults(organisationId: string, conferenceId: string) {
  const conference = await db.conference.findFirst({
    where: { id: conferenceId, organisationId },
    select: { id: true, title: true, sessions: { orderBy: { startsAt: "asc" }, select: { id: true, title: true } } },
  });
  if (!conference) return null;
  const [invited, reminded, answered, group, all] = await Promise.all([
    db.surveyInvitation.count({ where: { conferenceId: conference.id } }),
    db.surveyInvitation.count({ where: { conferenceId: conference.id, remindedAt: { not: null } } }),
    db.surveyInvitation.count({ where: { conferenceId: conference.id, answeredOn: { not: null } } }),
    answerGroups(conference.id),
    // Each part's remarks are ordered by their handles below: nothing ties a response's remarks together.
    db.surveyResponse.findMany({
      where: { conferenceId: conference.id },
      select: {
        id: true,
        rating: true,
        remark: true,
        quoteNamed: true,
        registration: { select: { name: true } },
        sessions: { select: { sessionId: true, rating: true, remark: true } },
        quotes: { select: { remarkKey: true, reportQuote: { select: { report: { select: { title: true } } } } } },
      },
    }),
  ]);
  const shown = (response: (typeof all)[number], key: string) => shownToOrganiser(response.registration !== null, group(key));
  const responses = all.filter((r) => shown(r, "open"));
  let withheld = responses.length < all.length;
  const quotedIn = (response: (typeof all)[number], key: string) => response.quotes.find((q) => q.remarkKey === key)?.reportQuote.report.title ?? null;
  const remark = (response: (typeof all)[number], key: string, text: string): Remark => ({
    handle: remarkHandle(response.id, key),
    text,
    name: response.registration?.name ?? null,
    quoteNamed: response.quoteNamed,
    quotedIn: quotedIn(response, key),
  });
  const sessions = conference.sessions
    .map((session) => {
      const every = all.flatMap((r) => r.sessions.filter((s) => s.sessionId === session.id).map((s) => ({ response: r, answer: s })));
      const answers = every.filter((a) => shown(a.response, session.id));
      if (answers.length < every.length) withheld = true;
      return {
        id: session.id,
        title: session.title,
        responses: answers.length,
        rating: summary(answers.map((a) => a.answer.rating)),
        remarks: answers.flatMap((a) => (a.answer.remark ? [remark(a.response, session.id, a.answer.remark)] : [])).sort(byHandle),
      };
    })
    .filter((session) => session.responses > 0);
  return {
    conference: { id: conference.id, title: conference.title },
    invited,
    reminded,
    answered,
    responses: all.length,
    /** Anonymous answers about a part with fewer than MIN_GROUP people were left out. */
    withheld,
    rating: summary(responses.map((r) => r.rating)),
    remarks: responses.flatMap((r) => (r.remark ? [remark(r, "open", r.remark)] : [])).sort(byHandle),
    sessions,
  };
}
export type SurveyResults = NonNullable<Awaited<ReturnType<typeof surveyResults>>>;

/** The reports of a conference a remark can be quoted in. */
export async function reportsOfConference(organisationId: string, conferenceId: string) {
  return db.report.findMany({ where: { organisationId, conferenceId }, orderBy: { createdAt: "asc" }, select: { id: true, title: true } });
}
