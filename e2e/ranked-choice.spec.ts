// Workshops allocated by ranked choice, as an organiser and attendees meet it: the organiser makes a round
// "by preference", three people rank its workshops on the public form (two with JavaScript, moving workshops
// up and down; one without, with numbered selects), one changes his ranking from the link in his email, the
// organiser previews the allocation, publishes it, and everyone gets an email with their workshop.
import type { Browser, Page } from "@playwright/test";
import { signInByEmail } from "./support/email-sign-in";
import { expect, test } from "./support/fixtures";
import { waitForMail } from "./support/mail";

test.describe.configure({ timeout: 180_000 });

const ORGANISER = "organisator@podium.test";

function uniqueEmail(label: string): string {
  return `${label}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@voorbeeld.test`;
}

async function fillPerson(page: Page, name: string, email: string) {
  await page.getByLabel("Naam").fill(name);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel(/Ik ga akkoord met de verwerking/).check();
}

/** One attendee without JavaScript: the numbered selects of the ranking. */
async function rankWithoutJavaScript(browser: Browser, baseURL: string, slug: string, name: string, email: string, choices: string[]) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: "nl-NL" });
  const page = await context.newPage();
  await page.goto(`/conferenties/${slug}/aanmelden`);
  await fillPerson(page, name, email);
  for (const [position, title] of choices.entries()) {
    await page.getByLabel(`${position + 1}e keuze`).selectOption({ label: `${title} (14.00-15.00 uur)` });
  }
  await page.getByLabel(`${choices.length + 1}e keuze`).selectOption({ label: "(geen)" });
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.getByRole("heading", { name: "Je bent aangemeld" })).toBeVisible();
  await context.close();
}

