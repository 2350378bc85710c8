// Issue 15, point 10: an organiser's whole day, end to end, on a conference of this spec's own (the shared demo
// conference keeps its places). The organiser makes a conference that began two hours ago and ends in a few
// minutes, with a plenary opening and a workshop round of two workshops in two rooms, keeps sign-up open until the
// end, turns certificates on with hours and codes and sets the survey. Three people sign up on the public form (one
// in English, one giving a BIG number with consent). The host checks them in at the front door, then in room mode at
// each workshop's room, where one of them is in the wrong workshop and admitted anyway. Once the end has passed the
// mail worker sends the certificates: the wrong-room person's PDF is downloaded from the link, rendered to PNG
// (test-results/…/certificaat.png, to look at) and read back: the opening and the workshop he sat in with their
// hours and codes, not the workshop he chose and skipped; /certificaat/<code> verifies it. The survey invitations
// follow; two people answer (one without JavaScript), the organiser sees the counts and the average, and quotes a
// remark into the conference's sfeerverslag, which shows it on the public report page. Every page the spec visits
// with JavaScript gets an axe audit (e2e/support/fixtures.ts). It takes about as long as the conference has left
// (three to four minutes) plus the mail worker's next round.
import { writeFile } from "node:fs/promises";
import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { pdfPagePng, pdfText } from "../tests/support/pdf";
import { amsterdamInput } from "./support/amsterdam-input";
import { DOOR_HOST } from "./support/door";
import { signInByEmail } from "./support/email-sign-in";
import { expect, PageAuditor, test } from "./support/fixtures";
import { waitForMail } from "./support/mail";

const ORGANISER = "organisator@podium.test";
const ORGANISATION = "/beheer/werkplaats-sociaal-domein-zhz";
const MINUTE = 60_000;

const suffix = Date.now().toString(36);
const title = `Werkconferentie de hele dag ${suffix}`;
const slug = `werkconferentie-hele-dag-${suffix}`;
const OPENING = `Opening: de wijk van morgen ${suffix}`;
const workshopA = `Buurtkracht ${suffix}`;
const workshopB = `Wijkteams ${suffix}`;
const reportTitle = `Sfeerverslag hele dag ${suffix}`;
// Wies chooses A and sits in A. Pim chooses B, gives his BIG number, and sits in A (the wrong room, admitted
// anyway). Emma signs up in English, chooses B and sits in B.
const wies = { name: `Wies Juistezaal ${suffix}`, email: `wies.${suffix}@voorbeeld.test` };
const pim = { name: `Pim Anderezaal ${suffix}`, email: `pim.${suffix}@voorbeeld.test` };
const emma = { name: `Emma English ${suffix}`, email: `emma.${suffix}@example.test` };
const pimRemark = `De workshop over buurtkracht gaf me nieuwe ideeën (${suffix}).`;
const wiesRemark = `Goed georganiseerd, fijne sprekers (${suffix}).`;

// The day: it began two hours ago and ends on a whole minute (the forms have no seconds) three to four minutes
// from now: long enough for everything before the end (sign-up and check-ins must happen while it runs, about two
// minutes on a busy machine), short enough to wait for. The certificate and survey mails go only after the end.
const start = new Date(Math.floor((Date.now() - 120 * MINUTE) / MINUTE) * MINUTE);
const end = new Date(Math.ceil((Date.now() + 3 * MINUTE) / MINUTE) * MINUTE);
// The workshop round in the first hour; the opening runs all day, so arriving at the door now still counts for it
// (prisma/sql/attendance.sql: a plenary counts for whoever arrived before it ended).
const workshopStart = new Date(start.getTime() + 15 * MINUTE);
const workshopEnd = new Date(start.getTime() + 75 * MINUTE);

test.describe.configure({ timeout: 480_000 });
// A step that cannot happen fails within a minute rather than at the test's end.
test.use({ actionTimeout: 20_000 });

