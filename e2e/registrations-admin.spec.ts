// An organiser follows the sign-ups of the coming demo conference: signs in through the emailed link,
// searches a registrant without typing her accent, opens her details, downloads the CSV (and reads it back
// as Excel would), prints badges, and finds the export in the log.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { parseCsv } from "../tests/support/csv";
import { expect, test } from "./support/fixtures";
import { listMail, type ReceivedMail } from "./support/mail";

test.describe.configure({ timeout: 90_000 });

const ORGANISATION = "/beheer/werkplaats-sociaal-domein-zhz";
const CONFERENCE = "Werkconferentie Samen Sterker in de Wijk";

async function mailSince(to: string, since: number, timeoutMs = 15_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await listMail()).find((mail) => mail.envelopeTo.includes(to) && Date.parse(mail.receivedAt) >= since);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
}

async function signIn(page: Page, email: string): Promise<void> {
  const since = Date.now() - 1_000;
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page.getByRole("heading", { name: "Check je e-mail" })).toBeVisible();
  const mail = await mailSince(email, since);
  const link = /(https?:\/\/\S+\/inloggen\/bevestigen\?\S+)/.exec(mail.text)?.[1];
  if (!link) throw new Error(`no sign-in link in:\n${mail.text}`);
  await page.goto(link);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page).toHaveURL(new RegExp(`${ORGANISATION}$`));
}

test("an organiser searches, opens a registrant, exports the CSV and prints badges", async ({ page }, testInfo) => {
  await signIn(page, "redactie@podium.test");
  await page.getByRole("link", { name: `Aanmeldingen van ${CONFERENCE}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Aanmeldingen" })).toBeVisible();
  await expect(page.getByText(/^\d+ van 80 plaatsen bezet$/)).toBeVisible();

  // "chloe" finds "Chloë de Graaf": no accent typed, no capital.
  await page.getByRole("searchbox", { name: "Zoeken" }).fill("chloe");
  await page.getByRole("button", { name: "Toepassen" }).click();
  await expect(page).toHaveURL(/\?q=chloe&/);
  await expect(page.getByRole("status").filter({ hasText: "1 aanmelding" })).toBeVisible();
  const table = page.getByRole("table", { name: "Aanmeldingen" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("row", { name: /Chloë de Graaf/ })).toContainText("Stichting Buurtkracht");
  await page.screenshot({ path: testInfo.outputPath("aanmeldingen.png"), fullPage: true });

  // Filters combine with the search and live in the URL.
  await page.getByLabel("Status").selectOption("WAITLISTED");
  await page.getByRole("button", { name: "Toepassen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Geen aanmeldingen gevonden." })).toBeVisible();
  await page.getByRole("link", { name: "Wis zoekopdracht en filters" }).click();
  await expect(page.getByRole("searchbox", { name: "Zoeken" })).toHaveValue("");

  await page.getByRole("searchbox", { name: "Zoeken" }).fill("chloe");
  await page.getByRole("button", { name: "Toepassen" }).click();
  await page.getByRole("link", { name: "Details van Chloë de Graaf" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Chloë de Graaf" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Wensen" })).toContainText("Glutenvrij");
  await expect(page.getByRole("region", { name: "Workshops", exact: true })).toContainText("plaats bevestigd");
  await expect(page.getByRole("region", { name: "Inchecken", exact: true })).toContainText("Nog niet ingecheckt.");
  await expect(page.getByRole("button", { name: "Wijziging opslaan" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("aanmelding-detail.png"), fullPage: true });

  // The CSV, read back cell for cell: a BOM for Excel, semicolons, the diet column only because it is ticked.
  await page.getByRole("link", { name: "Terug naar aanmeldingen" }).click();
  await page.getByLabel("Dieetwensen meenemen").check();
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^aanmeldingen-werkconferentie-samen-sterker-in-de-wijk-\d{4}-\d{2}-\d{2}\.csv$/);
  const { bom, rows } = parseCsv(await readFile(await download.path(), "utf8"));
  expect(bom).toBe(true);
  const [header, ...people] = rows;
  expect(header).toContain("Dieetwensen");
  expect(header).not.toContain("Toegankelijkheid");
  const chloe = people.find((row) => row[0] === "Chloë de Graaf");
  expect(chloe?.[header?.indexOf("Dieetwensen") ?? -1]).toBe("Glutenvrij");
  expect(people.some((row) => row[0] === "René van Dijk")).toBe(false); // cancelled: left out unless ticked

  await page.getByRole("link", { name: "Naambadges afdrukken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Naambadges" })).toBeVisible();
  const badges = page.locator(".badge");
  await expect(badges.filter({ hasText: "Chloë de Graaf" })).toContainText("Stichting Buurtkracht");
  expect(await badges.count()).toBe(people.filter((row) => row[4] === "bevestigd").length);
  await page.screenshot({ path: testInfo.outputPath("badges.png"), fullPage: true });
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Afdrukken" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Beheermenu" })).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath("badges-print.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });

  await page.getByRole("link", { name: "Logboek" }).click();
  await expect(page.getByRole("table", { name: "Logboek, nieuwste eerst" }).getByRole("row").nth(1)).toContainText(
    `Exporteerde ${people.length} aanmeldingen van ${CONFERENCE} met dieetwensen`,
  );
});

test("the organiser adds someone by hand without JavaScript: errors come back with what was typed", async ({ page, browser }, testInfo) => {
  await signIn(page, "organisator@podium.test");
  await page.getByRole("link", { name: `Aanmeldingen van ${CONFERENCE}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Aanmeldingen" })).toBeVisible();
  const url = page.url();

  // The same session in a browser that runs no script: the form posts and the server renders the outcome.
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState(), baseURL: testInfo.project.use.baseURL });
  const noScript = await context.newPage();
  await noScript.goto(url);
  const form = noScript.getByRole("region", { name: "Iemand aanmelden" });
  await form.getByLabel("Naam").fill("Z");
  await form.getByLabel("E-mailadres").fill("zoe-zonder-script");
  await form.getByRole("button", { name: "Aanmelden" }).click();
  await expect(form.getByText("Controleer de gemarkeerde velden.")).toBeVisible();
  await expect(form.getByText("Vul je naam in (minstens 2 tekens).")).toBeVisible();
  await expect(form.getByText("Je kunt je alleen aanmelden als je akkoord gaat met de privacyverklaring.")).toBeVisible();
  await expect(form.getByLabel("E-mailadres")).toHaveValue("zoe-zonder-script");

  const email = `zoe.dhondt.${Date.now()}@voorbeeld.test`;
  await form.getByLabel("Naam").fill("Zoë d'Hondt");
  await form.getByLabel("E-mailadres").fill(email);
  await form.getByLabel("Organisatie (optioneel)").fill("Gemeente Schiedam, afdeling Zorg");
  await form.getByLabel("Deze persoon gaat akkoord met de privacyverklaring").check();
  await form.getByRole("button", { name: "Aanmelden" }).click();
  await expect(form.getByText("Zoë d'Hondt is aangemeld en krijgt een bevestiging per e-mail.")).toBeVisible();
  await context.close();

  await page.goto(`${url}?q=hondt`);
  await expect(page.getByRole("table", { name: "Aanmeldingen" }).getByRole("row", { name: /Zoë d'Hondt/ })).toContainText("Gemeente Schiedam, afdeling Zorg");
  await expect(page.getByRole("status").filter({ hasText: "1 aanmelding" })).toBeVisible();
});
