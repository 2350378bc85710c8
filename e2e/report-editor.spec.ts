// An organiser writes a sfeerverslag in the dashboard, with a cover photo uploaded from their computer and the
// 2027 demo conference linked (not the 2017 one: visitor.spec.ts follows that conference to its own report), watches the live preview, publishes it, and a visitor reads it on the public site.
import sharp from "sharp";
import { expect, test } from "./support/fixtures";
import { signInByEmail } from "./support/email-sign-in";

test.describe.configure({ timeout: 90_000 });

const ORGANISATION = "/beheer/werkplaats-sociaal-domein-zhz";
// Set to a folder to keep screenshots of the editor (to look at, not to compare).
const SCREENSHOTS = process.env.REPORT_EDITOR_SCREENSHOTS;

test("an organiser writes and publishes a report with a cover photo; a visitor reads it", async ({ page, browser }) => {
  const suffix = Date.now().toString(36);
  const title = `Terugblik op de werkconferentie ${suffix}`;
  const slug = `terugblik-op-de-werkconferentie-${suffix}`;
  const cover = await sharp({ create: { width: 1200, height: 675, channels: 3, background: { r: 14, g: 116, b: 118 } } })
    .png()
    .toBuffer();

  await signInByEmail(page, "redactie@podium.test");
  await expect(page).toHaveURL(new RegExp(`${ORGANISATION}$`));
  await page.getByRole("navigation", { name: "Beheermenu" }).getByRole("link", { name: "Sfeerverslagen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sfeerverslagen" })).toBeVisible();
  await page.getByRole("link", { name: "Nieuw sfeerverslag" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nieuw sfeerverslag" })).toBeVisible();

  const preview = page.getByRole("region", { name: "Voorbeeld" });
  await page.getByLabel("Titel").fill(title);
  await page.getByLabel("Inleiding").fill("Een middag vol ontmoetingen in Theater aan de Schie.");
  await page.getByLabel("Verslag", { exact: true }).fill(
    "## Wat we leerden\n\nDe zaal zat **vol**. Raw HTML blijft tekst: <script>alert(1)</script>\n\n- samen doen\n- mee werken",
  );
  // The preview renders the markdown as the public page will, while typing.
  await expect(preview.getByRole("heading", { name: "Wat we leerden" })).toBeVisible();
  await expect(preview.locator("strong", { hasText: "vol" })).toBeVisible();
  await expect(preview.getByText("<script>alert(1)</script>", { exact: false })).toBeVisible();

  await page.getByLabel("Omslagfoto kiezen").setInputFiles({ name: "zaal.png", mimeType: "image/png", buffer: cover });
  await page.getByLabel("Beschrijving van de foto (alt-tekst)").first().fill("Een volle theaterzaal in petrol en teal.");
  await expect(preview.getByRole("img", { name: "Een volle theaterzaal in petrol en teal." })).toBeVisible();
  await page.getByRole("textbox", { name: /^Citaat 1 / }).fill("Samen komen we verder.");
  await page.getByLabel("Wie zei het (citaat 1)").fill("Een wethouder");
  await expect(preview.getByText("“Samen komen we verder.”")).toBeVisible();
  await page.getByRole("combobox", { name: /^Conferentie/ }).selectOption({ label: "Werkconferentie Samen Sterker in de Wijk (11 maart 2027)" });
  await expect(preview.getByText("Over deze conferentie")).toBeVisible();
  await page.getByRole("checkbox", { name: /^Mirjam Kok/ }).check();
  await expect(preview.getByText("Mirjam Kok")).toBeVisible();

  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/editor-new.png`, fullPage: true });

  await page.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.getByText("Opgeslagen en gepubliceerd. Het verslag staat op de website.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // The report's page is inside the "Sfeerverslagen" section of the dashboard's tabs.
  await expect(page.getByRole("navigation", { name: "Beheermenu" }).getByRole("link", { name: "Sfeerverslagen" })).toHaveAttribute(
    "aria-current",
    "location",
  );
  if (SCREENSHOTS) {
    await page.screenshot({ path: `${SCREENSHOTS}/editor-published.png` });
    await page.getByRole("group", { name: "Omslagfoto" }).scrollIntoViewIfNeeded();
    await expect.poll(() => page.getByRole("img", { name: "Een volle theaterzaal in petrol en teal." }).first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/editor-cover.png` });
  }

  // In the dashboard's list, published.
  await page.getByRole("link", { name: "Alle sfeerverslagen" }).click();
  const row = page.getByRole("listitem").filter({ hasText: title });
  await expect(row.getByText("Gepubliceerd")).toBeVisible();

  // A visitor, without a session: the report, its photo loaded through the image optimiser, and the list.
  const visitor = await browser.newContext();
  const reader = await visitor.newPage();
  await reader.goto(`/sfeerverslagen/${slug}`);
  await expect(reader.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(reader.getByRole("heading", { name: "Wat we leerden" })).toBeVisible();
  await expect(reader.getByText("“Samen komen we verder.”")).toBeVisible();
  await expect(reader.getByRole("link", { name: "Werkconferentie Samen Sterker in de Wijk" })).toBeVisible();
  await expect(reader.getByRole("link", { name: "Mirjam Kok" })).toBeVisible();
  const photo = reader.getByRole("img", { name: "Een volle theaterzaal in petrol en teal." });
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  if (SCREENSHOTS) await reader.screenshot({ path: `${SCREENSHOTS}/public-report.png`, fullPage: true });

  await reader.goto("/sfeerverslagen");
  await expect(reader.getByRole("link", { name: title })).toBeVisible();
  await visitor.close();
});

test("without JavaScript the editor still saves, and a refused post keeps what was typed", async ({ page, browser }) => {
  await signInByEmail(page, "organisator@podium.test");
  await expect(page).toHaveURL(new RegExp(`${ORGANISATION}$`));
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const editor = await noScript.newPage();
  await editor.goto(`${ORGANISATION}/sfeerverslagen/nieuw`);

  // Too short a title, and a link that is no web address: the server says so, and nothing typed is lost.
  await editor.getByLabel("Titel").fill("Ja");
  await editor.getByLabel("Verslag", { exact: true }).fill("Tekst die blijft staan.");
  await editor.getByRole("textbox", { name: /^Linktekst 1 / }).fill("Slides");
  await editor.getByRole("textbox", { name: /^Webadres 1 / }).fill("javascript:alert(1)");
  await editor.getByRole("button", { name: "Opslaan als concept" }).click();
  await expect(editor.getByText("Controleer de gemarkeerde velden.")).toBeVisible();
  await expect(editor.getByText("Geef het verslag een titel (minstens 3 tekens).")).toBeVisible();
  await expect(editor.getByText("Vul een volledig webadres in dat begint met https://.")).toBeVisible();
  await expect(editor.getByLabel("Verslag", { exact: true })).toHaveValue("Tekst die blijft staan.");
  await expect(editor.getByRole("textbox", { name: /^Linktekst 1 / })).toHaveValue("Slides");

  const title = `Zonder script ${Date.now().toString(36)}`;
  await editor.getByLabel("Titel").fill(title);
  await editor.getByRole("textbox", { name: /^Webadres 1 / }).fill("https://example.org/slides");
  await editor.getByRole("button", { name: "Opslaan als concept" }).click();
  await expect(editor.getByText("Opgeslagen als concept. Bezoekers zien het nog niet.")).toBeVisible();
  await expect(editor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(editor.getByRole("textbox", { name: /^Linktekst 1 / })).toHaveValue("Slides");
  await noScript.close();
});
