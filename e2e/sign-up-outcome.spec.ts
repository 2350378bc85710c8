// Issue 14, items 1-3, at a phone's width and a laptop's: a refused sign-up takes the person to a summary of
// what to fix (with and without JavaScript, naming a workshop that is the reason); a full workshop is chosen as
// its waiting list, also when it fills up between loading the form and sending it; and afterwards the page says
// what the server decided and where the ticket went. All data through the public form.
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { waitForMail } from "./support/mail";

const CONFERENCE = "/conferenties/samen-sterker-in-de-wijk-2027";
const FORM = `${CONFERENCE}/aanmelden`;
const SUMMARY = "Er is een probleem met je aanmelding";

function uniqueEmail(label: string): string {
  return `${label}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@voorbeeld.test`;
}

async function fillForm(page: Page, name: string, email: string) {
  await page.getByLabel("Naam").fill(name);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel(/Ik ga akkoord met de verwerking/).check();
}

const workshopOptions = (page: Page) => page.locator("label").filter({ has: page.getByRole("radio") }).filter({ hasText: /nog|Vol/ });

/** The title of the workshop with the fewest places left that still has one, and how many it has. */
async function scarcestWorkshop(page: Page): Promise<{ title: string; left: number }> {
  const options = await workshopOptions(page).all();
  let best: { title: string; left: number } | null = null;
  for (const option of options) {
    const text = (await option.textContent()) ?? "";
    const left = Number(text.match(/nog (?:maar )?(\d+) plaats/)?.[1] ?? NaN);
    const title = ((await option.locator("span.font-semibold").first().textContent()) ?? "").trim();
    if (Number.isFinite(left) && left > 0 && (!best || left < best.left)) best = { title, left };
  }
  if (!best) throw new Error("no workshop with places left");
  return best;
}

