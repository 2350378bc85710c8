// Issue 14, items 5, 6, 7 and 13 on the public pages, at a phone's width and a laptop's: a compact site bar
// with a menu, icons, the calendar subscription, the organiser named with a contact address, places left
// without alarm, a conference that is over showing what happened, and speakers' parts as the programme has them.
import { expect, test } from "./support/fixtures";

const UPCOMING = "/conferenties/samen-sterker-in-de-wijk-2027";
const PAST = "/conferenties/doe-leer-en-inspireer-2017";

test("the favicon and the app icons are there, as images", async ({ request }) => {
  for (const [path, type] of [
    ["/favicon.ico", /image\/(x-icon|vnd\.microsoft\.icon)/],
    ["/icon.svg", /image\/svg\+xml/],
    ["/apple-icon.png", /image\/png/],
    ["/icon-192.png", /image\/png/],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toMatch(type);
  }
  const manifest = (await (await request.get("/manifest.webmanifest")).json()) as { icons: Array<{ src: string }> };
  expect(manifest.icons.map((icon) => icon.src)).toContain("/icon-512.png");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the site bar is one compact row whose menu opens the links", async ({ page }, testInfo) => {
    await page.goto(UPCOMING);
    const bar = page.getByRole("banner");
    expect((await bar.boundingBox())?.height ?? 999).toBeLessThanOrEqual(80);
    await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath("conference-390.png"), fullPage: true });

    const menu = bar.getByText("Menu");
    await menu.click();
    const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
    await expect(nav.getByRole("link", { name: "Sfeerverslagen" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("menu-open-390.png") });
    await nav.getByRole("link", { name: "Sfeerverslagen" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sfeerverslagen" })).toBeVisible();
    // After the navigation the menu is closed again.
    await expect(page.getByRole("navigation", { name: "Hoofdmenu" })).toBeHidden();
  });
});

test.describe("without JavaScript on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });

  test("the menu still opens", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("banner").getByText("Menu").click();
    await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Dossiers" })).toBeVisible();
  });
});

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test("an upcoming conference: places without alarm, the organiser with an address, parts as programmed, a calendar to subscribe to", async ({ page }, testInfo) => {
      await page.goto(UPCOMING);
      const panel = page.getByRole("complementary");
      const places = panel.getByText(/^nog \d+ plaatsen$/);
      await expect(places).toBeVisible();
      // Plenty of places left is news, in the text colour; not the accent reserved for the last few.
      const left = Number((await places.textContent())?.match(/\d+/)?.[0]);
      expect(left).toBeGreaterThan(10);
      expect(await places.evaluate((el) => getComputedStyle(el).color)).toBe("rgb(28, 43, 47)");

      const organiser = page.getByRole("region", { name: "Organisatie" });
      await expect(organiser).toContainText("Georganiseerd door Werkplaats Sociaal Domein Zuid-Holland Zuid.");
      await expect(organiser.getByRole("link", { name: "info@werkplaats-sociaal-domein.example" })).toHaveAttribute(
        "href",
        "mailto:info@werkplaats-sociaal-domein.example",
      );
      await expect(page.getByText("Mirjam Kok (dagvoorzitter)")).toBeVisible();
      await expect(page.getByText("gastheer/-vrouw")).toHaveCount(0);

      const footer = page.getByRole("contentinfo");
      await expect(footer.getByRole("link", { name: "Abonneer je agenda op alle conferenties" })).toHaveAttribute("href", /^webcal:\/\/.+\/feeds\/conferenties\.ics$/);
      await expect(footer.getByRole("link", { name: "Conferenties als bestand (.ics)" })).toHaveAttribute("href", "/feeds/conferenties.ics");
      await page.screenshot({ path: testInfo.outputPath(`upcoming-${viewport.width}.png`), fullPage: true });
    });

    test("a conference that is over shows what happened: no places, no sign-up", async ({ page }, testInfo) => {
      await page.goto(PAST);
      const panel = page.getByRole("complementary");
      await expect(panel).toContainText("Deze conferentie is voorbij");
      await expect(panel.getByRole("link", { name: /sfeerverslag/i })).toBeVisible();
      await expect(page.getByText(/nog (maar )?\d+ plaats/)).toHaveCount(0);
      await expect(page.getByRole("link", { name: "Aanmelden" })).toHaveCount(0);
      await expect(page.getByRole("heading", { name: "Programma" })).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`past-${viewport.width}.png`), fullPage: true });
    });
  });
}