test("an organiser allocates a round by preference: attendees rank, the organiser previews and publishes, everyone is emailed", async ({ page, browser, baseURL }) => {
  const suffix = Date.now().toString(36);
  const title = `Leren op voorkeur ${suffix}`;
  const slug = `leren-op-voorkeur-${suffix}`;
  // A day of its own (rooms are booked across conferences): 2031 and on, by the clock.
  const day = new Date(Date.UTC(2031, 0, 1) + (Math.floor(Date.now() / 1000) % 1500) * 86_400_000).toISOString().slice(0, 10);
  const workshops = [`Buurtnetwerken ${suffix}`, `Jongeren aan zet ${suffix}`, `Tussenwerkers ${suffix}`];

  await signInByEmail(page, ORGANISER);
  await page.goto("/beheer/werkplaats-sociaal-domein-zhz/conferenties/nieuw");
  await page.getByLabel("Titel", { exact: true }).fill(title);
  await page.getByLabel("Webadres").fill(slug);
  await page.getByLabel("Begint op").fill(`${day}T13:00`);
  await page.getByLabel("Eindigt op").fill(`${day}T17:00`);
  await page.getByLabel("Locatie").selectOption({ label: "Theater aan de Schie, Schiedam" });
  await page.getByLabel("Aantal plaatsen").fill("50");
  await page.getByRole("button", { name: "Conferentie aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  await page.getByRole("link", { name: /^Programma/ }).click();
  const rounds = page.getByRole("region", { name: "Workshoprondes" });
  await rounds.getByLabel("Naam van de ronde").last().fill("Middagronde");
  await rounds.getByRole("button", { name: "Ronde toevoegen" }).click();
  await expect(rounds.getByText("De ronde is toegevoegd.")).toBeVisible();
  // By preference, closing on the morning of the conference.
  await rounds.getByRole("radio", { name: /Op voorkeur/ }).check();
  await rounds.getByLabel("Voorkeuren sluiten op").fill(`${day}T09:00`);
  await rounds.getByRole("button", { name: "Verdeling opslaan" }).click();
  await expect(rounds.getByText("De verdeling is opgeslagen.")).toBeVisible();
  await expect(rounds.getByText(/Op voorkeur: voorkeuren open tot/)).toBeVisible();

  const newSession = page.getByRole("region", { name: "Sessie toevoegen" });
  for (const [workshop, room] of [[workshops[0], "Studio (30 plaatsen)"], [workshops[1], "Repetitieruimte (25 plaatsen)"], [workshops[2], "Kleine zaal (120 plaatsen)"]]) {
    await newSession.getByLabel("Titel").fill(workshop!);
    await newSession.getByLabel("Soort").selectOption({ label: "Workshop" });
    await newSession.getByLabel("Zaal").selectOption({ label: room! });
    await newSession.getByLabel("Begint om").fill(`${day}T14:00`);
    await newSession.getByLabel("Eindigt om").fill(`${day}T15:00`);
    await newSession.getByLabel("Workshopronde").selectOption({ label: "Middagronde" });
    await newSession.getByLabel("Aantal plaatsen").fill("1");
    await newSession.getByRole("button", { name: "Sessie toevoegen" }).click();
    await expect(newSession.getByText("De sessie is toegevoegd.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: workshop })).toBeVisible();
  }
  await page.getByRole("link", { name: "Terug naar de conferentie" }).click();
  await page.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.getByText("De conferentie is gepubliceerd.")).toBeVisible();

  // Anna puts the third workshop first with the buttons; Bram keeps the programme's order.
  const anna = uniqueEmail("anna");
  const bram = uniqueEmail("bram");
  const cees = uniqueEmail("cees");
  const attendee = await browser.newContext({ baseURL, locale: "nl-NL", viewport: { width: 390, height: 844 } });
  const form = await attendee.newPage();
  await form.goto(`/conferenties/${slug}/aanmelden`);
  await expect(form.getByText(/worden verdeeld op voorkeur, niet op volgorde van aanmelden/)).toBeVisible();
  await fillPerson(form, "Anna Anker", anna);
  await form.getByRole("button", { name: `${workshops[2]} hoger zetten` }).click();
  await expect(form.getByText(`${workshops[2]} staat nu op plaats 2.`)).toBeAttached();
  // The keyboard stays with the workshop that moved: Enter moves it on.
  await form.keyboard.press("Enter");
  const ranked = form.getByRole("listitem").filter({ has: form.getByRole("button", { name: /hoger zetten/ }) });
  await expect(ranked.first()).toContainText(workshops[2]!);
  await expect(ranked.nth(1)).toContainText(workshops[0]!);
  await form.screenshot({ path: test.info().outputPath("ranking-form.png"), fullPage: true });
  await form.getByRole("button", { name: "Aanmelden" }).click();
  await expect(form.getByRole("heading", { name: "Je bent aangemeld" })).toBeVisible();
  // Bram first puts the second workshop first, then changes his mind from the link in his email: back to the
  // programme's order. The allocation below follows the ranking he saved last.
  await form.goto(`/conferenties/${slug}/aanmelden`);
  await fillPerson(form, "Bram Bos", bram);
  await form.getByRole("button", { name: `${workshops[1]} hoger zetten` }).click();
  await form.getByRole("button", { name: "Aanmelden" }).click();
  await expect(form.getByRole("heading", { name: "Je bent aangemeld" })).toBeVisible();
  const manage = (await waitForMail({ to: bram })).text.match(/https?:\/\/\S+\/aanmelding\/[A-Za-z0-9_-]+/)?.[0];
  expect(manage, "a manage link in Bram's email").toBeTruthy();
  await form.goto(new URL(manage!).pathname);
  const mine = form.getByRole("region", { name: "Je voorkeuren: Middagronde" });
  const order = mine.getByRole("listitem").filter({ has: form.getByRole("button", { name: /hoger zetten/ }) });
  await expect(order.first()).toContainText(workshops[1]!);
  await mine.getByRole("button", { name: `${workshops[0]} hoger zetten` }).click();
  await mine.getByRole("button", { name: "Voorkeuren opslaan" }).click();
  await expect(form.getByText("Je voorkeuren zijn opgeslagen.")).toBeVisible();
  await expect(order.first()).toContainText(workshops[0]!);
  await expect(order.nth(1)).toContainText(workshops[1]!);
  await attendee.close();
  // Cees has no JavaScript: first the first workshop, then the third, nothing else.
  await rankWithoutJavaScript(browser, baseURL!, slug, "Cees Claessen", cees, [workshops[0]!, workshops[2]!]);

  // The preview: three ranked, everyone placed by preference, where first come, first served leaves Cees out.
  await page.goto(page.url().replace(/\/?$/, "") + "/programma");
  await page.getByRole("link", { name: "Indeling bekijken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Indeling: Middagronde" })).toBeVisible();
  await expect(page.getByText("3 deelnemers met een plek op de conferentie gaven voorkeuren op.")).toBeVisible();
  const outcome = page.getByRole("table", { name: "Hoeveel mensen welke keuze krijgen" });
  await expect(outcome.getByRole("row", { name: /^1e keuze/ })).toContainText(/2 personen\s*2 personen/);
  await expect(outcome.getByRole("row", { name: /^2e keuze/ })).toContainText(/1 persoon\s*0 personen/);
  await expect(outcome.getByRole("row", { name: /^Geen plek/ })).toContainText(/0 personen\s*1 persoon/);
  await expect(page.getByText("Niemand blijft zonder plek terwijl een workshop die hij koos nog plek heeft.")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("allocation-preview.png"), fullPage: true });

  await page.getByText("Indeling publiceren en iedereen mailen…").click();
  await page.getByRole("button", { name: "Ja, publiceer de indeling" }).click();
  // The page then says what the server recorded.
  await expect(page.getByText(/^De indeling is gepubliceerd op/)).toBeVisible();
  await expect(page.getByText("Nu: 3 deelnemers hebben een workshop in deze ronde, 0 staan op een wachtlijst.")).toBeVisible();

  // Each gets the workshop the allocation gave them: Anna her first choice, Cees his first, Bram his second.
  const subject = `Je workshopindeling voor ${title}`;
  expect((await waitForMail({ to: anna, subject })).text).toContain(workshops[2]);
  expect((await waitForMail({ to: cees, subject })).text).toContain(workshops[0]);
  expect((await waitForMail({ to: bram, subject })).text).toContain(workshops[1]);
  // From now on the round is first come, first served: the public form offers the workshops to choose.
  await page.goto(`/conferenties/${slug}/aanmelden`);
  await expect(page.getByRole("radio", { name: new RegExp(workshops[0]!) })).toBeVisible();
});
