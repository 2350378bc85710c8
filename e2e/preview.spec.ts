// Issue 14, item 9: before publishing, an organiser sees a draft conference and a draft report exactly as the
// public will, marked as a preview, never stored or indexed; anyone else gets the 404 page. The publish panel
// lists what the public page would miss.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { signInByEmail } from "./support/email-sign-in";

const DRAFT_CONFERENCE = "Werkconferentie Najaar 2027";
const DRAFT_REPORT = "Concept: terugblik op de werkplaatsbijeenkomst";

async function expectPrivatePreview(page: Page, url: string) {
  // The headers of the very response the browser got: not stored, not indexed.
  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(response.headers()["x-robots-tag"]).toContain("noindex");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
}

async function expectNotFoundForStrangers(page: Page, url: string) {
  const stranger = await page.context().browser()?.newContext();
  if (!stranger) throw new Error("no browser");
  const response = await stranger.request.get(new URL(url, page.url()).href);
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain(DRAFT_CONFERENCE);
  await stranger.close();
}

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test("a draft conference: the checklist beside the publish button, and a preview only the organisation sees", async ({ page }, testInfo) => {
      await signInByEmail(page, "redactie@podium.test");
      await page.getByRole("link", { name: DRAFT_CONFERENCE }).first().click();
      await expect(page.getByRole("heading", { level: 1, name: DRAFT_CONFERENCE })).toBeVisible();

      const checklist = page.getByRole("region", { name: "Klaar om te publiceren?" });
      await expect(checklist).toBeVisible();
      await expect(checklist.getByText("Locatie:")).toContainText("in orde");
      await expect(checklist.getByText("Programma (minstens één onderdeel):")).toContainText("in orde");
      await expect(checklist.getByText("Contactadres van de organisatie:")).toContainText("in orde");
      await page.screenshot({ path: testInfo.outputPath(`checklist-${viewport.width}.png`), fullPage: true });

      await checklist.getByRole("link", { name: "Bekijk als bezoeker (voorbeeld)" }).click();
      await expect(page.getByRole("heading", { level: 1, name: DRAFT_CONFERENCE })).toBeVisible();
      const notice = page.getByRole("region", { name: "Voorbeeld" });
      await expect(notice).toContainText("Zo ziet deze pagina eruit als de conferentie gepubliceerd is");
      // What the public page shows: the programme, and who organises it with a contact address.
      await expect(page.getByRole("heading", { name: "Programma" })).toBeVisible();
      await expect(page.getByRole("region", { name: "Organisatie" }).getByRole("link", { name: /@/ })).toHaveAttribute("href", /^mailto:/);
      // The sign-up of a draft does not exist yet: the preview shows the button, not a link to a 404.
      await expect(page.getByText("Aanmelden kan zodra de conferentie gepubliceerd is")).toBeVisible();
      await expect(page.getByRole("link", { name: "Aanmelden", exact: true })).toHaveCount(0);
      await page.screenshot({ path: testInfo.outputPath(`conference-preview-${viewport.width}.png`), fullPage: true });

      const url = page.url();
      await expectPrivatePreview(page, url);
      await expectNotFoundForStrangers(page, url);
      // The public address of a draft is still nobody's business.
      const slug = new URL(url).pathname.split("/").pop();
      expect((await page.request.get(`/conferenties/${slug}`)).status()).toBe(404);
    });

    test("the organisation's settings hold the contact address that pages and emails name, and refuse a wrong one", async ({ page }, testInfo) => {
      await signInByEmail(page, "redactie@podium.test");
      await page.getByRole("navigation", { name: "Beheermenu" }).getByRole("link", { name: "Instellingen" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Gegevens van de organisatie" })).toBeVisible();
      const contact = page.getByLabel("Contactadres (e-mail)");
      await expect(contact).toHaveValue("info@werkplaats-sociaal-domein.example");
      await contact.fill("info-at-werkplaats");
      await page.getByRole("button", { name: "Opslaan" }).click();
      await expect(page.getByText("Vul een geldig e-mailadres in, bijvoorbeeld info@organisatie.nl.")).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`settings-${viewport.width}.png`), fullPage: true });
    });

    test("a draft report: a preview of the saved version, only for the organisation", async ({ page }, testInfo) => {
      await signInByEmail(page, "redactie@podium.test");
      await page.getByRole("navigation", { name: "Beheermenu" }).getByRole("link", { name: "Sfeerverslagen" }).click();
      await page.getByRole("link", { name: DRAFT_REPORT }).click();
      await page.getByRole("link", { name: "Bekijk de opgeslagen versie als bezoeker (voorbeeld)" }).click();
      await expect(page.getByRole("heading", { level: 1, name: DRAFT_REPORT })).toBeVisible();
      await expect(page.getByRole("region", { name: "Voorbeeld" })).toContainText("Zo ziet dit verslag eruit als het gepubliceerd is");
      await page.screenshot({ path: testInfo.outputPath(`report-preview-${viewport.width}.png`), fullPage: true });

      const url = page.url();
      await expectPrivatePreview(page, url);
      await expectNotFoundForStrangers(page, url);
    });
  });
}
