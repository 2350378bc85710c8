// An attendee's whole journey: sign up on a phone, get the ticket by email, open it, change a workshop,
// cancel; and someone waiting for a full workshop gets the place that frees up.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { waitForMail } from "./support/mail";
import { decodeQrPng } from "./support/qr";

const CONFERENCE = "/conferenties/samen-sterker-in-de-wijk-2027";

function uniqueEmail(label: string): string {
  return `${label}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@voorbeeld.test`;
}

async function fillForm(page: Page, name: string, email: string) {
  await page.getByLabel("Naam").fill(name);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel(/Ik ga akkoord met de verwerking/).check();
}

function manageLink(text: string): string {
  const link = text.match(/https?:\/\/\S+\/aanmelding\/[A-Za-z0-9_-]+/)?.[0];
  if (!link) throw new Error("no manage link in the email");
  return new URL(link).pathname;
}

// The label of a workshop radio in the form carries the title and the places left.
async function workshopWithPlacesLeft(page: Page, wanted: RegExp) {
  const option = page.locator("label").filter({ has: page.getByRole("radio") }).filter({ hasText: wanted }).first();
  await expect(option).toBeVisible();
  return option;
}

test.describe("registration", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("sign up, receive a ticket whose QR code decodes to the ticket code, change a workshop and cancel", async ({ page }) => {
    const email = uniqueEmail("anna");
    await page.goto(CONFERENCE);
    await page.getByRole("link", { name: "Aanmelden" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Aanmelden");

    await fillForm(page, "Anna de Vries", email);
    const first = await workshopWithPlacesLeft(page, /nog (maar )?([2-9]|\d{2,}) plaatsen/);
    await first.getByRole("radio").check();
    await page.getByLabel("Dieetwensen").fill("Vegetarisch");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await expect(page.getByRole("heading", { name: "Je bent aangemeld" })).toBeVisible();

    const mail = await waitForMail({ to: email, subject: "Je ticket voor" });
    const code = mail.text.match(/Ticketcode: ([0-9A-Z]+)/)?.[1];
    expect(code).toMatch(/^[0-9A-Z]{26}$/);
    const qr = mail.attachments.find((a) => a.contentType === "image/png");
    expect(qr, "the ticket email carries the QR code").toBeDefined();
    expect(decodeQrPng(Buffer.from(qr?.contentBase64 ?? "", "base64"))).toBe(code);
    expect(mail.attachments.some((a) => a.contentType.startsWith("text/calendar"))).toBe(true);
    expect(mail.text).toContain("donderdag 11 maart 2027, 12.30-17.30 uur");

    await page.goto(manageLink(mail.text));
    await expect(page.getByRole("heading", { name: /Je bent aangemeld/ })).toBeVisible();
    await expect(page.getByText(code ?? "missing")).toBeVisible();
    await expect(page.getByLabel("Dieetwensen")).toHaveValue("Vegetarisch");

    // Move to another workshop in the same round that still has room.
    const round = page.getByRole("group").filter({ has: page.getByRole("radio", { checked: true }) }).first();
    const other = round.locator("label").filter({ hasText: /nog (maar )?\d+ plaats/ }).first();
    const otherTitle = (await other.locator("span.font-semibold").first().textContent()) ?? "";
    await other.getByRole("radio").check();
    await page.getByRole("button", { name: "Workshops opslaan" }).click();
    await expect(page.getByRole("status")).toContainText("Je workshops zijn opgeslagen.");
    await expect(page.locator("label").filter({ hasText: otherTitle }).filter({ hasText: "jouw keuze" })).toBeVisible();

    await page.getByText("Afmelden…").click();
    await page.getByRole("button", { name: "Ja, meld mij af" }).click();
    await expect(page.getByRole("heading", { name: "Je hebt je afgemeld" })).toBeVisible();
  });

  test("someone waiting for a full workshop gets the freed place and an email, and every link they were sent keeps working", async ({ page }) => {
    const holder = uniqueEmail("houder");
    const waiter = uniqueEmail("wachter");

    await page.goto(`${CONFERENCE}/aanmelden`);
    const last = await workshopWithPlacesLeft(page, /nog (maar )?1 plaats\b/);
    const title = ((await last.locator("span.font-semibold").first().textContent()) ?? "").trim();
    await fillForm(page, "Hanna Houder", holder);
    await last.getByRole("radio").check();
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await expect(page.getByRole("heading", { name: "Je bent aangemeld" })).toBeVisible();

    // Now the workshop is full: the next person can only wait for it.
    await page.goto(`${CONFERENCE}/aanmelden`);
    const full = page.locator("label").filter({ hasText: title });
    await expect(full).toContainText("Vol: kies je deze workshop, dan kom je op de wachtlijst");
    await fillForm(page, "Wim Wachter", waiter);
    await full.getByRole("radio").check();
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await expect(page.getByRole("heading", { name: "Je bent aangemeld" })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: title })).toContainText("je staat op de wachtlijst van deze workshop");

    // The first email's manage link, then a second sign-up with the same address, which mails a link of its own.
    const firstLink = manageLink((await waitForMail({ to: waiter, subject: "Je ticket voor" })).text);
    const opensTheRegistration = async (link: string) => {
      await page.goto(link);
      await expect(page.getByRole("heading", { name: /Je bent aangemeld/ })).toBeVisible();
    };
    await page.goto(`${CONFERENCE}/aanmelden`);
    await fillForm(page, "Wim Wachter", waiter.toUpperCase());
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await expect(page.getByRole("heading", { name: "Dit e-mailadres is al aangemeld" })).toBeVisible();
    const secondLink = manageLink((await waitForMail({ to: waiter, subject: "Je bent al aangemeld" })).text);
    expect(secondLink).not.toBe(firstLink);
    await opensTheRegistration(firstLink);
    await opensTheRegistration(secondLink);

    const holderMail = await waitForMail({ to: holder, subject: "Je ticket voor" });
    await page.goto(manageLink(holderMail.text));
    await page.getByText("Afmelden…").click();
    await page.getByRole("button", { name: "Ja, meld mij af" }).click();
    await expect(page.getByRole("heading", { name: "Je hebt je afgemeld" })).toBeVisible();

    const promoted = await waitForMail({ to: waiter, subject: `Je hebt een plek in de workshop ${title}` });
    await page.goto(manageLink(promoted.text));
    await expect(page.locator("label").filter({ hasText: title }).filter({ hasText: "jouw keuze" })).toBeVisible();
    // After the promotion's email too, the links of the earlier emails still open the registration.
    await opensTheRegistration(firstLink);
    await opensTheRegistration(secondLink);
  });
});

