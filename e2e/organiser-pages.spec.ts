// Issue 14, items 11, 12 and 15 as an organiser meets them, at a phone's width and a desk's: the registrations
// list as cards on a phone (no sideways scrolling) and a table on a desk; one badge, with the ticket's QR code,
// reprinted from the person's page; several gallery photos added to a report at once, each with its alt text.
import sharp from "sharp";
import { DOOR_SLUG } from "./support/door";
import { signInByEmail } from "./support/email-sign-in";
import { expect, test } from "./support/fixtures";

test.describe.configure({ timeout: 90_000 });

const ORGANISER = "redactie@podium.test";
const CONFERENCE = "Werkconferentie Samen Sterker in de Wijk";
const SCREENSHOTS = process.env.EDITOR_SCREENSHOTS;

async function picture(background: { r: number; g: number; b: number }): Promise<Buffer> {
  return sharp({ create: { width: 900, height: 600, channels: 3, background } }).png().toBuffer();
}

for (const width of [390, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 600 ? 844 : 900 } });

    test("a sign-up is found in the list without sideways scrolling, and their badge reprinted from their page", async ({ page }) => {
      const name = `Bente Badge ${width} ${Date.now().toString(36)}`;
      const email = `bente.${width}.${Date.now()}@voorbeeld.test`;
      const response = await page.request.post(`/api/conferences/${DOOR_SLUG}/registrations`, {
        data: { name, email, organisation: "Buurthuis De Kern", privacyConsent: true },
      });
      expect(response.status()).toBe(202);

      await signInByEmail(page, ORGANISER);
      await page.getByRole("link", { name: `Aanmeldingen van ${CONFERENCE}` }).click();
      await page.getByRole("searchbox", { name: "Zoeken" }).fill(name);
      await page.getByRole("button", { name: "Toepassen" }).click();
      await expect(page.getByRole("status").filter({ hasText: "1 aanmelding" })).toBeVisible();
      if (width < 600) {
        const cards = page.getByRole("list", { name: "Aanmeldingen" });
        await expect(cards.getByRole("listitem").filter({ hasText: name })).toContainText("Buurthuis De Kern");
        await expect(page.getByRole("table", { name: "Aanmeldingen" })).toBeHidden();
      } else {
        await expect(page.getByRole("table", { name: "Aanmeldingen" }).getByRole("row", { name: new RegExp(name) })).toContainText("Buurthuis De Kern");
      }
      // Nothing on the page is wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/registrations-${width}.png`, fullPage: true });

      await page.getByRole("link", { name: `Details van ${name}` }).click();
      await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/registration-${width}.png`, fullPage: true });
      await page.getByRole("link", { name: "Badge afdrukken" }).click();
      const badge = page.getByRole("article", { name: `Badge van ${name}` });
      await expect(badge).toBeVisible();
      await expect(page.getByRole("article")).toHaveCount(1);
      await expect(badge.getByRole("img", { name: `QR-code van het ticket van ${name}` })).toBeVisible();
      // The organisation's logo is on it, and the sheet fits the screen.
      await expect(badge.getByRole("img", { name: /^Logo van de Werkplaats/ })).toBeVisible();
      await expect.poll(() => badge.getByRole("img", { name: /^Logo van de Werkplaats/ }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/badge-one-${width}.png`, fullPage: true });
    });

    test("the dashboard's waiting list counts the places in line for full workshops too", async ({ page }) => {
      await signInByEmail(page, ORGANISER);
      // The seeded conference has a full workshop with people waiting for it, and nobody waiting for the conference.
      const conference = page.getByRole(width < 600 ? "listitem" : "row").filter({ hasText: CONFERENCE }).first();
      await expect(conference).toContainText(/\+ \d+ voor workshops/);
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/dashboard-${width}.png`, fullPage: true });
    });

    test("several photos go into a report's gallery at once, each with its own alt text", async ({ page }) => {
      const title = `Sfeerverslag galerij ${width} ${Date.now().toString(36)}`;
      await signInByEmail(page, ORGANISER);
      await page.getByRole("navigation", { name: "Beheermenu" }).getByRole("link", { name: "Sfeerverslagen" }).click();
      await page.getByRole("link", { name: "Nieuw sfeerverslag" }).click();
      await page.getByLabel("Titel").fill(title);
      const first = page.getByRole("group", { name: "Nieuwe foto 1" });
      await first.getByLabel(/^Foto kiezen/).setInputFiles({ name: "zaal.png", mimeType: "image/png", buffer: await picture({ r: 14, g: 116, b: 118 }) });
      await first.getByLabel("Beschrijving van de foto (alt-tekst)").fill("De zaal loopt vol met deelnemers.");
      // The next photo's fields appear once one is picked.
      const second = page.getByRole("group", { name: "Nieuwe foto 2" });
      await second.getByLabel(/^Foto kiezen/).setInputFiles({ name: "foyer.png", mimeType: "image/png", buffer: await picture({ r: 200, g: 120, b: 40 }) });
      await second.getByLabel("Beschrijving van de foto (alt-tekst)").fill("Koffie en gesprekken in de foyer.");
      await second.getByLabel(/^Onderschrift/).fill("In de pauze");
      await expect(page.getByRole("group", { name: "Nieuwe foto 3" })).toBeVisible();
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/report-gallery-new-${width}.png`, fullPage: true });
      await page.getByRole("button", { name: "Opslaan als concept" }).click();

      // Stored: the editor shows both photos in the gallery, by their own alt texts.
      await expect(page).toHaveURL(/opgeslagen=/);
      const gallery = page.getByRole("group", { name: "Fotogalerij" });
      await expect(gallery.getByRole("img", { name: "De zaal loopt vol met deelnemers." })).toBeVisible();
      await expect(gallery.getByRole("img", { name: "Koffie en gesprekken in de foyer." })).toBeVisible();
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/report-gallery-saved-${width}.png`, fullPage: true });
    });
  });
}
