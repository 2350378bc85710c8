// Photo uploads with JavaScript switched off: the forms post natively to /api/uploads/form, which stages the
// photo and sends the form on to its page after one more click; the photo is re-encoded and shown. (With
// JavaScript they are covered by conference-editor, report-editor and the organiser journey.)
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { signInByEmail } from "./support/email-sign-in";
import { expect, test } from "./support/fixtures";

test.describe.configure({ timeout: 120_000 });

// The second organisation's owner: the Werkplaats's accounts already sign in as often as the per-address
// limit allows (5 an hour) in a full run.
const ORGANISATION = "/beheer/netwerk-zorg-drechtsteden";
const SCREENSHOTS = process.env.EDITOR_SCREENSHOTS;

function picture(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 11, g: 70, b: 82 } } }).png().toBuffer();
}

test("without JavaScript an organiser adds a speaker with a photo and a report with a cover", async ({ page, browser, baseURL }) => {
  await signInByEmail(page, "eigenaar@drechtsteden.test");
  await expect(page).toHaveURL(new RegExp(`${ORGANISATION}$`));
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState(), baseURL });
  try {
    const plain = await noScript.newPage();
    const suffix = Date.now().toString(36);

    // A speaker with a photo.
    const name = `Zonder Script ${suffix}`;
    await plain.goto(`${ORGANISATION}/sprekers`);
    const form = plain.getByRole("region", { name: "Nieuwe spreker" });
    await form.getByLabel("Naam", { exact: true }).fill(name);
    await form.getByLabel(/^Foto/).setInputFiles({ name: "portret.png", mimeType: "image/png", buffer: await picture(320, 320) });
    await form.getByLabel("Wat staat er op de foto?").fill(`Portret van ${name}`);
    await form.getByRole("button", { name: "Spreker toevoegen" }).click();
    await continueAfterUpload(plain);
    await expect(plain.getByText("De spreker is toegevoegd.")).toBeVisible();
    await plain.getByRole("link", { name }).click();
    const portrait = plain.getByRole("img", { name: `Portret van ${name}` });
    await expect(portrait).toBeVisible();
    await expect.poll(() => portrait.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

    // A report with a cover photo.
    const title = `Verslag zonder script ${suffix}`;
    await plain.goto(`${ORGANISATION}/sfeerverslagen/nieuw`);
    await plain.getByLabel("Titel").fill(title);
    await plain.getByLabel("Verslag", { exact: true }).fill("Tekst bij de foto.");
    await plain.getByLabel("Omslagfoto kiezen").setInputFiles({ name: "zaal.png", mimeType: "image/png", buffer: await picture(1200, 675) });
    await plain.getByLabel("Beschrijving van de foto (alt-tekst)").first().fill("Een zaal vol mensen, zonder script.");
    await plain.getByRole("button", { name: "Opslaan als concept" }).click();
    await continueAfterUpload(plain);
    await expect(plain.getByText("Opgeslagen als concept. Bezoekers zien het nog niet.")).toBeVisible();
    const cover = plain.getByRole("img", { name: "Een zaal vol mensen, zonder script." }).first();
    await expect(cover).toBeVisible();
    await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  } finally {
    await noScript.close();
  }
});

/** Without JavaScript the photo arrives first; the page that says so sends the rest of the form on a click. */
async function continueAfterUpload(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { name: "Foto ontvangen" })).toBeVisible();
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/upload-received.png` });
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
}
