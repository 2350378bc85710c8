// Issue 15, point 9, with the other parts of issue 15: a retention purge takes what the certificates and the
// survey hold about a person along with the rest (registry numbers, survey invitation and personal links, the
// name on a named answer), and keeps what they exist to keep: the certificate's verification (name, conference,
// hours, valid), the check-ins and the organiser's attendance corrections (without their reasons), and the
// survey's answers, anonymous. Every row is made as people make it: sign-up, the manage page, the door and the
// room, the organiser's correction and settings, the certificate job, the survey's link.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { correctAttendanceDefinition } from "@/lib/attendance/definitions";
import { attendanceOfRegistration } from "@/lib/attendance/queries";
import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import type { CurrentUser } from "@/lib/auth/session";
import { saveCertificateSettingsDefinition } from "@/lib/certificates/definitions";
import { issueDueCertificates } from "@/lib/certificates/mutations";
import { verifyCertificate } from "@/lib/certificates/queries";
import { recordScan } from "@/lib/checkin/scan";
import { db } from "@/lib/db";
import { saveSurveyDefinition } from "@/lib/feedback/definitions";
import { queueSurveyEmails } from "@/lib/feedback/invitations";
import { submitAnswer } from "@/lib/feedback/mutations";
import { surveyOfToken, surveyResults } from "@/lib/feedback/queries";
import { answerSchema } from "@/lib/feedback/schema";
import { saveRegistryNumbersByToken } from "@/lib/registrations/registry-numbers";
import { purgeDueData } from "@/lib/retention/mutations";
import { toAmsterdamInput } from "@/lib/time/amsterdam";
import { registerForConference } from "../support/sign-up";
import { createConference, discardTestEmails, latestManageToken, registrationInput, session, type TestConference } from "../support/factories";
import { addMember, createUser } from "../support/organisation-factories";

