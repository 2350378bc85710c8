// What an attendee can do with their manage link besides choosing workshops, and what they hear of it (issue 14,
// item 4): a changed workshop brings the updated ticket, a cancellation its confirmation, the personal calendar
// holds the workshops with their rooms, and name, organisation and address can be corrected, a new address only
// once it is confirmed from there. Every email names the organiser with its contact address.
import { afterAll, describe, expect, it } from "vitest";
import { GET as personalCalendarRoute } from "@/app/api/manage/[token]/calendar/route";
import { db } from "@/lib/db";
import { confirmEmailChange, emailChangeOfToken } from "@/lib/registrations/email-change";
import { cancelByToken, changeWorkshops, eraseByToken, pendingEmailChange, updateDetails } from "@/lib/registrations/manage";
import { registrationOfToken } from "@/lib/registrations/manage-links";
import { hashToken } from "@/lib/tokens";
import { searchKey } from "@/lib/text";
import { registerForConference } from "../support/sign-up";
import {
  createConference,
  discardTestEmails,
  emailsTo,
  latestManageToken,
  registrationInput,
  round,
  session,
  type TestConference,
  uniqueEmail,
} from "../support/factories";

const CONTACT = "vragen@werkplaats.example";

/** A conference whose organisation has a contact address, with rooms for its workshops. */
async function conferenceWithRooms(options: Parameters<typeof createConference>[0] = {}): Promise<TestConference> {
  const conference = await createConference(options);
  await db.organisation.update({ where: { id: conference.organisationId }, data: { contactEmail: CONTACT } });
  const { venueId } = await db.conference.findUniqueOrThrow({ where: { id: conference.id }, select: { venueId: true } });
  for (const [index, testRound] of conference.rounds.entries()) {
    for (const [position, testSession] of testRound.sessions.entries()) {
      const room = await db.room.create({ data: { venueId: venueId ?? "", name: `Zaal ${index + 1}${String.fromCharCode(65 + position)}`, capacity: 40 } });
      await db.programmeSession.update({ where: { id: testSession.id }, data: { roomId: room.id } });
    }
  }
  return conference;
}

async function registered(conference: TestConference, workshops: Record<string, string> = {}) {
  const input = registrationInput({ workshops, name: "Sanne de Vries", organisation: "Gemeente Dordrecht" });
  const outcome = await registerForConference(conference.slug, input);
  if (!outcome.ok || !outcome.registrationId) throw new Error(JSON.stringify(outcome));
  return { id: outcome.registrationId, email: input.email, token: await latestManageToken(input.email) };
}

const emailOf = async (address: string, kind: string) => {
  const found = (await emailsTo(address)).filter((e) => e.kind === kind).at(-1);
  if (!found) throw new Error(`no ${kind} to ${address}: ${(await emailsTo(address)).map((e) => e.kind).join(", ")}`);
  return found;
};

const attachment = (email: { attachments: unknown }, type: string) =>
  (email.attachments as Array<{ contentType: string; content: string }>).find((a) => a.contentType.startsWith(type));

afterAll(async () => {
  await discardTestEmails();
  await db.$disconnect();
});

