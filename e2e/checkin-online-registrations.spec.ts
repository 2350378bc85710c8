// The door with people who signed up the way attendees do, through the public form and the JSON API (the
// door once refused every one of them while seeded registrations worked), and a scan the server refuses:
// it is never shown as done, stays on the phone in red with the server's reason, and leaves only when the
// host retries or removes it.
import type { Page } from "@playwright/test";
import { DOOR_SLUG as SLUG, registerAttendee, signInAsHost } from "./support/door";
import { expect, test } from "./support/fixtures";
import { waitForMail } from "./support/mail";

const CHECKIN = `/checkin/${SLUG}`;
const DAY = 86_400_000;

test.use({ viewport: { width: 390, height: 844 } });
test.describe.configure({ mode: "serial" });

const verdict = (page: Page) => page.getByRole("alertdialog");

async function checkedIn(page: Page): Promise<number> {
  const count = page.getByTestId("checkin-count");
  await expect(count).toHaveText(/^\d+ van \d+$/);
  return Number((await count.textContent())?.split(" ")[0]);
}

async function searchAndPick(page: Page, term: string, name: string): Promise<void> {
  await page.getByLabel("Zoek op naam of organisatie").fill(term);
  await page.getByRole("button", { name: new RegExp(`^${name}`) }).click();
}

async function typeCode(page: Page, code: string): Promise<void> {
  await page.getByLabel("Ticketcode").fill(code);
  await page.getByRole("button", { name: "Controleer" }).click();
}

