// The door on a phone: a host signs in by email, checks people in by search and by ticket code, registers a
// walk-in, keeps going offline and syncs once back online; a second host screen sees the count within 2 s.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { listMail, waitForMail, type ReceivedMail } from "./support/mail";

const SLUG = "samen-sterker-in-de-wijk-2027";
const CHECKIN = `/checkin/${SLUG}`;
const HOST = "host@podium.test";

test.use({ viewport: { width: 390, height: 844 } });
test.describe.configure({ mode: "serial" });

async function mailSince(to: string, since: number): Promise<ReceivedMail> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const found = (await listMail()).find((mail) => mail.envelopeTo.includes(to) && Date.parse(mail.receivedAt) >= since);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail to ${to}`);
}

async function signInAsHost(page: Page): Promise<void> {
  const since = Date.now() - 1_000;
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(HOST);
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page.getByRole("heading", { name: "Check je e-mail" })).toBeVisible();
  const link = /(https?:\/\/\S+\/inloggen\/bevestigen\?\S+)/.exec((await mailSince(HOST, since)).text)?.[1];
  if (!link) throw new Error("no sign-in link");
  await page.goto(link);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/inloggen"));
}

/** A fresh attendee through the public API; their ticket code from the confirmation email. */
async function registerAttendee(page: Page, name: string): Promise<string> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@voorbeeld.test`;
  const response = await page.request.post(`/api/conferences/${SLUG}/registrations`, { data: { name, email, privacyConsent: true } });
  expect(response.status()).toBe(202);
  const code = (await waitForMail({ to: email, subject: "Je ticket voor" })).text.match(/Ticketcode: ([0-9A-Z]+)/)?.[1];
  if (!code) throw new Error("no ticket code in the email");
  return code;
}

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
  const code = await registerAttendee(page, "Vera Voordeur");
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
  await page.getByLabel("E-mailadres", { exact: true }).fill(`willem.${Date.now()}@voorbeeld.test`);
  await page.getByLabel("De bezoeker gaat akkoord met de privacyverklaring").check();
  await page.getByRole("button", { name: "Aanmelden en inchecken" }).click();
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

test("a stranger's URL gives nothing: signed out to the sign-in page, API 401 without a word about the conference", async ({ page }) => {
  await page.goto(CHECKIN);
  await expect(page).toHaveURL(/\/inloggen/);
  const response = await page.request.get(`/api/checkin/${SLUG}/tickets`);
  expect(response.status()).toBe(401);
  expect(response.headers()["cache-control"]).toContain("no-store");
});
