// The survey form's rules, as the browser and the server both run them (lib/feedback/schema.ts).
import { describe, expect, it } from "vitest";
import { answerFromFormData, answerSchema, REMARK_MAX, surveySettingsSchema } from "./schema";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("the attendee's answers", () => {
  it("reads the flat names of a form posted without JavaScript, per session", () => {
    const parsed = answerSchema.parse(
      answerFromFormData(form({ rating: "4", remark: "  Goed  ", "sessions.s1.rating": "5", "sessions.s1.remark": "", "sessions.s2.remark": "Kort", named: "on", $ACTION_ID_x: "" })),
    );
    expect(parsed).toEqual({ rating: 4, remark: "Goed", named: true, quoteNamed: false, sessions: { s1: { rating: 5, remark: null }, s2: { rating: null, remark: "Kort" } } });
  });

  it("requires the conference's rating, from 1 to 5", () => {
    expect(answerSchema.safeParse(answerFromFormData(form({ remark: "Alleen tekst" }))).error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["rating", "ratingRequired"]]);
    expect(answerSchema.safeParse(answerFromFormData(form({ rating: "6" }))).error?.issues[0]?.message).toBe("rating");
    expect(answerSchema.safeParse(answerFromFormData(form({ rating: "3", "sessions.s1.rating": "0" }))).error?.issues[0]?.path.join(".")).toBe("sessions.s1.rating");
  });

  it("quotes by name only someone who chose to be named", () => {
    expect(answerSchema.parse(answerFromFormData(form({ rating: "3", quoteNamed: "on" }))).quoteNamed).toBe(false);
    expect(answerSchema.parse(answerFromFormData(form({ rating: "3", named: "on", quoteNamed: "on" }))).quoteNamed).toBe(true);
  });

  it("refuses a remark longer than the limit on its field", () => {
    const issue = answerSchema.safeParse(answerFromFormData(form({ rating: "3", remark: "x".repeat(REMARK_MAX + 1) }))).error?.issues[0];
    expect([issue?.path.join("."), issue?.message]).toEqual(["remark", "tooLong"]);
  });
});

describe("the organiser's settings", () => {
  it("closes after it sends, and takes empty questions as the standard words", () => {
    const base = { conferenceId: "c1", enabled: "on", sendAt: "2027-03-12T09:00", closesAt: "2027-04-01T17:00" };
    expect(surveySettingsSchema.parse(base)).toMatchObject({ enabled: true, askSessions: false, ratingQuestionNl: null, openQuestionEn: null });
    const backwards = surveySettingsSchema.safeParse({ ...base, closesAt: "2027-03-12T08:00" });
    expect(backwards.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["closesAt", "closesBeforeSend"]]);
  });
});