/** A browser of its own for one person, every page it opens audited with axe when JavaScript runs. */
async function person(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ locale: "nl-NL", timezoneId: "America/New_York", ...options });
  const page = await context.newPage();
  const audit = new PageAuditor([]);
  const audited = options.javaScriptEnabled !== false;
  if (audited) audit.instrument(page);
  return {
    page,
    done: async () => {
      if (audited) await audit.finish(context, true);
      await context.close();
    },
  };
}

/** Signs up on the public form, as a visitor does; the ticket code from the confirmation email. */
async function signUp(browser: Browser, who: { name: string; email: string }, workshop: string, english = false, big?: string): Promise<string> {
  const visitor = await person(browser, { locale: english ? "en-GB" : "nl-NL", viewport: { width: 390, height: 844 } });
  const form = visitor.page;
  await form.goto(`${english ? "/en" : ""}/conferenties/${slug}`);
  await form.getByRole("link", { name: english ? /^Sign up/ : /^Aanmelden/ }).first().click();
  await form.getByLabel(english ? "Name" : "Naam", { exact: true }).fill(who.name);
  await form.getByLabel(english ? "Email address" : "E-mailadres", { exact: true }).fill(who.email);
  await form.getByRole("radio", { name: new RegExp(workshop) }).check();
  if (big) {
    await form.getByLabel(/BIG-register/).fill(big);
    await form.getByLabel("Geef mijn aanwezigheid door aan de registers hierboven").check();
  }
  await form.getByLabel(english ? /I agree to the processing/ : /Ik ga akkoord met de verwerking/).check();
  await form.getByRole("button", { name: english ? "Sign up" : "Aanmelden", exact: true }).click();
  await expect(form.getByRole("heading", { name: english ? "You are signed up" : "Je bent aangemeld" })).toBeVisible();
  await visitor.done();
  const mail = await waitForMail({ to: who.email, subject: english ? "Your ticket for" : "Je ticket voor" }, 30_000);
  const code = /(?:Ticketcode|Ticket code): ([0-9A-Z]+)/.exec(mail.text)?.[1];
  if (!code) throw new Error(`no ticket code in:\n${mail.text}`);
  return code;
}

async function addSession(page: Page, fields: { title: string; kind: string; room?: string; from: Date; to: Date; round?: string }) {
  const form = page.getByRole("region", { name: "Sessie toevoegen" });
  await form.getByLabel("Titel").fill(fields.title);
  await form.getByLabel("Soort").selectOption({ label: fields.kind });
  if (fields.room) await form.getByLabel("Zaal").selectOption({ label: fields.room });
  await form.getByLabel("Begint om").fill(amsterdamInput(fields.from));
  await form.getByLabel("Eindigt om").fill(amsterdamInput(fields.to));
  if (fields.round) {
    await form.getByLabel("Workshopronde").selectOption({ label: fields.round });
    await form.getByLabel("Aantal plaatsen").fill("10");
  }
  await form.getByRole("button", { name: "Sessie toevoegen" }).click();
  await expect(form.getByText("De sessie is toegevoegd.")).toBeVisible();
  // In the programme, and the form emptied for the next one (it resets once the refreshed page is there).
  await expect(page.getByRole("article", { name: fields.title })).toBeVisible();
  await expect(form.getByLabel("Titel")).toHaveValue("");
}

/** At the door: a ticket code, the verdict, next. */
async function scan(page: Page, code: string, expected: string | RegExp) {
  await page.getByLabel("Ticketcode").fill(code);
  await page.getByRole("button", { name: "Controleer" }).click();
  await expect(page.getByRole("alertdialog")).toContainText(expected);
  await page.getByRole("button", { name: "Volgende" }).click();
}

/** Room mode at a workshop's room: the option's text holds the start time, the title and the room. */
async function atRoomOf(page: Page, workshop: string) {
  const place = page.getByLabel("Waar check je in?");
  const option = (await place.locator("option", { hasText: workshop }).textContent()) ?? "";
  await place.selectOption({ label: option.trim() });
  await expect(page.getByTestId("checkin-place")).toContainText(`Zaalmodus: ${workshop}`);
}

