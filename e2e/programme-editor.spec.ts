// Issue 14, item 10: the programme editor without the 60 form actions. An organiser makes a conference (its web
// address suggested from the title, a date in the past asked about), then adds sessions one after another: the
// form keeps its kind, room and round and moves on to the next slot, a workshop round is made from the session
// form itself, any number of speakers are chosen in one searchable list, each with a part; the page never
// reloads. At a phone's width and a desk's.
import type { Page } from "@playwright/test";
import { signInByEmail } from "./support/email-sign-in";
import { expect, test } from "./support/fixtures";
import { chooseSpeaker } from "./support/programme";

test.describe.configure({ timeout: 120_000 });

const ORGANISER = "redactie@podium.test";
const SCREENSHOTS = process.env.EDITOR_SCREENSHOTS;

/** A marker on the window that a whole-page load would wipe out. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { __samePage: true }));
}
async function samePage(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage === true);
}

for (const width of [390, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 600 ? 844 : 900 } });

    test("a conference is made with a suggested address, and a programme of sessions added one after another", async ({ page }) => {
      const suffix = `${width}${Date.now().toString(36)}`;
      const title = `Werkplaats Café: Ééns Anders ${suffix}`;
      // Mornings of a day of its own in 2031-2033 (other specs book the afternoons): rooms and speakers are
      // booked across conferences, and a rerun on the same stack must not meet last run's sessions. Each width
      // has its own half of the range: with a shared one, the second width, started seconds after the first,
      // could land on the first's day and find its Grote zaal and its speakers taken.
      const half = width < 600 ? 0 : 450;
      const day = new Date(Date.UTC(2031, 0, 1) + (half + (Math.floor(Date.now() / 1000) % 450)) * 86_400_000).toISOString().slice(0, 10);

      await signInByEmail(page, ORGANISER);
      await page.goto("/beheer/werkplaats-sociaal-domein-zhz/conferenties/nieuw");
      await expect(page.getByRole("heading", { level: 1, name: "Nieuwe conferentie" })).toBeVisible();

      // The address follows the title as it is typed.
      await page.getByLabel("Titel", { exact: true }).fill(title);
      await expect(page.getByLabel("Webadres")).toHaveValue(`werkplaats-cafe-eens-anders-${suffix}`);

      // A start in the past is asked about; the server refuses it until it is confirmed.
      const confirmPast = page.getByLabel("Ja, deze datum ligt in het verleden en dat klopt");
      await expect(confirmPast).toHaveCount(0);
      await page.getByLabel("Begint op").fill("2020-03-05T09:00");
      await page.getByLabel("Eindigt op").fill("2020-03-05T12:00");
      await expect(confirmPast).toBeVisible();
      await page.getByRole("button", { name: "Conferentie aanmaken" }).click();
      await expect(page.getByText("Deze datum ligt in het verleden. Klopt dat? Vink dan hieronder aan dat het zo is.")).toBeVisible();
      await expect(page.getByRole("heading", { level: 1, name: "Nieuwe conferentie" })).toBeVisible();
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/conference-new-past-${width}.png`, fullPage: true });

      // It was a typo in the year: with the right date the question goes away.
      await page.getByLabel("Begint op").fill(`${day}T09:00`);
      await page.getByLabel("Eindigt op").fill(`${day}T12:30`);
      await expect(confirmPast).toHaveCount(0);
      await page.getByLabel("Locatie").selectOption({ label: "Theater aan de Schie, Schiedam" });
      await page.getByLabel("Aantal plaatsen").fill("80");
      // The cover is chosen by looking at the organisation's photos (item 11).
      const covers = page.getByRole("group", { name: /^Omslagfoto/ });
      await covers.getByRole("radio", { name: "Theater aan de Schie, vanaf het toneel gezien (illustratie)." }).check();
      await page.getByRole("button", { name: "Conferentie aanmaken" }).click();
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
      await expect(page.getByLabel("Webadres")).toHaveValue(`werkplaats-cafe-eens-anders-${suffix}`);
      await expect(covers.getByRole("radio", { name: "Theater aan de Schie, vanaf het toneel gezien (illustratie)." })).toBeChecked();
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/conference-edit-${width}.png`, fullPage: true });

      await page.getByRole("link", { name: /^Programma/ }).click();
      await expect(page.getByRole("heading", { level: 1, name: /^Programma/ })).toBeVisible();
      await markPage(page);
      const form = page.getByRole("region", { name: "Sessie toevoegen" });

      // A plenary opening with two speakers, found by typing part of a name, one of them moderating.
      await form.getByLabel("Titel").fill("Opening: wat werkt in de wijk");
      await form.getByLabel("Soort").selectOption({ label: "Keynote" });
      await form.getByLabel("Zaal").selectOption({ label: "Grote zaal (450 plaatsen)" });
      await form.getByLabel("Begint om").fill(`${day}T09:00`);
      await form.getByLabel("Eindigt om").fill(`${day}T09:45`);
      await chooseSpeaker(form, "Toby Witte", "witte");
      const search = form.getByRole("combobox", { name: "Spreker toevoegen" });
      await search.fill("mirj");
      // With the keyboard: the first match is active, Enter chooses it and does not send the form.
      await search.press("ArrowDown");
      await search.press("Enter");
      await expect(form.getByRole("button", { name: "Mirjam Kok weghalen" })).toBeVisible();
      await form.getByLabel("Rol van Mirjam Kok").selectOption({ label: "Gespreksleider" });
      await search.fill("zzzqq");
      await expect(form.getByText("Geen spreker gevonden met deze naam.")).toBeVisible();
      await search.fill("");
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/programme-speakers-${width}.png`, fullPage: true });
      await form.getByRole("button", { name: "Sessie toevoegen" }).click();
      await expect(form.getByText("De sessie is toegevoegd.")).toBeVisible();
      const opening = page.getByRole("heading", { level: 3, name: "Opening: wat werkt in de wijk" });
      await expect(opening).toBeVisible();
      const openingCard = page.getByRole("listitem").filter({ has: opening });
      await expect(openingCard).toContainText("Toby Witte");
      await expect(openingCard).toContainText("Mirjam Kok");

      // The form is empty for the next one, with the same kind and room, from where the opening ended.
      await expect(form.getByLabel("Titel")).toHaveValue("");
      await expect(form.getByLabel("Soort")).toHaveValue("KEYNOTE");
      await expect(form.getByRole("combobox", { name: "Zaal" })).toHaveValue(/.+/);
      await expect(form.getByRole("combobox", { name: "Zaal" }).locator("option:checked")).toHaveText("Grote zaal (450 plaatsen)");
      await expect(form.getByLabel("Begint om")).toHaveValue(`${day}T09:45`);
      await expect(form.getByLabel("Eindigt om")).toHaveValue(`${day}T10:30`);
      await expect(form.getByText("Nog geen sprekers gekozen.")).toBeVisible();

      // A workshop in a round that does not exist yet: the round is made from here.
      await form.getByLabel("Titel").fill("Workshop: samen koken, samen praten");
      await form.getByLabel("Soort").selectOption({ label: "Workshop" });
      await form.getByLabel("Zaal").selectOption({ label: "Studio (30 plaatsen)" });
      await form.getByLabel("Begint om").fill(`${day}T10:00`);
      await form.getByLabel("Eindigt om").fill(`${day}T11:00`);
      await form.getByLabel("Workshopronde").selectOption({ label: "Nieuwe ronde…" });
      await form.getByLabel("Naam van de nieuwe ronde").fill("Ochtendronde");
      await form.getByLabel("Aantal plaatsen").fill("20");
      await chooseSpeaker(form, "Lieke Verhoef", "verhoef");
      await form.getByRole("button", { name: "Sessie toevoegen" }).click();
      await expect(form.getByText("De sessie is toegevoegd.")).toBeVisible();
      await expect(page.getByRole("heading", { level: 3, name: "Workshop: samen koken, samen praten" })).toBeVisible();
      await expect(page.getByText("0 van 20 plaatsen bezet")).toBeVisible();

      // The next workshop of the round runs at the same time: only a title and another room are needed.
      await expect(form.getByRole("combobox", { name: "Workshopronde" }).locator("option:checked")).toHaveText("Ochtendronde");
      await expect(form.getByLabel("Soort")).toHaveValue("WORKSHOP");
      await expect(form.getByLabel("Aantal plaatsen")).toHaveValue("20");
      await expect(form.getByLabel("Begint om")).toHaveValue(`${day}T10:00`);
      await expect(form.getByLabel("Eindigt om")).toHaveValue(`${day}T11:00`);
      await form.getByLabel("Titel").fill("Workshop: de buurt in beeld");
      await form.getByLabel("Zaal").selectOption({ label: "Repetitieruimte (25 plaatsen)" });
      await form.getByRole("button", { name: "Sessie toevoegen" }).click();
      await expect(form.getByText("De sessie is toegevoegd.")).toBeVisible();
      await expect(page.getByRole("heading", { level: 3, name: "Workshop: de buurt in beeld" })).toBeVisible();
      const rounds = page.getByRole("region", { name: "Workshoprondes" });
      await expect(rounds.getByLabel("Naam van de ronde").first()).toHaveValue("Ochtendronde");
      await expect(rounds.getByText("2 workshops")).toBeVisible();

      // A refusal that needs the database lands on the speaker: Lieke gives the other workshop then.
      await form.getByLabel("Titel").fill("Workshop: dubbel geboekt");
      await form.getByLabel("Zaal").selectOption({ label: "Kleine zaal (120 plaatsen)" });
      await chooseSpeaker(form, "Lieke Verhoef", "lieke");
      await form.getByRole("button", { name: "Sessie toevoegen" }).click();
      await expect(form.getByText("Deze spreker staat op dat moment al in een andere sessie.")).toBeVisible();
      await expect(form.getByLabel("Titel")).toHaveValue("Workshop: dubbel geboekt");
      await expect(page.getByRole("heading", { level: 3, name: "Workshop: dubbel geboekt" })).toHaveCount(0);
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/programme-editor-${width}.png`, fullPage: true });

      // All of it without the page loading again.
      expect(await samePage(page)).toBe(true);
    });
  });
}
