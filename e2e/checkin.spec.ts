// The door on a phone: a host signs in by email, checks people in by search and by ticket code, registers a
// walk-in, keeps going offline and syncs once back online; a second host screen sees the count within 2 s.
import type { Page } from "@playwright/test";
import { DOOR_SLUG as SLUG, registerAttendee, signInAsHost } from "./support/door";
import { expect, test } from "./support/fixtures";

const CHECKIN = `/checkin/${SLUG}`;

test.use({ viewport: { width: 390, height: 844 } });
test.describe.configure({ mode: "serial" });

async function checkedIn(page: Page): Promise<number> {
  const count = page.getByTestId("checkin-count");
  await expect(count).toHaveText(/^\d+ van \d+$/);
  return Number((await count.textContent())?.split(" ")[0]);
}

async function searchAndPick(page: Page, term: string, name: string): Promise<void> {
  await page.getByLabel("Zoek op naam of organisatie").fill(term);
  await page.getByRole("button", { name: new RegExp(`^${name}`) }).click();
}

const verdict = (page: Page) => page.getByRole("alertdialog");

test("search, ticket code, amber on a second scan, walk-in, and a second screen's count within 2 seconds", async ({ page, context }) => {
  await signInAsHost(page);
  const code = await registerAttendee(page.request, "Vera Voordeur");
  await page.goto(CHECKIN);
  const second = await context.newPage();
  await second.goto(CHECKIN);
  const before = await checkedIn(second);

  await searchAndPick(page, "DEKK", "Inge Dekker");
  await expect(verdict(page)).toContainText("Welkom, Inge Dekker");
  await expect(verdict(page)).toContainText("Rolstoelgebruiker: plek aan het gangpad");
  await expect(second.getByTestId("checkin-count")).toHaveText(new RegExp(`^${before + 1} van`), { timeout: 2_000 });
  await page.getByRole("button", { name: "Volgende" }).click();

  await searchAndPick(page, "dekker", "Inge Dekker");
  await expect(verdict(page)).toContainText(/Al ingecheckt om \d\d\.\d\d door Hanna Host/);
  await page.getByRole("button", { name: "Volgende" }).click();

  // A keyboard-wedge scanner types the code and Enter; a second scan of the same ticket is amber.
  await page.getByLabel("Ticketcode").fill(code.toLowerCase());
  await page.getByLabel("Ticketcode").press("Enter");
  await expect(verdict(page)).toContainText("Welkom, Vera Voordeur");
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
  await expect(verdict(page)).toContainText(/Al ingecheckt om/);
  await page.getByRole("button", { name: "Volgende" }).click();

  await page.getByLabel("Ticketcode").fill("0".repeat(25) + "1");
  await page.getByRole("button", { name: "Controleer" }).click();
  await expect(verdict(page)).toContainText("Onbekende code");
  await page.getByRole("button", { name: "Volgende" }).click();

  await page.getByRole("button", { name: "Walk-in aanmelden" }).click();
  await page.getByLabel("Naam", { exact: true }).fill("Willem Binnenloper");
  await page.getByLabel(/^E-mailadres/).fill(`willem.${Date.now()}@voorbeeld.test`);
  await page.getByRole("button", { name: "Ja, akkoord: aanmelden en inchecken" }).click();
  await expect(verdict(page)).toContainText("Welkom, Willem Binnenloper");
  await page.getByRole("button", { name: "Volgende" }).click();
  await expect(second.getByTestId("checkin-count")).toHaveText(new RegExp(`^${before + 3} van`), { timeout: 2_000 });
});

