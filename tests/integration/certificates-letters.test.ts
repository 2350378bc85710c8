// A certificate prints every name as it is written (issue 15, point 4): Polish and Turkish letters that pdfkit's
// built-in Helvetica cannot hold come out of the PDF's text exactly, drawn in the brand font's subsets, and the
// layout keeps its place. Set PODIUM_PDF_PREVIEW to a directory to get the page as a PNG to look at.
import { randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import { saveCertificateSettingsDefinition } from "@/lib/certificates/definitions";
import { issueDueCertificates } from "@/lib/certificates/mutations";
import { recordScan } from "@/lib/checkin/scan";
import { db } from "@/lib/db";
import { GET as certificateRoute } from "@/app/api/manage/[token]/certificate/route";
import { pdfFonts, pdfInfo, pdfPagePng, pdfText } from "../support/pdf";
import { registerForConference } from "../support/sign-up";
import { createConference, discardTestEmails, manageTokenFrom, registrationInput, session, uniqueEmail, type TestConference } from "../support/factories";
import { addMember, createUser } from "../support/organisation-factories";

vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null }));

type AnyDefinition = ActionDefinition<never, unknown, string>;
const HOUR = 3_600_000;
const WORKSHOP = "Çocuk ve gençlik: wat İstanbul ons leert";
const TITLE = "Werkconferentie Łódź–Dordrecht";

let conference: TestConference;
let endsAt: Date;

async function attendee(name: string, locale: "nl" | "en") {
  const email = uniqueEmail("letters");
  const outcome = await registerForConference(conference.slug, registrationInput({ name, email, locale, workshops: { [conference.rounds[0]!.id]: session(conference, 0, 0).id } }));
  if (!outcome.ok || !outcome.registrationId) throw new Error(`registration failed: ${JSON.stringify(outcome)}`);
  const { ticketCode } = await db.registration.findUniqueOrThrow({ where: { id: outcome.registrationId }, select: { ticketCode: true } });
  const { startsAt } = await db.conference.findUniqueOrThrow({ where: { id: conference.id }, select: { startsAt: true } });
  // At the door before the start, then in the workshop's room (round 1 begins an hour in).
  const scan = (sessionId: string | undefined, at: number) =>
    recordScan({ conferenceId: conference.id, code: ticketCode, method: "QR", scannedAt: new Date(startsAt.getTime() + at), clientNonce: randomUUID(), deviceId: "door", hostUserId: null, sessionId });
  expect((await scan(undefined, -0.25 * HOUR)).kind).toBe("welcome");
  expect((await scan(session(conference, 0, 0).id, HOUR)).kind).toBe("welcome");
  return email;
}

async function certificatePdf(email: string, locale: "nl" | "en"): Promise<Uint8Array> {
  const [mail] = await db.emailOutbox.findMany({ where: { toAddress: email, kind: "certificate.issued" } });
  const token = manageTokenFrom(mail?.textBody ?? "");
  const response = await certificateRoute(new Request(`http://podium.test/api/manage/${token}/certificate?taal=${locale}`), { params: Promise.resolve({ token }) });
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

beforeAll(async () => {
  conference = await createConference({ rounds: [[20]] });
  await db.conference.update({ where: { id: conference.id }, data: { title: TITLE } });
  await db.programmeSession.update({ where: { id: session(conference, 0, 0).id }, data: { title: WORKSHOP } });
  ({ endsAt } = await db.conference.findUniqueOrThrow({ where: { id: conference.id }, select: { endsAt: true } }));
  const organiser = await createUser("organisator");
  await addMember(conference.organisationId, organiser, "ORGANISER");
  const saved = await runAuthorized(saveCertificateSettingsDefinition as unknown as AnyDefinition, organiser, {
    conferenceId: conference.id,
    enabled: "on",
    [`hours.${session(conference, 0, 0).id}`]: "1,5",
  });
  expect(saved).toMatchObject({ ok: true });
});

afterAll(async () => {
  await discardTestEmails();
  await db.$disconnect();
});

describe("certificate letters", () => {
  it("prints Polish and Turkish names, titles and sessions exactly, in Source Sans 3", async () => {
    const lukasz = await attendee("Łukasz Wiśniewski", "nl");
    const sule = await attendee("Şule Yılmaz-Öztürk", "en");
    expect(await issueDueCertificates(new Date(endsAt.getTime() + HOUR))).toBe(2);

    const pdf = await certificatePdf(lukasz, "nl");
    expect(await pdfInfo(pdf)).toMatchObject({ pages: 1, width: 595.28, height: 841.89 });
    const text = await pdfText(pdf);
    expect(text).toContain("Łukasz Wiśniewski");
    expect(text).toContain(TITLE);
    expect(text).toContain("Certificaat van deelname");
    expect(text).toMatch(new RegExp(`${WORKSHOP}\\s+1,5`));
    expect(text).toMatch(/Totaal geaccrediteerde uren\s+1,5/);
    // Only the brand font's faces are embedded: nothing falls back to a built-in font.
    expect(await pdfFonts(pdf)).toEqual(["SourceSans3-Regular", "SourceSans3-SemiBold"]);

    const english = await certificatePdf(sule, "en");
    const englishText = await pdfText(english);
    expect(englishText).toContain("Şule Yılmaz-Öztürk");
    expect(englishText).toContain("Certificate of attendance");
    expect(englishText).toMatch(new RegExp(`${WORKSHOP}\\s+1.5`));

    if (process.env.PODIUM_PDF_PREVIEW) {
      await writeFile(path.join(process.env.PODIUM_PDF_PREVIEW, "certificate-nl.png"), await pdfPagePng(pdf, 100));
      await writeFile(path.join(process.env.PODIUM_PDF_PREVIEW, "certificate-en.png"), await pdfPagePng(english, 100));
    }
  });
});