/** The personal survey link from the invitation to `email`, as a path. */
async function surveyLink(email: string): Promise<string> {
  const mail = await waitForMail({ to: email, subject: "Wat vond je van" }, 90_000);
  const link = /https?:\/\/[^\s/]+(\/feedback\/[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  if (!link) throw new Error(`no survey link in:\n${mail.text}`);
  return link;
}

test("an organiser's whole day: sign-up, door and room check-ins, certificates, survey and a quote in the sfeerverslag", async ({ page, browser }, testInfo) => {
  // The organiser prepares the conference: sign-up stays open until the end, as for a day people may still join.
  await signInByEmail(page, ORGANISER);
  await page.goto(`${ORGANISATION}/conferenties/nieuw`);
  await page.getByLabel("Titel", { exact: true }).fill(title);
  await page.getByLabel("Webadres").fill(slug);
  await page.getByLabel("Begint op").fill(amsterdamInput(start));
  await page.getByLabel("Eindigt op").fill(amsterdamInput(end));
  await page.getByLabel(/^Aanmelding sluit op/).fill(amsterdamInput(end));
  await page.getByLabel(/Ja, deze datum ligt in het verleden/).check();
  await page.getByLabel("Locatie").selectOption({ label: "Theater aan de Schie, Schiedam" });
  await page.getByLabel("Aantal plaatsen").fill("40");
  await page.getByRole("button", { name: "Conferentie aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const conferencePath = new URL(page.url()).pathname;
  const conferenceId = conferencePath.split("/").at(-1) ?? "";

  await page.getByRole("link", { name: /^Programma/ }).click();
  await addSession(page, { title: OPENING, kind: "Keynote", room: "Grote zaal (450 plaatsen)", from: start, to: end });
  const rounds = page.getByRole("region", { name: "Workshoprondes" });
  await rounds.getByLabel("Naam van de ronde").last().fill("Ochtendronde");
  await rounds.getByRole("button", { name: "Ronde toevoegen" }).click();
  await expect(rounds.getByText("De ronde is toegevoegd.")).toBeVisible();
  await addSession(page, { title: workshopA, kind: "Workshop", room: "Studio (30 plaatsen)", from: workshopStart, to: workshopEnd, round: "Ochtendronde" });
  await addSession(page, { title: workshopB, kind: "Workshop", room: "Repetitieruimte (25 plaatsen)", from: workshopStart, to: workshopEnd, round: "Ochtendronde" });

  // Certificates: a code for the conference from the BIG register, hours and an SKJ code per session.
  await page.goto(`${conferencePath}/certificaten`);
  await page.getByLabel("Certificaten aan").check();
  await page.getByLabel("BIG-register", { exact: true }).fill("BIG-DAG-2027");
  await page.getByLabel(`Uren: ${OPENING}`).fill("1,5");
  await page.getByLabel(`Code SKJ: ${OPENING}`).fill("SKJ-OPEN-11");
  await page.getByLabel(`Uren: ${workshopA}`).fill("1");
  await page.getByLabel(`Code SKJ: ${workshopA}`).fill("SKJ-BUURT-22");
  await page.getByLabel(`Uren: ${workshopB}`).fill("1");
  await page.getByLabel(`Code SKJ: ${workshopB}`).fill("SKJ-WIJK-33");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Opgeslagen." })).toBeVisible();

  // The survey, to go out as soon as the conference is over.
  await page.goto(`${conferencePath}/feedback`);
  await expect(page.getByRole("heading", { level: 1, name: `Vragenlijst achteraf: ${title}` })).toBeVisible();
  await page.getByLabel("Vragenlijst versturen na de conferentie").check();
  await page.getByLabel("Open vraag (Nederlands)").fill("Wat neem je mee naar je werk?");
  await page.getByLabel("Versturen vanaf").fill(amsterdamInput(end));
  await page.getByLabel("Sluit op").fill(amsterdamInput(new Date(end.getTime() + 14 * 24 * 60 * MINUTE)));
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("De vragenlijst is opgeslagen.")).toBeVisible();

  await page.goto(conferencePath);
  await page.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.getByText("De conferentie is gepubliceerd.")).toBeVisible();

  // Three people sign up on the public form.
  const wiesCode = await signUp(browser, wies, workshopA);
  const pimCode = await signUp(browser, pim, workshopB, false, "190 1234 5601");
  const emmaCode = await signUp(browser, emma, workshopB, true);

  // The host: everyone at the front door, then each workshop's room.
  const host = await person(browser);
  await signInByEmail(host.page, DOOR_HOST);
  await host.page.goto(`/checkin/${slug}`);
  await expect(host.page.getByTestId("checkin-place")).toContainText("Voordeur");
  await scan(host.page, wiesCode, `Welkom, ${wies.name}`);
  await scan(host.page, pimCode, `Welkom, ${pim.name}`);
  await scan(host.page, emmaCode, `Welkom, ${emma.name}`);

  await atRoomOf(host.page, workshopA);
  await scan(host.page, wiesCode, "In orde");
  // Pim's place is in workshop B: amber, with his own room; the host lets him in anyway.
  await host.page.getByLabel("Ticketcode").fill(pimCode);
  await host.page.getByRole("button", { name: "Controleer" }).click();
  const verdict = host.page.getByRole("alertdialog");
  await expect(verdict).toHaveAttribute("data-verdict", "wrongRoom");
  await expect(verdict.getByTestId("own-room")).toContainText(`${pim.name} heeft een plaats in: ${workshopB}`);
  await verdict.getByRole("button", { name: "Toch toelaten" }).click();
  await expect(verdict).toContainText("Toegelaten buiten de eigen keuze");
  await host.page.getByRole("button", { name: "Volgende" }).click();

  await atRoomOf(host.page, workshopB);
  await scan(host.page, emmaCode, "In orde");
  await host.done();
  expect(Date.now(), "everything before the end happened before the end").toBeLessThan(end.getTime());

  // The end passes; the mail worker sends the certificates. Pim's PDF, from the link in his email.
  const certificateMail = await waitForMail({ to: pim.email, subject: "Je certificaat van deelname" }, end.getTime() - Date.now() + 120_000);
  expect(Date.now()).toBeGreaterThanOrEqual(end.getTime());
  const download = /https?:\/\/[^\s/]+(\/api\/manage\/[A-Za-z0-9_-]+\/certificate)/.exec(certificateMail.text)?.[1] ?? "";
  expect(download).not.toBe("");
  const response = await page.request.get(download);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const pdf = new Uint8Array(await response.body());
  const png = await pdfPagePng(pdf, 80);
  await writeFile(testInfo.outputPath("certificaat.png"), png);
  await testInfo.attach("certificaat.png", { body: png, contentType: "image/png" });
  const text = await pdfText(pdf);
  expect(text).toContain("Certificaat van deelname");
  expect(text).toContain(pim.name);
  expect(text).toContain(title);
  expect(text).toMatch(new RegExp(`${OPENING}\\s+1,5\\s+SKJ: SKJ-OPEN-11`));
  // The workshop he sat in counts, though he had chosen the other; the one he chose and skipped does not.
  expect(text).toMatch(new RegExp(`${workshopA}\\s+1\\s+SKJ: SKJ-BUURT-22`));
  expect(text).not.toContain(workshopB);
  expect(text).not.toContain("SKJ-WIJK-33");
  expect(text).toMatch(/2,5/);
  expect(text).toContain("BIG-register: 19012345601");
  expect(text).toContain("Accreditatie: BIG: BIG-DAG-2027");
  const verificationPath = /https?:\/\/\S+?(\/certificaat\/[0-9A-Z]{26})/.exec(text)?.[1] ?? "";
  expect(verificationPath).not.toBe("");

  // Anyone can verify it.
  const verifier = await person(browser);
  await verifier.page.goto(verificationPath);
  await expect(verifier.page.getByRole("heading", { name: "Geldig certificaat" })).toBeVisible();
  await expect(verifier.page.getByText(pim.name)).toBeVisible();
  await expect(verifier.page.locator("dd").filter({ hasText: /^2,5$/ })).toBeVisible();
  await expect(verifier.page.getByText(pim.email)).toHaveCount(0);
  await verifier.done();

  // The survey: Pim answers without JavaScript (anonymous), Wies with it (named, willing to be quoted).
  const first = await person(browser, { javaScriptEnabled: false });
  await first.page.goto(await surveyLink(pim.email));
  // Per session, only what he attended: the opening and the workshop he sat in, not the one he chose.
  await expect(first.page.getByRole("group", { name: new RegExp(`Je waardering voor ${workshopA}`) })).toBeVisible();
  await expect(first.page.getByRole("group", { name: new RegExp(`Je waardering voor ${OPENING}`) })).toBeVisible();
  await expect(first.page.getByText(workshopB)).toHaveCount(0);
  await first.page.getByRole("group", { name: /^Hoe waardeer je de/ }).getByRole("radio", { name: "4 van 5" }).check();
  await first.page.getByRole("group", { name: new RegExp(`Je waardering voor ${workshopA}`) }).getByRole("radio", { name: "5 van 5" }).check();
  await first.page.getByLabel(/Wat neem je mee naar je werk\?/).fill(pimRemark);
  await first.page.getByRole("button", { name: "Antwoorden versturen" }).click();
  await expect(first.page.getByRole("status")).toContainText("Bedankt");
  await first.done();

  const second = await person(browser);
  await second.page.goto(await surveyLink(wies.email));
  await second.page.getByRole("group", { name: /^Hoe waardeer je de/ }).getByRole("radio", { name: "5 van 5" }).check();
  await second.page.getByLabel(/Wat neem je mee naar je werk\?/).fill(wiesRemark);
  await second.page.getByRole("button", { name: "Antwoorden versturen" }).click();
  await expect(second.page.getByRole("status")).toContainText("Bedankt! Je antwoorden zijn ontvangen.");
  await second.done();

  // The organiser's results: three invited (everyone who came), two answered, average 4,5.
  await page.goto(`${conferencePath}/feedback`);
  await expect(page.getByText("3 uitgenodigd, 0 herinnerd, 2 ingevuld")).toBeVisible();
  const whole = page.getByRole("region", { name: "De conferentie als geheel" });
  await expect(whole.getByText("Gemiddeld 4,5 van 5, uit 2 waarderingen")).toBeVisible();
  await expect(whole.getByRole("listitem").filter({ hasText: pimRemark })).toContainText("Anoniem");
  await expect(page.getByText(pim.name)).toHaveCount(0);

  // The sfeerverslag of this conference, and Pim's remark quoted in it.
  await page.goto(`${ORGANISATION}/sfeerverslagen/nieuw`);
  await page.getByLabel("Titel").fill(reportTitle);
  await page.getByLabel("Inleiding").fill("Een dag vol gesprekken over de wijk.");
  await page.getByLabel("Verslag", { exact: true }).fill("## Wat deelnemers meenamen\n\nDe workshops in de ochtend, de opening de hele dag.");
  await page.getByRole("combobox", { name: /^Conferentie/ }).selectOption(conferenceId);
  await page.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.getByText("Opgeslagen en gepubliceerd. Het verslag staat op de website.")).toBeVisible();
  await page.goto(`${conferencePath}/feedback`);
  const item = page.getByRole("region", { name: "De conferentie als geheel" }).getByRole("listitem").filter({ hasText: pimRemark });
  await item.getByRole("button", { name: "Citeer in sfeerverslag" }).click();
  await expect(item.getByText(`Geciteerd in ${reportTitle}`)).toBeVisible();

  const reader = await person(browser);
  await reader.page.goto("/sfeerverslagen");
  await reader.page.getByRole("link", { name: reportTitle }).click();
  await expect(reader.page.getByRole("heading", { level: 1, name: reportTitle })).toBeVisible();
  const quote = reader.page.locator("figure").filter({ has: reader.page.locator("blockquote") }).filter({ hasText: pimRemark });
  await expect(quote).toBeVisible();
  await expect(reader.page.getByText(pim.name)).toHaveCount(0);
  await reader.done();
});
