// Issue 14, items 8 and 14 at the door: the short door code a visitor reads out (from their email and ticket
// page) is typed by the host in lower case, with or without its space, online and offline; a walk-in needs only
// a name, says yes to the privacy question in the same tap that registers them, and gets a workshop that still
// has places. At a phone's width and a desk's. The attendees sign up through the public JSON API.
import type { APIRequestContext, Page } from "@playwright/test";
import { DOOR_SLUG as SLUG, signInAsHost } from "./support/door";
import { expect, test } from "./support/fixtures";
import { waitForMail } from "./support/mail";

const CHECKIN = `/checkin/${SLUG}`;
const SCREENSHOTS = process.env.EDITOR_SCREENSHOTS;

test.describe.configure({ mode: "serial" });

type Ticket = { ticketCode: string; doorCode: string; ticketPage: string };

/** A fresh attendee through the public API, with the codes and the ticket page's link from their email. */
async function signUp(request: APIRequestContext, name: string): Promise<Ticket> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@voorbeeld.test`;
  const response = await request.post(`/api/conferences/${SLUG}/registrations`, { data: { name, email, privacyConsent: true } });
  expect(response.status()).toBe(202);
  const text = (await waitForMail({ to: email, subject: "Je ticket voor" })).text;
  const ticketCode = /Ticketcode: ([0-9A-Z]+)/.exec(text)?.[1];
  const doorCode = /Noem bij de ingang deze code: ([0-9A-Z]{3} [0-9A-Z]{3})/.exec(text)?.[1];
  const ticketPage = /(https?:\/\/\S+\/aanmelding\/[^\s)>\]]+)/.exec(text)?.[1];
  if (!ticketCode || !doorCode || !ticketPage) throw new Error(`the email lacks a code or the ticket link:\n${text}`);
  return { ticketCode, doorCode, ticketPage };
}

const verdict = (page: Page) => page.getByRole("alertdialog");

async function typeCode(page: Page, code: string): Promise<void> {
  await page.getByLabel("Ticketcode").fill(code);
  await page.getByRole("button", { name: "Controleer" }).click();
}

for (const width of [390, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 600 ? 844 : 900 } });

    test("the door code from the email and ticket page checks people in, typed any way, also offline", async ({ page, context }) => {
      const suffix = `${width} ${Date.now().toString(36)}`;
      const karin = `Karin Kortecode ${suffix}`;
      const omar = `Omar Offline ${suffix}`;
      const [first, second] = [await signUp(page.request, karin), await signUp(page.request, omar)];
      expect(first.doorCode.replace(" ", "")).toHaveLength(6);
      expect(first.ticketCode.startsWith(first.doorCode.replace(" ", ""))).toBe(false);

      // The ticket page shows the same code as the email, printed as it is read out.
      await page.goto(new URL(first.ticketPage).pathname + new URL(first.ticketPage).search);
      await expect(page.getByText(first.doorCode, { exact: true })).toBeVisible();
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/ticket-page-${width}.png`, fullPage: true });

      await signInAsHost(page);
      await page.goto(CHECKIN);
      await expect(page.getByText(/Deelnemerslijst van/)).toBeVisible();

      // Read out and typed in lower case, without the space.
      await typeCode(page, first.doorCode.replace(" ", "").toLowerCase());
      await expect(verdict(page)).toContainText(`Welkom, ${karin}`);
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/door-code-welcome-${width}.png`, fullPage: true });
      await page.getByRole("button", { name: "Volgende" }).click();
      // Again, with the space: the same person, now amber.
      await typeCode(page, first.doorCode.toLowerCase());
      await expect(verdict(page)).toContainText(/Al ingecheckt om \d\d\.\d\d/);
      await expect(verdict(page)).toContainText(karin);
      await page.getByRole("button", { name: "Volgende" }).click();

      // Offline the phone's own ticket list knows the door code.
      await context.setOffline(true);
      await expect(page.getByText("Offline: scans worden op dit apparaat bewaard")).toBeVisible();
      await typeCode(page, ` ${second.doorCode.toLowerCase()} `);
      await expect(verdict(page)).toContainText(`Welkom, ${omar}`);
      await expect(verdict(page)).toContainText("Offline beslist");
      await page.getByRole("button", { name: "Volgende" }).click();
      await context.setOffline(false);
      await expect(page.getByText(/wachten op verzending|wacht op verzending/)).toBeHidden({ timeout: 10_000 });

      // Recorded on the server: the phone's search now shows Omar checked in.
      await page.reload();
      await page.getByLabel("Zoek op naam of organisatie").fill(omar);
      await expect(page.getByRole("button", { name: new RegExp(`^${omar}`) })).toContainText(/ingecheckt \d\d\.\d\d/);
    });

    test("a walk-in with only a name, consent in one tap, and a workshop that still has places", async ({ page }) => {
      const name = `Wanda Walkin ${width} ${Date.now().toString(36)}`;
      await signInAsHost(page);
      await page.goto(CHECKIN);
      await page.getByRole("button", { name: "Walk-in aanmelden" }).click();
      const form = page.getByRole("form", { name: "Walk-in aanmelden" });
      await expect(form.getByLabel("Naam", { exact: true })).toBeFocused();

      // Nothing typed: refused on the name field, and nobody is registered.
      await form.getByRole("button", { name: "Ja, akkoord: aanmelden en inchecken" }).click();
      await expect(form.getByLabel("Naam", { exact: true })).toHaveAccessibleDescription(/Vul je naam in/);

      await form.getByLabel("Naam", { exact: true }).fill(name);
      // Once the name is typed, its message goes.
      await expect(form.getByText("Vul je naam in")).toHaveCount(0);
      await expect(form.getByLabel("Naam", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
      // Workshops come with the places left; a full one cannot be chosen.
      const open = form.getByRole("radio", { name: /nog \d+ plaats/ });
      await expect(open.first()).toBeVisible();
      for (const full of await form.getByRole("radio", { name: / · vol$|^.* vol$/ }).all()) await expect(full).toBeDisabled();
      const chosen = open.first();
      const label = (await chosen.evaluate((input) => input.closest("label")?.querySelector(".font-semibold")?.textContent ?? "")) as string;
      expect(label).not.toBe("");
      await chosen.check();
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/walk-in-${width}.png`, fullPage: true });
      await form.getByRole("button", { name: "Ja, akkoord: aanmelden en inchecken" }).click();

      await expect(verdict(page)).toContainText(`Welkom, ${name}`);
      await expect(verdict(page)).toContainText(label);
      await expect(verdict(page).getByRole("link", { name: /Badge afdrukken/ })).toBeVisible();
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/walk-in-welcome-${width}.png`, fullPage: true });
      await page.getByRole("button", { name: "Volgende" }).click();

      // The door's search finds them, checked in: the server recorded the walk-in.
      await page.getByLabel("Zoek op naam of organisatie").fill(name);
      await expect(page.getByRole("button", { name: new RegExp(`^${name}`) })).toContainText(/ingecheckt \d\d\.\d\d/);
    });
  });
}
