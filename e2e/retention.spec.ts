// Issue 15, point 9 as an owner meets it: under Instellingen → Bewaartermijnen the owner of "Netwerk Zorg
// Drechtsteden" sets how long personal data and needs are kept after a conference, a number out of bounds is
// refused beside its field, and the schedule then says when the needs and the rest of the spec's own new
// conference go (counted in Amsterdam's calendar across summer time); the audit log names the change and the
// public privacy page states the defaults. Takes no places: its own conference, in the second organisation.
import { signInByEmail } from "./support/email-sign-in";
import { expect, test } from "./support/fixtures";

test.describe.configure({ mode: "serial", timeout: 60_000 });

const OWNER = "eigenaar@drechtsteden.test";
const ORGANISATION = "/beheer/netwerk-zorg-drechtsteden";
const SCREENSHOTS = process.env.RETENTION_SCREENSHOTS;
const suffix = Date.now().toString(36);
const TITLE = `Bewaardag ${suffix}`;

test("the owner sets the retention periods and sees what goes when", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInByEmail(page, OWNER);

  // A conference of its own: 15 June 2027, summer time, 13.00-17.30.
  await page.goto(`${ORGANISATION}/conferenties/nieuw`);
  await page.getByLabel("Titel", { exact: true }).fill(TITLE);
  await page.getByLabel("Webadres").fill(`bewaardag-${suffix}`);
  await page.getByLabel("Begint op").fill("2027-06-15T13:00");
  await page.getByLabel("Eindigt op").fill("2027-06-15T17:30");
  await page.getByLabel("Aantal plaatsen").fill("40");
  await page.getByRole("button", { name: "Conferentie aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();

  await page.getByRole("navigation", { name: "Beheermenu" }).getByRole("link", { name: "Instellingen" }).click();
  await page.getByRole("link", { name: "Bewaartermijnen van persoonsgegevens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bewaartermijnen" })).toBeVisible();
  const months = page.getByLabel("Persoonsgegevens bewaren (maanden na afloop)");
  const days = page.getByLabel("Dieet- en toegankelijkheidswensen bewaren (dagen na afloop)");

  // Out of bounds: refused beside the field, nothing saved.
  await months.fill("121");
  await days.fill("0");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(months).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Dit getal is te groot.")).toBeVisible();
  await expect(days).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Dit getal is te klein.")).toBeVisible();
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/retention-refused.png`, fullPage: true });

  await months.fill("6");
  await days.fill("14");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("Opgeslagen.")).toBeVisible();

  // The schedule follows at once: needs 14 days after the end, the rest 6 months after, at the same wall-clock
  // time although December is winter time.
  const row = page.getByRole("region", { name: "Bewaarschema per conferentie, nieuwste eerst" }).getByRole("row").filter({ hasText: TITLE });
  await expect(row.getByRole("cell").nth(0)).toHaveText("nog niet");
  await expect(row.getByRole("cell").nth(1)).toContainText("op dinsdag 29 juni 2027, 17.30 uur");
  await expect(row.getByRole("cell").nth(1)).toContainText("geen aanmeldingen met wensen");
  await expect(row.getByRole("cell").nth(2)).toContainText("op woensdag 15 december 2027, 17.30 uur");
  await expect(row.getByRole("cell").nth(2)).toContainText("geen aanmeldingen");
  // Loaded again, the form shows what was saved.
  await page.reload();
  await expect(months).toHaveValue("6");
  await expect(days).toHaveValue("14");
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/retention-1280.png`, fullPage: true });

  // The audit log names the change and who made it.
  await page.getByRole("navigation", { name: "Beheermenu" }).getByRole("link", { name: "Logboek" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Stelde de bewaartermijnen in: persoonsgegevens 6 maanden, wensen 14 dagen na afloop" }).first()).toContainText("Erik Eigenaar");
});

test("the schedule fits a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInByEmail(page, OWNER);
  await page.goto(`${ORGANISATION}/instellingen/bewaartermijnen`);
  await expect(page.getByRole("heading", { level: 2, name: "Wat wanneer verwijderd wordt" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: TITLE })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/retention-390.png`, fullPage: true });
});

test("an organiser reads the periods and the schedule but cannot change them", async ({ page }) => {
  await signInByEmail(page, "redactie@podium.test");
  await page.goto("/en/beheer/werkplaats-sociaal-domein-zhz/instellingen/bewaartermijnen");
  await expect(page.getByRole("heading", { level: 1, name: "Retention periods" })).toBeVisible();
  await expect(page.getByText("Personal data: 12 months after the end. Needs: 30 days after the end.")).toBeVisible();
  await expect(page.getByText("Only an owner of the organisation can change these periods.")).toBeVisible();
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
  // The demo's 2017 conference ended long ago: its steps are done (nobody had signed up through Podium then).
  await expect(page.getByRole("row").filter({ hasText: "Werkconferentie Doe, Leer en Inspireer!" })).toContainText("deleted on");
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/retention-organiser-en.png`, fullPage: true });
});

test("the privacy page says what is kept how long", async ({ page }) => {
  await page.goto("/privacy");
  const section = page.getByRole("region", { name: "Hoe lang we je gegevens bewaren" });
  await expect(section).toContainText("Standaard is dat 12 maanden na afloop van de conferentie");
  await expect(section).toContainText("standaard 30 dagen na afloop van de conferentie");
  await expect(section).not.toContainText("niet vanzelf");
  // What a purge leaves of a certificate, and what the certificates and the survey keep before it.
  await expect(section).toContainText("je naam, de conferentie, de datum en de uren");
  const afterwards = page.getByRole("region", { name: "Aanwezigheid, certificaat en enquête" });
  await expect(afterwards).toContainText("alleen aan een register door als je daar toestemming voor gaf");
  await expect(afterwards).toContainText("Je antwoorden zijn anoniem");
  await page.goto("/en/privacy");
  await expect(page.getByRole("region", { name: "How long we keep your data" })).toContainText("By default that is 12 months after the conference ends");
  await expect(page.getByRole("region", { name: "Attendance, certificate and survey" })).toContainText("only if you gave your consent");
});