/** Signs people up for `title` through the public form in a page of their own until it is full. */
async function fillWorkshop(browser: Browser, title: string, left: number) {
  const context = await browser.newContext();
  const other = await context.newPage();
  for (let i = 0; i < left; i += 1) {
    await other.goto(FORM);
    await fillForm(other, `Vuller ${i + 1}`, uniqueEmail("vuller"));
    await other.locator("label").filter({ hasText: title }).getByRole("radio").check();
    await other.getByRole("button", { name: "Aanmelden" }).click();
    await expect(other.getByRole("heading", { name: "Je bent aangemeld" })).toBeVisible();
  }
  await context.close();
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page is no wider than the screen").toBeLessThanOrEqual(0);
}

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test.describe(`sign-up at ${viewport.width} px`, () => {
    test.use({ viewport });

    test("a refused sign-up moves the focus to a summary at the top that links to each field", async ({ page }, testInfo) => {
      await page.goto(FORM);
      await page.getByLabel("Naam").fill("J");
      await page.getByLabel("E-mailadres").fill("geen-adres");
      await page.getByRole("button", { name: "Aanmelden" }).click();

      const summary = page.locator('[aria-labelledby="error-summary-title"]');
      await expect(summary.getByRole("heading", { name: SUMMARY })).toBeVisible();
      await expect(summary).toBeFocused();
      await expect(summary).toBeInViewport();
      await expect(summary.getByRole("link", { name: /e-mailadres/i })).toBeVisible();
      await expect(summary.getByRole("link", { name: /privacyverklaring/ })).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`summary-${viewport.width}.png`) });

      await summary.getByRole("link", { name: /e-mailadres/i }).click();
      await expect(page.getByLabel("E-mailadres")).toBeFocused();
    });

    test("the browser checks a field as it is left, before anything is sent", async ({ page }) => {
      // zod reaches the browser in its own chunk when the form is first touched (issue 18's budget): the check
      // must still be there, at once, without a round trip to the server.
      const posts: string[] = [];
      page.on("request", (request) => void (request.method() === "POST" && posts.push(request.url())));
      await page.goto(FORM);
      const email = page.getByLabel("E-mailadres");
      await email.fill("geen-adres");
      await email.press("Tab");
      await expect(page.getByText("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")).toBeVisible();
      await expect(email).toHaveAttribute("aria-invalid", "true");
      await email.fill("iemand@voorbeeld.nl");
      await expect(page.getByText("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")).toHaveCount(0);
      expect(posts).toEqual([]);
    });

    test("a full workshop is its waiting list: said once in its label, no extra box, and the outcome says so", async ({ page, browser }, testInfo) => {
      await page.goto(FORM);
      await expect(page.getByText(/wacht.*volle workshops|zet me op de wachtlijst/i)).toHaveCount(0);
      // Loaded while the workshop still has room; it fills up before this person sends the form.
      const { title, left } = await scarcestWorkshop(page);
      await fillWorkshop(browser, title, left);

      const email = uniqueEmail("laat");
      await fillForm(page, "Lotte Laat", email);
      await page.locator("label").filter({ hasText: title }).getByRole("radio").check();
      await page.getByRole("button", { name: "Aanmelden" }).click();

      const outcome = page.locator('[aria-labelledby="outcome-title"]');
      await expect(outcome.getByRole("heading", { name: "Je bent aangemeld" })).toBeVisible();
      await expect(outcome).toBeFocused();
      const workshop = outcome.getByRole("listitem").filter({ hasText: title });
      await expect(workshop).toContainText("je staat op de wachtlijst van deze workshop");
      await expect(outcome).toContainText(`Je ticket is onderweg naar ${email}`);
      await expect(page.getByText("net vol geraakt")).toHaveCount(0);
      await page.screenshot({ path: testInfo.outputPath(`outcome-waitlisted-workshop-${viewport.width}.png`), fullPage: true });
      await waitForMail({ to: email, subject: "Je ticket voor" });

      // The next visitor sees it as full, said once, in its label: choosing it is choosing its waiting list.
      await page.goto(FORM);
      const full = page.locator("label").filter({ hasText: title });
      await expect(full).toContainText("Vol: kies je deze workshop, dan kom je op de wachtlijst");
      await expect(page.getByRole("checkbox", { name: /wachtlijst/ })).toHaveCount(0);
    });

    test("after signing up: the place, each workshop's place and where the ticket went, without sideways scrolling", async ({ page }, testInfo) => {
      // A long address, as people have: it wraps instead of widening the page.
      const email = uniqueEmail("marie-louise.van-der-berg-hoogeveen.gemeente-zwijndrecht-afdeling-sociaal-domein");
      await page.goto(FORM);
      await fillForm(page, "Marie-Louise van der Berg", email);
      const roomy = workshopOptions(page).filter({ hasText: /nog (maar )?\d+ plaats/ }).first();
      const title = ((await roomy.locator("span.font-semibold").first().textContent()) ?? "").trim();
      await roomy.getByRole("radio").check();
      await page.getByRole("button", { name: "Aanmelden" }).click();

      const outcome = page.locator('[aria-labelledby="outcome-title"]');
      await expect(outcome.getByRole("heading", { name: "Je bent aangemeld" })).toBeVisible();
      await expect(outcome).toContainText("Je hebt een plaats.");
      await expect(outcome.getByRole("listitem").filter({ hasText: title })).toContainText("je hebt een plaats");
      await expect(outcome).toContainText(`Je ticket is onderweg naar ${email}`);
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: testInfo.outputPath(`outcome-${viewport.width}.png`), fullPage: true });
      await waitForMail({ to: email, subject: "Je ticket voor" });
    });
  });

  test.describe(`sign-up without JavaScript at ${viewport.width} px`, () => {
    test.use({ viewport, javaScriptEnabled: false });

    test("the refusal's summary comes first and has the focus; a complete form shows what was decided", async ({ page }, testInfo) => {
      await page.goto(FORM);
      await page.getByLabel("E-mailadres").fill("geen-adres");
      await page.getByRole("button", { name: "Aanmelden" }).click();
      const summary = page.locator('[aria-labelledby="error-summary-title"]');
      await expect(summary.getByRole("heading", { name: SUMMARY })).toBeVisible();
      await expect(summary).toBeFocused();
      await expect(summary).toBeInViewport();
      await expect(summary.getByRole("link", { name: /Vul je naam in/ })).toHaveAttribute("href", "#registration-name");
      await page.screenshot({ path: testInfo.outputPath(`summary-nojs-${viewport.width}.png`) });

      const email = uniqueEmail("zonder-js");
      await fillForm(page, "Zoë Zonder Script", email);
      await page.getByRole("button", { name: "Aanmelden" }).click();
      const outcome = page.locator('[aria-labelledby="outcome-title"]');
      await expect(outcome.getByRole("heading", { name: "Je bent aangemeld" })).toBeVisible();
      await expect(outcome).toBeFocused();
      await expect(outcome).toContainText(`Je ticket is onderweg naar ${email}`);
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: testInfo.outputPath(`outcome-nojs-${viewport.width}.png`), fullPage: true });
    });

    test("a workshop the server refuses is named in the summary and its link leads to it", async ({ page }) => {
      await page.goto(FORM);
      await fillForm(page, "Ria Ronde", uniqueEmail("ronde"));
      // The page is stale: since it loaded, the organiser moved this workshop to the other round. (Posting the
      // other round's workshop for this round is what such a page sends.) Without JavaScript, so that the
      // browser posts exactly what is in the page.
      const rounds = page.locator("fieldset fieldset");
      const moved = rounds.nth(1).getByRole("radio").first();
      const movedTitle = ((await rounds.nth(1).locator("label span.font-semibold").first().textContent()) ?? "").trim();
      const movedId = await moved.getAttribute("value");
      const stale = rounds.nth(0).getByRole("radio").first();
      await stale.evaluate((input, value) => input.setAttribute("value", value ?? ""), movedId);
      await stale.check();
      await page.getByRole("button", { name: "Aanmelden" }).click();

      const summary = page.locator('[aria-labelledby="error-summary-title"]');
      await expect(summary).toBeFocused();
      const link = summary.getByRole("link", { name: new RegExp(`${movedTitle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.*kan niet meer gekozen worden`) });
      await expect(link).toBeVisible();
      await expect(page.getByRole("heading", { name: "Je bent aangemeld" })).toHaveCount(0);
      await expect(link).toHaveAttribute("href", `#workshop-${movedId}`);
      await expect(page.locator(`#workshop-${movedId}`)).toBeVisible();
    });
  });
}