// next-auth's ESM build imports "next/server" in a way only Next's bundler resolves; the actions run with the user passed in.
vi.mock("@/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined }));

type AnyDefinition = ActionDefinition<never, unknown, string>;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NAME = "Fenna Vergeetmij";
const REASON = "Fenna zat achterin bij 1B, zegt haar collega";

let conference: TestConference;
let organiser: CurrentUser;
let endsAt: Date;
let fenna: string;
let surveyToken: string;
let verificationCode: string;

afterAll(async () => {
  await discardTestEmails();
  await db.$disconnect();
});

beforeAll(async () => {
  conference = await createConference({ rounds: [[10, 10]] });
  organiser = await createUser("organisator");
  await addMember(conference.organisationId, organiser, "ORGANISER");
  const workshopA = session(conference, 0, 0).id;
  const workshopB = session(conference, 0, 1).id;

  // She signs up, and gives her SKJ number on the manage page, consenting to pass it to the register.
  const input = registrationInput({ name: NAME, workshops: { [conference.rounds[0]!.id]: workshopA } });
  const outcome = await registerForConference(conference.slug, input);
  if (!outcome.ok || !outcome.registrationId) throw new Error(`sign-up failed: ${JSON.stringify(outcome)}`);
  fenna = outcome.registrationId;
  const manageToken = await latestManageToken(input.email);
  expect(await saveRegistryNumbersByToken(manageToken, { "registry.SKJ": "100123456", registryConsent: "on" })).toMatchObject({ status: "saved" });

  // The conference took place two days ago (moved as an organiser would move its dates).
  const startsAt = new Date(Date.now() - 2 * DAY);
  endsAt = new Date(startsAt.getTime() + 8 * HOUR);
  await db.conference.update({ where: { id: conference.id }, data: { startsAt, endsAt, registrationOpensAt: new Date(startsAt.getTime() - 20 * DAY), registrationClosesAt: new Date(startsAt.getTime() - DAY) } });
  for (const s of conference.rounds[0]!.sessions) {
    await db.programmeSession.update({ where: { id: s.id }, data: { startsAt: new Date(startsAt.getTime() + HOUR), endsAt: new Date(startsAt.getTime() + 2 * HOUR) } });
  }

  // The door, then workshop A's room; the organiser adds workshop B by hand, with a reason.
  const { ticketCode } = await db.registration.findUniqueOrThrow({ where: { id: fenna }, select: { ticketCode: true } });
  const scan = (sessionId: string | undefined, at: Date) =>
    recordScan({ conferenceId: conference.id, code: ticketCode, method: "QR", scannedAt: at, clientNonce: randomUUID(), deviceId: "door", hostUserId: null, sessionId });
  expect((await scan(undefined, new Date(startsAt.getTime() - 0.25 * HOUR))).kind).toBe("welcome");
  expect((await scan(workshopA, new Date(startsAt.getTime() + HOUR))).kind).toBe("welcome");
  const corrected = await runAuthorized(correctAttendanceDefinition as unknown as AnyDefinition, organiser, {
    conferenceId: conference.id, sessionId: workshopB, registrationId: fenna, present: "present", reason: REASON,
  });
  expect(corrected).toMatchObject({ ok: true });

  // Certificates: on, an hour and a half for workshop A, one for B; the job issues hers.
  const settings = await runAuthorized(saveCertificateSettingsDefinition as unknown as AnyDefinition, organiser, {
    conferenceId: conference.id, enabled: "on", [`hours.${workshopA}`]: "1,5", [`hours.${workshopB}`]: "1",
  });
  expect(settings).toMatchObject({ ok: true });
  expect(await issueDueCertificates(new Date(endsAt.getTime() + HOUR))).toBeGreaterThanOrEqual(1);
  ({ verificationCode } = await db.certificate.findUniqueOrThrow({ where: { registrationId: fenna } }));

  // The survey: sent half a day after the end; she answers through her link and chooses to be named.
  const sendAt = new Date(endsAt.getTime() + 12 * HOUR);
  const survey = await runAuthorized(saveSurveyDefinition as unknown as AnyDefinition, organiser, {
    conferenceId: conference.id, enabled: "on", askSessions: "on", sendAt: toAmsterdamInput(sendAt), closesAt: toAmsterdamInput(new Date(sendAt.getTime() + 21 * DAY)),
  });
  expect(survey).toMatchObject({ ok: true });
  const { sendAt: savedSendAt } = await db.conferenceSurvey.findUniqueOrThrow({ where: { conferenceId: conference.id } });
  await queueSurveyEmails(new Date(savedSendAt.getTime() + 60_000));
  const invitation = await db.emailOutbox.findFirstOrThrow({ where: { kind: "feedback.invitation", registrationId: fenna } });
  surveyToken = /\/feedback\/([A-Za-z0-9_-]{20,100})/.exec(invitation.textBody)?.[1] ?? "";
  const answer = answerSchema.parse({ rating: "4", remark: "Goede dag, veel geleerd.", named: "on", quoteNamed: "on" });
  expect(await submitAnswer(surveyToken, answer, new Date(savedSendAt.getTime() + HOUR))).toEqual({ ok: true });
});

describe("a retention purge and the parts of issue 15", () => {
  it("takes registry numbers, survey links and the answer's name, and keeps the verification, attendance and corrections", async () => {
    const workshopB = session(conference, 0, 1).id;
    // Before: everything is there, so that what follows cannot pass on an empty table.
    expect(await db.registryNumber.count({ where: { registrationId: fenna } })).toBe(1);
    expect(await db.surveyInvitation.count({ where: { registrationId: fenna } })).toBe(1);
    expect(await db.surveyLink.count({ where: { registrationId: fenna } })).toBe(1);
    expect(await surveyOfToken(surveyToken)).not.toBeNull();
    const named = (await surveyResults(conference.organisationId, conference.id))!.remarks.find((r) => r.text === "Goede dag, veel geleerd.");
    expect(named).toMatchObject({ name: NAME, quoteNamed: true });
    const verification = { holderName: NAME, conferenceTitle: expect.stringContaining("Testconferentie"), minutes: 150, revokedAt: null };
    expect(await verifyCertificate(verificationCode)).toMatchObject(verification);
    const workshopA = session(conference, 0, 0).id;
    const attendance = await attendanceOfRegistration(conference.id, fenna);
    expect(Object.fromEntries(attendance)).toEqual({ [workshopA]: "room", [workshopB]: "correction" });
    const checkIns = await db.checkIn.findMany({ where: { registrationId: fenna }, select: { sessionId: true, scannedAt: true }, orderBy: { scannedAt: "asc" } });
    expect(checkIns).toHaveLength(2);
    expect(await db.attendanceCorrection.findMany({ where: { registrationId: fenna }, select: { sessionId: true, present: true, reason: true } })).toEqual([
      { sessionId: workshopB, present: true, reason: REASON },
    ]);

    // A year and a day after the end, the job purges her personal data.
    const purges = await purgeDueData(new Date(endsAt.getTime() + 366 * DAY), { organisationId: conference.organisationId });
    expect(purges).toContainEqual({ conferenceId: conference.id, step: "PERSONAL_DATA", registrations: 1 });
    expect(await db.registration.findUniqueOrThrow({ where: { id: fenna }, select: { name: true, erasedAt: true } })).toMatchObject({ name: "Verwijderd", erasedAt: expect.any(Date) });

    // Gone: the registry numbers, the invitation and its links (the link opens nothing), the name on the answer.
    expect(await db.registryNumber.count({ where: { registrationId: fenna } })).toBe(0);
    expect(await db.surveyInvitation.count({ where: { registrationId: fenna } })).toBe(0);
    expect(await db.surveyLink.count({ where: { registrationId: fenna } })).toBe(0);
    expect(await surveyOfToken(surveyToken)).toBeNull();
    // The answer stays, anonymous like everyone else's; as the only one it is now withheld from the organiser's
    // results (lib/feedback's MIN_GROUP), which no longer name her.
    expect(await db.surveyResponse.findMany({ where: { conferenceId: conference.id }, select: { registrationId: true, quoteNamed: true, rating: true, remark: true } })).toEqual([
      { registrationId: null, quoteNamed: false, rating: 4, remark: "Goede dag, veel geleerd." },
    ]);
    const results = (await surveyResults(conference.organisationId, conference.id))!;
    expect(results).toMatchObject({ responses: 1, withheld: true });
    expect(JSON.stringify(results)).not.toContain(NAME);

    // Kept: the certificate's verification, as it was; the check-ins; the attendance; the correction without its reason.
    expect(await verifyCertificate(verificationCode)).toMatchObject(verification);
    expect(await db.checkIn.findMany({ where: { registrationId: fenna }, select: { sessionId: true, scannedAt: true }, orderBy: { scannedAt: "asc" } })).toEqual(checkIns);
    expect(await attendanceOfRegistration(conference.id, fenna)).toEqual(attendance);
    expect(await db.attendanceCorrection.findMany({ where: { registrationId: fenna }, select: { sessionId: true, present: true, reason: true } })).toEqual([
      { sessionId: workshopB, present: true, reason: null },
    ]);
  });
});