test.describe("registration without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the server shows the field errors in Dutch and keeps what was typed", async ({ page }) => {
    await page.goto(`${CONFERENCE}/aanmelden`);
    await page.getByLabel("Naam").fill("Jo");
    await page.getByLabel("E-mailadres").fill("geen-adres");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    // On the field, and as a link in the summary at the top.
    await expect(page.locator("#registration-email-error")).toContainText("Vul een geldig e-mailadres in");
    await expect(page.getByRole("link", { name: /^Vul een geldig e-mailadres in/ })).toBeVisible();
    await expect(page.locator("#registration-privacyConsent-error")).toContainText(
      "Je kunt je alleen aanmelden als je akkoord gaat met de privacyverklaring.",
    );
    await expect(page.getByLabel("Naam")).toHaveValue("Jo");
    await expect(page.getByLabel("E-mailadres")).toHaveValue("geen-adres");
  });

  test("and in English", async ({ page }) => {
    await page.goto(`/en${CONFERENCE}/aanmelden`);
    // The organiser's Dutch workshop names are marked as Dutch on the English page, for screen readers.
    await expect(page.locator("fieldset fieldset legend").first()).toHaveAttribute("lang", "nl");
    await expect(page.locator('input[type="radio"] + span > span[lang="nl"]').first()).toBeVisible();
    await page.getByLabel("Email address").fill("not-an-address");
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect(page.locator("#registration-email-error")).toContainText("Enter a valid email address");
    await expect(page.locator("#registration-name-error")).toContainText("Enter your name (at least 2 characters).");
    await expect(page.getByRole("heading", { name: "There is a problem with your sign-up" })).toBeVisible();
  });

  test("a complete form registers, also without JavaScript", async ({ page }) => {
    const email = uniqueEmail("zonder-js");
    await page.goto(`${CONFERENCE}/aanmelden`);
    await fillForm(page, "Zoë Zonder Script", email);
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await expect(page.getByRole("heading", { name: "Je bent aangemeld" })).toBeVisible();
    await waitForMail({ to: email, subject: "Je ticket voor" });
  });
});