/** Signs up on the public form, as an attendee on a phone does; returns the ticket code from the email. */
async function registerThroughForm(page: Page, name: string): Promise<string> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@voorbeeld.test`;
  await page.goto(`/conferenties/${SLUG}/aanmelden`);
  await page.getByLabel("Naam").fill(name);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel(/Ik ga akkoord met de verwerking/).check();
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.getByRole("heading", { name: "Je bent aangemeld" })).toBeVisible({ timeout: 10_000 });
  const code = (await waitForMail({ to: email, subject: "Je ticket voor" })).text.match(/Ticketcode: ([0-9A-Z]+)/)?.[1];
  if (!code) throw new Error("no ticket code in the email");
  return code;
}

test("people who signed up online: name search, typed code, undo, and offline sync, all decided by the server", async ({ page }) => {
  await registerThroughForm(page, "Fenna Formulier");
  const apiCode = await registerAttendee(page.request, "Arend Api");
  await registerAttendee(page.request, "Olga Offline");
  await signInAsHost(page);
  await page.goto(CHECKIN);
  await expect(page.getByText(/Deelnemerslijst van/)).toBeVisible();
  const before = await checkedIn(page);

  // Name search: the pick sends the registration's id, which for an online sign-up is a UUID.
  await searchAndPick(page, "fenna form", "Fenna Formulier");
  await expect(verdict(page)).toContainText("Welkom, Fenna Formulier");
  await expect(verdict(page)).not.toContainText("Offline beslist");
  await expect(page.getByTestId("checkin-count")).toHaveText(new RegExp(`^${before + 1} van`));

  // Undo: the notice comes once the server has recorded it, and the next pick is a welcome again.
  await page.getByRole("button", { name: "Ongedaan maken" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check-in van Fenna Formulier ongedaan gemaakt." })).toBeVisible();
  await expect(page.getByTestId("checkin-count")).toHaveText(new RegExp(`^${before} van`));
  await searchAndPick(page, "formulier", "Fenna Formulier");
  await expect(verdict(page)).toContainText("Welkom, Fenna Formulier");
  await page.getByRole("button", { name: "Volgende" }).click();

  // The ticket code from the JSON API's email, typed as a host would read it out: in groups, lower case.
  await typeCode(page, `${apiCode.slice(0, 6).toLowerCase()} ${apiCode.slice(6)}`);
  await expect(verdict(page)).toContainText("Welkom, Arend Api");
  await expect(verdict(page)).not.toContainText("Offline beslist");
  await page.getByRole("button", { name: "Volgende" }).click();

  // Offline: the phone decides from its list and says so; back online, the scan is sent once.
  await page.context().setOffline(true);
  await expect(page.getByText("Offline: scans worden op dit apparaat bewaard")).toBeVisible();
  await searchAndPick(page, "olga", "Olga Offline");
  await expect(verdict(page)).toContainText("Welkom, Olga Offline");
  await expect(verdict(page)).toContainText("Offline beslist");
  await page.getByRole("button", { name: "Volgende" }).click();
  await expect(page.getByText("1 scan wacht op verzending")).toBeVisible();
  await page.context().setOffline(false);
  await expect(page.getByText(/wacht op verzending|wachten op verzending/)).toBeHidden({ timeout: 10_000 });
  await expect(page.getByTestId("checkin-count")).toHaveText(new RegExp(`^${before + 3} van`));
  await searchAndPick(page, "olga", "Olga Offline");
  await expect(verdict(page)).toContainText(/Al ingecheckt om \d\d\.\d\d/);
  await page.getByRole("button", { name: "Volgende" }).click();
});

test("a scan the server refuses is shown in red with the reason, kept and counted, until the host removes it", async ({ page }) => {
  const code = await registerAttendee(page.request, "Rik Geweigerd");
  await signInAsHost(page);
  await page.goto(CHECKIN);
  await expect(page.getByText(/Deelnemerslijst van/)).toBeVisible();
  const before = await checkedIn(page);
  // The phone's clock is three days ahead: the server refuses scans stamped with that time.
  await page.clock.setFixedTime(new Date(Date.now() + 3 * DAY));

  await typeCode(page, code);
  await expect(verdict(page)).toContainText("Niet vastgelegd");
  await expect(verdict(page)).toContainText("De server heeft deze scan niet vastgelegd");
  await expect(verdict(page)).toContainText("Staan de datum en de klok van dit apparaat goed?");
  await expect(verdict(page)).not.toContainText("Welkom");
  await page.screenshot({ path: test.info().outputPath("door-refused-verdict.png") });
  await page.getByRole("button", { name: "Bewaren en verder" }).click();

  const refused = page.getByRole("region", { name: /scan niet vastgelegd/ });
  await expect(refused).toContainText("1 scan niet vastgelegd");
  await expect(page.getByText("1 scan wacht op verzending")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("door-refused-list.png"), fullPage: true });
  // Trying again sends the same scan, with the same time: refused again, and still kept.
  await refused.getByRole("button", { name: "Opnieuw proberen" }).click();
  await expect(verdict(page)).toContainText("De server heeft deze scan niet vastgelegd");
  await page.getByRole("button", { name: "Bewaren en verder" }).click();
  await expect(refused.getByTestId("refused-item")).toHaveCount(1);
  await refused.getByRole("button", { name: "Verwijderen" }).click();
  await expect(refused).toBeHidden();
  await expect(page.getByText(/wacht op verzending/)).toBeHidden();

  // Offline the phone cannot know; once the queue is sent, the refusal shows in red with the person's name.
  await page.context().setOffline(true);
  await searchAndPick(page, "rik gew", "Rik Geweigerd");
  await expect(verdict(page)).toContainText("Offline beslist");
  await page.getByRole("button", { name: "Volgende" }).click();
  await page.context().setOffline(false);
  await expect(refused).toContainText(/Scan van Rik Geweigerd om \d\d\.\d\d/, { timeout: 10_000 });
  await expect(page.getByText("1 scan wacht op verzending")).toBeVisible();
  await expect(page.getByTestId("checkin-count")).toHaveText(new RegExp(`^${before} van`));
  await refused.getByRole("button", { name: "Verwijderen" }).click();
  await expect(refused).toBeHidden();

  // With the clock right again, the server records the next scan.
  await page.clock.setFixedTime(new Date());
  await typeCode(page, code);
  await expect(verdict(page)).toContainText("Welkom, Rik Geweigerd");
  await page.getByRole("button", { name: "Volgende" }).click();
  await expect(page.getByTestId("checkin-count")).toHaveText(new RegExp(`^${before + 1} van`));
});
