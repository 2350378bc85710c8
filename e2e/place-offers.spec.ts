// Issue 16, point 7: from a set time before the start, a freed place is offered to the next person waiting, with a
// claim window, instead of given without asking. On a conference of its own (made here, through the dashboard: no
// places are taken from the demo conference), starting in 30 hours with offers from 48 hours before: the first
// person cancels, the second gets the offer by email (through the SMTP sink), the organiser sees it open, and its
// link claims the place in a browser without JavaScript; merely opening the link changes nothing.
import { signInByEmail } from "./support/email-sign-in";
import { amsterdamInput } from "./support/amsterdam-input";
import { expect, test } from "./support/fixtures";
import { waitForMail } from "./support/mail";

test.describe.configure({ timeout: 120_000 });

const ORGANISER = "organisator@podium.test";
const suffix = Date.now().toString(36);
const title = `Wachtlijst met bedenktijd ${suffix}`;
const slug = `wachtlijst-met-bedenktijd-${suffix}`;
const first = { name: "Anouk de Vries", email: `anouk.${suffix}@voorbeeld.test` };
const second = { name: "Bilal Amrani", email: `bilal.${suffix}@voorbeeld.test` };
let conferencePath = "";

function link(text: string, path: RegExp): string {
  const found = text.match(new RegExp(`https?://\\S+${path.source}`))?.[0];
  if (!found) throw new Error(`no link matching ${path} in the email`);
  return new URL(found).pathname;
}

test.describe.serial("places offered with a claim window", () => {
  test("an organiser turns offers on for a conference of one place, and publishes", async ({ page }) => {
    const start = new Date(Date.now() + 30 * 60 * 60 * 1000);
    await signInByEmail(page, ORGANISER);
    await page.goto("/beheer/werkplaats-sociaal-domein-zhz/conferenties/nieuw");
    await page.getByLabel("Titel", { exact: true }).fill(title);
    await page.getByLabel("Webadres").fill(slug);
    await page.getByLabel("Begint op").fill(amsterdamInput(start));
    await page.getByLabel("Eindigt op").fill(amsterdamInput(new Date(start.getTime() + 4 * 60 * 60 * 1000)));
    await page.getByLabel("Locatie").selectOption({ label: "Theater aan de Schie, Schiedam" });
    await page.getByLabel("Aantal plaatsen").fill("1");
    await page.getByRole("button", { name: "Conferentie aanmaken" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    conferencePath = new URL(page.url()).pathname;

    await page.getByLabel("Plekken aanbieden vanaf (uren voor de start)").fill("48");
    await page.getByLabel("Tijd om te claimen (uren)").fill("12");
    await page.getByRole("button", { name: "Herinneringen opslaan" }).click();
    await expect(page.getByText("De herinneringen zijn opgeslagen.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Plekken aanbieden vanaf (uren voor de start)")).toHaveValue("48");
    await page.getByRole("button", { name: "Publiceren" }).click();
    await expect(page.getByText("De conferentie is gepubliceerd.")).toBeVisible();
  });

  test("a freed place is offered to the next in line by email, and its link claims it without JavaScript", async ({ page, browser, baseURL }) => {
    for (const person of [first, second]) {
      const answer = await page.request.post(`/api/conferences/${slug}/registrations`, { data: { name: person.name, email: person.email, privacyConsent: true } });
      expect(answer.status()).toBe(202);
    }
    // The first has the one place and cancels through the link in her ticket.
    const ticket = await waitForMail({ to: first.email, subject: "Je ticket voor" });
    await page.goto(link(ticket.text, /\/aanmelding\/[A-Za-z0-9_-]+/));
    await page.getByText("Afmelden…").click();
    await page.getByRole("button", { name: "Ja, meld mij af" }).click();
    await expect(page.getByText("Je bent afgemeld.")).toBeVisible();

    // The second is offered the place, not given it.
    const offer = await waitForMail({ to: second.email, subject: `Er is een plek vrij voor je: ${title}` });
    expect(offer.text).toContain("Claim de plek vóór");
    const offerPath = link(offer.text, /\/aanmelding\/[A-Za-z0-9_-]+\/aanbod\/[0-9a-f-]+/);

    // The organiser sees who has it, until when.
    await signInByEmail(page, ORGANISER);
    await page.goto(`${conferencePath}/aanmeldingen`);
    await expect(page.getByRole("region", { name: "Aangeboden plekken" })).toContainText(second.name);
    await page.getByRole("region", { name: "Aangeboden plekken" }).screenshot({ path: test.info().outputPath("offers-organiser.png") });

    const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: "nl-NL" });
    try {
      const attendee = await noScript.newPage();
      // The manage page, from the waiting-list email, shows the offer with the same buttons.
      const waitlisted = await waitForMail({ to: second.email, subject: `Je staat op de wachtlijst voor ${title}` });
      await attendee.goto(link(waitlisted.text, /\/aanmelding\/[A-Za-z0-9_-]+/));
      await expect(attendee.getByText(`Er is een plek voor je bij ${title}: je kunt hem claimen tot`)).toBeVisible();
      await expect(attendee.getByRole("button", { name: "Ja, ik claim de plek" })).toBeVisible();
      await attendee.goto(offerPath);
      await expect(attendee.getByRole("heading", { level: 1, name: "Een plek voor jou" })).toBeVisible();
      // Opening it (as a mail scanner does) claimed nothing: the buttons are still there after a second look.
      await attendee.reload();
      await expect(attendee.getByText(/Je kunt hem claimen tot/)).toBeVisible();
      await attendee.screenshot({ path: test.info().outputPath("offer-page.png"), fullPage: true });
      await attendee.getByRole("button", { name: "Ja, ik claim de plek" }).click();
      await expect(attendee.getByText("Je hebt de plek geclaimd.")).toBeVisible();
      await attendee.screenshot({ path: test.info().outputPath("offer-claimed.png"), fullPage: true });
      await expect(attendee.getByRole("button", { name: "Ja, ik claim de plek" })).toHaveCount(0);
    } finally {
      await noScript.close();
    }
    // Claimed, it is the promotion it replaced: the ticket follows.
    const promoted = await waitForMail({ to: second.email, subject: "Je ticket voor" });
    expect(promoted.text).toContain("er is een plek vrijgekomen");
    await page.goto(`${conferencePath}/aanmeldingen`);
    await expect(page.getByRole("region", { name: "Aangeboden plekken" })).toHaveCount(0);
  });
});