test("offline: three check-ins decided on the phone, queued, and synced exactly once", async ({ page, context }) => {
  await signInAsHost(page);
  await page.goto(CHECKIN);
  const before = await checkedIn(page);
  await expect(page.getByText(/Deelnemerslijst van/)).toBeVisible();

  await context.setOffline(true);
  await expect(page.getByText("Offline: scans worden op dit apparaat bewaard")).toBeVisible();
  for (const [term, name] of [["smits", "Daan Smits"], ["el amr", "Noor El Amrani"], ["brouwer", "Sofie Brouwer"]] as const) {
    await searchAndPick(page, term, name);
    await expect(verdict(page)).toContainText(`Welkom, ${name}`);
    await expect(verdict(page)).toContainText("Offline beslist");
    await page.getByRole("button", { name: "Volgende" }).click();
  }
  await expect(page.getByText("3 scans wachten op verzending")).toBeVisible();

  await context.setOffline(false);
  await expect(page.getByText(/wachten op verzending|wacht op verzending/)).toBeHidden({ timeout: 10_000 });
  await expect(page.getByTestId("checkin-count")).toHaveText(new RegExp(`^${before + 3} van`));
  // Sent once: a reload (which would resend anything left in the queue) changes nothing.
  await page.reload();
  await expect(page.getByTestId("checkin-count")).toHaveText(new RegExp(`^${before + 3} van`));
});

test("a late answer from the server does not turn the banner back to online once the network is gone", async ({ page, context, browser }) => {
  await signInAsHost(page);
  const code = await registerAttendee(page.request, "Lotte Laat");
  await page.goto(CHECKIN);
  const before = await checkedIn(page);

  // The next live-count poll is held on its way, as on a phone whose network drops while a request travels.
  // Meanwhile a second host, still online, checks someone in; then the phone gets the server's real answer,
  // fetched only now, so that its count (one more) shows when the phone has taken the answer in.
  let arrived!: () => void;
  const polled = new Promise<void>((resolve) => (arrived = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    `**/api/checkin/${SLUG}/counts`,
    async (route) => {
      arrived();
      await released;
      await route.fulfill({ response: await route.fetch() });
    },
    { times: 1 },
  );
  await polled;
  await context.setOffline(true);
  await expect(page.getByText("Offline: scans worden op dit apparaat bewaard")).toBeVisible();

  const otherHost = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const second = await otherHost.newPage();
  await signInAsHost(second);
  await second.goto(CHECKIN);
  await second.getByLabel("Ticketcode").fill(code);
  await second.getByRole("button", { name: "Controleer" }).click();
  await expect(verdict(second)).toContainText("Welkom, Lotte Laat");
  await otherHost.close();

  release();
  await expect(page.getByTestId("checkin-count")).toHaveText(new RegExp(`^${before + 1} van`));
  // The answer is in, and the phone still says what is true: it is offline.
  await expect(page.getByText("Offline: scans worden op dit apparaat bewaard")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Online$/ })).toHaveCount(0);
  await context.setOffline(false);
  await expect(page.getByText("Offline: scans worden op dit apparaat bewaard")).toBeHidden();
});

test("signing out forgets the ticket list this browser kept for the door", async ({ page }) => {
  await signInAsHost(page);
  await page.goto(CHECKIN);
  await expect(page.getByText(/Deelnemerslijst van/)).toBeVisible();
  const ticketList = () => page.evaluate((slug) => window.localStorage.getItem(`podium.checkin.${slug}.tickets`), SLUG);
  expect(await ticketList()).toContain("Inge Dekker");

  await page.goto("/uitloggen");
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await page.waitForURL(/\/inloggen\?uitgelogd=1/);
  await expect.poll(ticketList).toBeNull();
  // Back at the door: signed out, so to the sign-in page, and still nothing on this browser.
  await page.goto(CHECKIN);
  await expect(page).toHaveURL(/\/inloggen/);
  expect(await ticketList()).toBeNull();
});

test("a stranger's URL gives nothing: signed out to the sign-in page, API 401 without a word about the conference", async ({ page }) => {
  await page.goto(CHECKIN);
  await expect(page).toHaveURL(/\/inloggen/);
  const response = await page.request.get(`/api/checkin/${SLUG}/tickets`);
  expect(response.status()).toBe(401);
  expect(response.headers()["cache-control"]).toContain("no-store");
});