describe("changing workshops and cancelling", () => {
  it("a change of workshops brings the updated ticket, with the workshops and their rooms in the text and the calendar", async () => {
    const conference = await conferenceWithRooms({ rounds: [[5, 1], [5]] });
    const [first, second] = [round(conference, 0), round(conference, 1)];
    const person = await registered(conference, { [first.id]: session(conference, 0, 0).id });
    await registered(conference, { [first.id]: session(conference, 0, 1).id });

    // Workshop 1B is full: choosing it is its waiting list; 2A has room.
    expect(await changeWorkshops(person.token, { [first.id]: session(conference, 0, 1).id, [second.id]: session(conference, 1, 0).id })).toEqual({ ok: true });
    const ticket = await emailOf(person.email, "registration.workshopsChanged");
    expect(ticket.subject).toContain("Je bijgewerkte ticket voor Testconferentie");
    expect(ticket.textBody).toMatch(/Workshop 1B, Zaal 1B \(wachtlijst\)/);
    expect(ticket.textBody).toMatch(/Workshop 2A, Zaal 2A\n/);
    expect(ticket.textBody).toContain(`Vragen? Mail de organisatie: ${CONTACT}`);
    expect(ticket.headers).toMatchObject({ "Reply-To": CONTACT });
    expect(attachment(ticket, "image/png")).toBeDefined();
    const ics = Buffer.from(attachment(ticket, "text/calendar")?.content ?? "", "base64").toString("utf8");
    expect(ics).toContain("SUMMARY:Workshop 2A");
    expect(ics).toContain("LOCATION:zaal Zaal 2A\\, Theater De Test");
    expect(ics).toMatch(/SUMMARY:Workshop 1B \(wachtlijst\)[\s\S]*STATUS:TENTATIVE/);

    // Two quick changes before the mail worker gets to them: one email, of the last.
    await changeWorkshops(person.token, { [first.id]: session(conference, 0, 0).id, [second.id]: "" });
    await changeWorkshops(person.token, { [first.id]: session(conference, 0, 0).id, [second.id]: session(conference, 1, 0).id });
    const changed = (await emailsTo(person.email)).filter((e) => e.kind === "registration.workshopsChanged");
    expect(changed).toHaveLength(2);
    expect(changed.at(-1)?.textBody).toMatch(/Workshop 1A, Zaal 1A\n/);
  });

  it("the personal calendar from the manage page holds the conference and each workshop with its room", async () => {
    const conference = await conferenceWithRooms({ rounds: [[5]] });
    const person = await registered(conference, { [round(conference, 0).id]: session(conference, 0, 0).id });
    const response = await personalCalendarRoute(new Request(`http://localhost/api/manage/${person.token}/calendar`), {
      params: Promise.resolve({ token: person.token }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const ics = await response.text();
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain(`SUMMARY:Testconferentie`);
    expect(ics).toMatch(/SUMMARY:Workshop 1A\r\n/);
    expect(ics).toContain("LOCATION:zaal Zaal 1A\\, Theater De Test\\, Teststraat 1\\, 1234 AB Dordrecht");
  });

  it("a cancellation is confirmed by email, naming the organiser", async () => {
    const conference = await conferenceWithRooms();
    const person = await registered(conference);
    expect(await cancelByToken(person.token)).toEqual({ ok: true });
    const email = await emailOf(person.email, "registration.cancelled");
    expect(email.subject).toContain("Je bent afgemeld voor Testconferentie");
    expect(email.textBody).toContain("Je ticket is niet meer geldig");
    expect(email.textBody).toMatch(/Georganiseerd door Testorganisatie \w+\.\nVragen\? Mail de organisatie: vragen@werkplaats\.example/);
    // Cancelling again sends nothing more.
    expect(await cancelByToken(person.token)).toEqual({ ok: true });
    expect((await emailsTo(person.email)).filter((e) => e.kind === "registration.cancelled")).toHaveLength(1);
  });
});

describe("correcting name, organisation and address", () => {
  it("corrects name and organisation at once, and the door's search finds the new name", async () => {
    const conference = await conferenceWithRooms();
    const person = await registered(conference);
    const outcome = await updateDetails(person.token, { name: "Sanne de Vries-Bakker", email: person.email, organisation: "Wijkteam Zuid", jobRole: undefined });
    expect(outcome).toEqual({ ok: true, emailSentTo: null });
    const row = await db.registration.findUniqueOrThrow({ where: { id: person.id } });
    expect([row.name, row.organisation, row.jobRole, row.searchText]).toEqual([
      "Sanne de Vries-Bakker",
      "Wijkteam Zuid",
      null,
      searchKey("Sanne de Vries-Bakker", "Wijkteam Zuid"),
    ]);
    // The same address in other letters is no change of address.
    expect(await updateDetails(person.token, { name: "Sanne", email: person.email.toUpperCase(), organisation: undefined, jobRole: undefined })).toEqual({ ok: true, emailSentTo: null });
    expect(await db.emailChange.count({ where: { registrationId: person.id } })).toBe(0);
  });

  it("moves to a new address only once it is confirmed from there; the old one works until then", async () => {
    const conference = await conferenceWithRooms();
    const person = await registered(conference);
    const newEmail = uniqueEmail("nieuw-adres");

    expect(await updateDetails(person.token, { name: "Sanne de Vries", email: newEmail, organisation: undefined, jobRole: undefined })).toEqual({ ok: true, emailSentTo: newEmail });
    // Nothing moved yet: the registration, its manage link and the emails stay with the old address.
    expect((await db.registration.findUniqueOrThrow({ where: { id: person.id } })).email).toBe(person.email);
    expect(await registrationOfToken(person.token)).not.toBeNull();
    expect((await pendingEmailChange(person.id))?.newEmail).toBe(newEmail);

    const request = await emailOf(newEmail, "registration.emailChange");
    expect(request.textBody).toContain("De link werkt 24 uur.");
    expect(request.textBody).toContain(CONTACT);
    const token = /\/aanmelding\/nieuw-adres\/([A-Za-z0-9_-]{20,100})/.exec(request.textBody)?.[1] ?? "";
    // Stored only as its hash, and long enough not to be guessed.
    expect(token.length).toBeGreaterThanOrEqual(40);
    const stored = await db.emailChange.findFirstOrThrow({ where: { registrationId: person.id } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await emailChangeOfToken(token))?.newEmail).toBe(newEmail);

    expect(await confirmEmailChange(token)).toEqual({ ok: true });
    const row = await db.registration.findUniqueOrThrow({ where: { id: person.id } });
    expect([row.email, row.activeEmailKey]).toEqual([newEmail, newEmail.toLowerCase()]);
    // The ticket at the new address, with a manage link of its own; a notice at the old one.
    const ticket = await emailOf(newEmail, "registration.addressChanged");
    expect(ticket.textBody).toContain(`Ticketcode: ${row.ticketCode}`);
    expect(await registrationOfToken(/\/aanmelding\/([A-Za-z0-9_-]{20,100})/.exec(ticket.textBody)?.[1] ?? "")).toMatchObject({ id: person.id });
    const notice = await emailOf(person.email, "registration.emailChanged");
    expect(notice.textBody).toContain(newEmail);
    expect(notice.textBody).toContain(`Neem dan contact op met de organisatie: ${CONTACT}`);
    // The link works once; the old manage link still opens the registration.
    expect(await confirmEmailChange(token)).toEqual({ ok: false, reason: "notFound" });
    expect(await registrationOfToken(person.token)).toMatchObject({ id: person.id });
    // The old address is free for someone else now.
    expect((await registerForConference(conference.slug, registrationInput({ email: person.email }))).ok).toBe(true);
  });

  it("refuses an address someone else has here, an expired link, and forgets a request when the person is erased", async () => {
    const conference = await conferenceWithRooms();
    const person = await registered(conference);
    const other = await registered(conference);
    expect(await updateDetails(person.token, { name: "Sanne", email: other.email.toUpperCase(), organisation: undefined, jobRole: undefined })).toEqual({ ok: false, reason: "emailTaken" });

    const newEmail = uniqueEmail("verlopen");
    await updateDetails(person.token, { name: "Sanne", email: newEmail, organisation: undefined, jobRole: undefined });
    const token = /\/aanmelding\/nieuw-adres\/([A-Za-z0-9_-]{20,100})/.exec((await emailOf(newEmail, "registration.emailChange")).textBody)?.[1] ?? "";
    await db.emailChange.updateMany({ where: { registrationId: person.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await emailChangeOfToken(token)).toBeNull();
    expect(await confirmEmailChange(token)).toEqual({ ok: false, reason: "notFound" });
    expect((await db.registration.findUniqueOrThrow({ where: { id: person.id } })).email).toBe(person.email);

    // Meanwhile someone registered the new address: confirming cannot take it from them.
    const contested = uniqueEmail("betwist");
    await updateDetails(person.token, { name: "Sanne", email: contested, organisation: undefined, jobRole: undefined });
    const contestedToken = /\/aanmelding\/nieuw-adres\/([A-Za-z0-9_-]{20,100})/.exec((await emailOf(contested, "registration.emailChange")).textBody)?.[1] ?? "";
    expect((await registerForConference(conference.slug, registrationInput({ email: contested }))).ok).toBe(true);
    expect(await confirmEmailChange(contestedToken)).toEqual({ ok: false, reason: "emailTaken" });

    expect(await eraseByToken(person.token)).toEqual({ ok: true });
    expect(await db.emailChange.count({ where: { registrationId: person.id } })).toBe(0);
  });

  it("sends at most three confirmation links an hour per registration", async () => {
    const conference = await conferenceWithRooms();
    const person = await registered(conference);
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await updateDetails(person.token, { name: "Sanne", email: uniqueEmail(`poging-${i}`), organisation: undefined, jobRole: undefined }));
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, false]);
    expect(outcomes[3]).toMatchObject({ ok: false, reason: "rateLimited" });
  });
});
