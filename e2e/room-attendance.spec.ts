// Issue 15, items 1 and 2, as a host and an organiser meet them, on a conference of this spec's own (never the
// seed's places): the organiser builds a workshop round, two people sign up on the public form for different
// workshops; at workshop A's room the host switches the door screen to room mode, checks in the right person by
// ticket code and finds the wrong one by name (amber, with their own workshop and room), admits them anyway;
// then the organiser sees present of registered per session and corrects one person, which the log shows.
import type { Browser, Page } from "@playwright/test";
import { signInByEmail } from "./support/email-sign-in";
import { expect, test } from "./support/fixtures";
import { waitForMail } from "./support/mail";

test.describe.configure({ timeout: 180_000 });

const ORGANISER = "organisator@podium.test";
const ORGANISATION = "/beheer/werkplaats-sociaal-domein-zhz";

/** Signs up on the public form for one workshop; the ticket code from the confirmation email. */
async function signUp(browser: Browser, baseURL: string, slug: string, name: string, workshop: string): Promise<string> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@voorbeeld.test`;
  const context = await browser.newContext({ baseURL, locale: "nl-NL", viewport: { width: 390, height: 844 } });
  const form = await context.newPage();
  await form.goto(`/conferenties/${slug}/aanmelden`);
  await form.getByLabel("Naam").fill(name);
  await form.getByLabel("E-mailadres").fill(email);
  await form.getByLabel(/Ik ga akkoord met de verwerking/).check();
  await form.getByRole("radio", { name: new RegExp(workshop) }).check();
  await form.getByRole("button", { name: "Aanmelden" }).click();
  await expect(form.getByRole("heading", { name: "Je bent aangemeld" })).toBeVisible();
  await context.close();
  const code = (await waitForMail({ to: email, subject: "Je ticket voor" })).text.match(/Ticketcode: ([0-9A-Z]+)/)?.[1];
  if (!code) throw new Error("no ticket code in the email");
  return code;
}

async function addWorkshop(page: Page, day: string, title: string, room: string) {
  const newSession = page.getByRole("region", { name: "Sessie toevoegen" });
  await newSession.getByLabel("Titel").fill(title);
  await newSession.getByLabel("Soort").selectOption({ label: "Workshop" });
  await newSession.getByLabel("Zaal").selectOption({ label: room });
  await newSession.getByLabel("Begint om").fill(`${day}T14:00`);
  await newSession.getByLabel("Eindigt om").fill(`${day}T15:00`);
  await newSession.getByLabel("Workshopronde").selectOption({ label: "Middagronde" });
  await newSession.getByLabel("Aantal plaatsen").fill("5");
  await newSession.getByRole("button", { name: "Sessie toevoegen" }).click();
  await expect(newSession.getByText("De sessie is toegevoegd.")).toBeVisible();
}

test("a host checks people in at a workshop room, admits one from another workshop, and the organiser corrects attendance", async ({ page, context, browser, baseURL }) => {
  const suffix = Date.now().toString(36);
  const title = `Zalen en aanwezigheid ${suffix}`;
  const slug = `zalen-en-aanwezigheid-${suffix}`;
  // A day of its own (rooms are booked across conferences): 2040 and on, by the clock, past the other specs' days.
  const day = new Date(Date.UTC(2040, 0, 1) + (Math.floor(Date.now() / 1000) % 1500) * 86_400_000).toISOString().slice(0, 10);
  const workshopA = `Buurtkracht ${suffix}`;
  const workshopB = `Wijkteams ${suffix}`;
  const wies = `Wies Juistezaal ${suffix}`;
  const pim = `Pim Anderezaal ${suffix}`;
  const nina = `Nina Offline ${suffix}`;

  await signInByEmail(page, ORGANISER);
  await page.goto(`${ORGANISATION}/conferenties/nieuw`);
  await page.getByLabel("Titel", { exact: true }).fill(title);
  await page.getByLabel("Webadres").fill(slug);
  await page.getByLabel("Begint op").fill(`${day}T13:00`);
  await page.getByLabel("Eindigt op").fill(`${day}T17:00`);
  await page.getByLabel("Locatie").selectOption({ label: "Theater aan de Schie, Schiedam" });
  await page.getByLabel("Aantal plaatsen").fill("50");
  await page.getByRole("button", { name: "Conferentie aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const conferencePath = new URL(page.url()).pathname;

  await page.getByRole("link", { name: /^Programma/ }).click();
  const rounds = page.getByRole("region", { name: "Workshoprondes" });
  await rounds.getByLabel("Naam van de ronde").last().fill("Middagronde");
  await rounds.getByRole("button", { name: "Ronde toevoegen" }).click();
  await expect(rounds.getByText("De ronde is toegevoegd.")).toBeVisible();
  await addWorkshop(page, day, workshopA, "Studio (30 plaatsen)");
  await addWorkshop(page, day, workshopB, "Repetitieruimte (25 plaatsen)");
  await page.getByRole("link", { name: "Terug naar de conferentie" }).click();
  await page.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.getByText("De conferentie is gepubliceerd.")).toBeVisible();

  const wiesCode = await signUp(browser, baseURL!, slug, wies, workshopA);
  await signUp(browser, baseURL!, slug, pim, workshopB);
  const ninaCode = await signUp(browser, baseURL!, slug, nina, workshopB);

  // The door screen, at workshop A's room. The organiser (an owner) may work the door too.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/checkin/${slug}`);
  await expect(page.getByText(/Deelnemerslijst van/)).toBeVisible();
  await expect(page.getByTestId("checkin-place")).toContainText("Voordeur");
  await page.getByLabel("Waar check je in?").selectOption({ label: `14.00 ${workshopA} (Studio)` });
  await expect(page.getByTestId("checkin-place")).toContainText(`Zaalmodus: ${workshopA}`);
  // No walk-ins at a room.
  await expect(page.getByRole("button", { name: /Walk-in/i })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("room-mode.png"), fullPage: true });

  const verdict = page.getByRole("alertdialog");
  await page.getByLabel("Ticketcode").fill(wiesCode);
  await page.getByRole("button", { name: "Controleer" }).click();
  await expect(verdict).toContainText(`Welkom, ${wies}`);
  await expect(verdict).toContainText("In orde");
  await page.getByRole("button", { name: "Volgende" }).click();
  // The same ticket at the same room again: already here.
  await page.getByLabel("Ticketcode").fill(wiesCode);
  await page.getByRole("button", { name: "Controleer" }).click();
  await expect(verdict).toContainText(/Al ingecheckt om \d\d\.\d\d/);
  await page.getByRole("button", { name: "Volgende" }).click();

  // Pim, found by name: his place is in workshop B. Amber, in words and with his own room.
  await page.getByLabel("Zoek op naam of organisatie").fill("Anderezaal");
  await page.getByRole("button", { name: new RegExp(pim) }).click();
  await expect(verdict).toHaveAttribute("data-verdict", "wrongRoom");
  await expect(verdict).toContainText("Let op: andere zaal");
  await expect(verdict.getByTestId("own-room")).toContainText(`${pim} heeft een plaats in: ${workshopB}`);
  await expect(verdict.getByTestId("own-room")).toContainText("Zaal: Repetitieruimte");
  await page.screenshot({ path: test.info().outputPath("wrong-room.png"), fullPage: true });
  await verdict.getByRole("button", { name: "Toch toelaten" }).click();
  await expect(verdict).toContainText(`Welkom, ${pim}`);
  await expect(verdict).toContainText("Toegelaten buiten de eigen keuze");
  // The room's own count: two in the room, of the one place workshop A has given.
  await expect(page.getByTestId("room-count")).toHaveText("2 van 1");
  await page.screenshot({ path: test.info().outputPath("admitted-anyway.png"), fullPage: true });
  await page.getByRole("button", { name: "Volgende" }).click();

  // Offline the phone decides from its own list: Nina's workshop is B (amber, with her room), Wies is already here.
  await context.setOffline(true);
  await expect(page.getByText("Offline: scans worden op dit apparaat bewaard")).toBeVisible();
  await page.getByLabel("Ticketcode").fill(ninaCode);
  await page.getByRole("button", { name: "Controleer" }).click();
  await expect(verdict).toHaveAttribute("data-verdict", "wrongRoom");
  await expect(verdict).toContainText("Offline beslist");
  await expect(verdict.getByTestId("own-room")).toContainText("Zaal: Repetitieruimte");
  await page.getByRole("button", { name: "Volgende" }).click();
  await page.getByLabel("Ticketcode").fill(wiesCode);
  await page.getByRole("button", { name: "Controleer" }).click();
  await expect(verdict).toContainText(/Al ingecheckt om \d\d\.\d\d/);
  await expect(verdict).toContainText("Offline beslist");
  await page.getByRole("button", { name: "Volgende" }).click();
  await context.setOffline(false);
  await expect(page.getByText(/wachten op verzending|wacht op verzending/)).toBeHidden({ timeout: 10_000 });

  // The organiser's attendance page: A has two present of one registered (Wies's second scan counts once), B
  // none of two (Nina was sent on, not admitted).
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(conferencePath);
  await page.getByRole("link", { name: "Aanwezigheid" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Aanwezigheid");
  const rowOf = (workshop: string) => page.getByTestId("attendance-session").filter({ hasText: workshop });
  await expect(rowOf(workshopA).getByTestId("present")).toHaveText("2");
  await expect(rowOf(workshopA).getByTestId("registered")).toHaveText("1");
  await expect(rowOf(workshopB).getByTestId("present")).toHaveText("0");
  await expect(rowOf(workshopB).getByTestId("registered")).toHaveText("2");

  await page.getByRole("link", { name: `Deelnemers van ${workshopA}` }).click();
  const pimRow = page.getByTestId("attendance-person").filter({ hasText: pim });
  await expect(pimRow.getByTestId("attendance-state")).toHaveText(/Aanwezig \(ingecheckt in de zaal\)/);
  await expect(pimRow).toContainText("niet aangemeld voor deze sessie");
  // He went on to his own workshop after all: the organiser marks him absent here, with a reason.
  await pimRow.getByLabel(/Reden/).fill("Ging door naar de eigen workshop");
  await pimRow.getByRole("button", { name: `${pim}: Afwezig melden` }).click();
  await expect(pimRow.getByRole("status")).toContainText(`Vastgelegd: ${pim} is afwezig.`);
  await expect(pimRow.getByTestId("attendance-state")).toHaveText(/Afwezig/);
  await expect(pimRow).toContainText("Reden: Ging door naar de eigen workshop");
  await expect(rowOf(workshopA).getByTestId("present")).toHaveText("1");
  await page.screenshot({ path: test.info().outputPath("attendance-page.png"), fullPage: true });

  // Pim's own page says where each check-in was.
  await page.goto(`${conferencePath}/aanmeldingen?q=Anderezaal`);
  await page.getByRole("link", { name: pim }).click();
  const history = page.getByRole("region", { name: `Alle check-ins van ${pim}, oudste eerst` });
  await expect(history).toContainText(`Zaal van ${workshopA}`);
  await expect(history).toContainText("Toegelaten buiten de eigen workshop");

  // In the audit log, in words.
  await page.goto(`${ORGANISATION}/logboek`);
  await expect(page.getByText(`Meldde ${pim} afwezig bij ${workshopA}`)).toBeVisible();

  // The same page in English.
  await page.goto(`/en${conferencePath}/aanwezigheid`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Attendance");
  await expect(page.getByRole("link", { name: `Participants of ${workshopA}` })).toBeVisible();

  // A session id that is not this conference's, or cannot be an id, is a 404.
  for (const sessie of ["bestaat-niet", "%00"]) {
    const response = await page.goto(`${conferencePath}/aanwezigheid?sessie=${sessie}`);
    expect(response?.status(), sessie).toBe(404);
  }
});
