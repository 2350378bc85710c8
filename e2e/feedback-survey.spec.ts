// Issue 15, points 7-8, end to end on a conference of its own (the shared demo conference keeps its places): an
// organiser runs a conference today, a host checks three walk-ins in at the door, the conference ends, the organiser
// sets the survey, and the mail worker sends each person who came a personal link. One answers without JavaScript,
// anonymously; the other with JavaScript, named and willing to be quoted by name. The organiser sees the results,
// and picks a remark that then shows as a quote in the published sfeerverslag, with the name only where consented.
import type { Browser, Page } from "@playwright/test";
import { signInByEmail } from "./support/email-sign-in";
import { expect, PageAuditor, test } from "./support/fixtures";
import { waitForMail } from "./support/mail";

test.describe.configure({ timeout: 150_000 });

const ORGANISATION = "/beheer/werkplaats-sociaal-domein-zhz";
const ORGANISER = "redactie@podium.test";
const HOST = "host@podium.test";

/** A moment as a datetime-local value in Amsterdam, as the forms take it. */
function amsterdamInput(date: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
    .format(date)
    .replace(" ", "T");
}

async function walkIn(page: Page, name: string, email: string): Promise<void> {
  await page.getByRole("button", { name: "Walk-in aanmelden" }).click();
  const form = page.getByRole("form", { name: "Walk-in aanmelden" });
  await form.getByLabel("Naam", { exact: true }).fill(name);
  await form.getByLabel(/^E-mailadres/).fill(email);
  await form.getByRole("button", { name: "Ja, akkoord: aanmelden en inchecken" }).click();
  await expect(page.getByText(`Welkom, ${name}`)).toBeVisible();
  await page.getByRole("button", { name: "Volgende" }).click();
}

/** The personal link from the survey's invitation to `email`, as a path. */
async function surveyLink(email: string): Promise<string> {
  const mail = await waitForMail({ to: email, subject: "Wat vond je van" }, 30_000);
  const link = /https?:\/\/[^\s/]+(\/feedback\/[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  if (!link) throw new Error(`no survey link in:\n${mail.text}`);
  return link;
}

async function attendee(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled, locale: "nl-NL", timezoneId: "America/New_York" });
  const page = await context.newPage();
  const audit = new PageAuditor([]);
  if (javaScriptEnabled) audit.instrument(page);
  return { context, page, finish: () => (javaScriptEnabled ? audit.finish(context, true) : Promise.resolve()) };
}

test("the organiser sets a survey, people who came answer through their link, and a remark is quoted in the sfeerverslag", async ({ page, browser }, testInfo) => {
  const suffix = Date.now().toString(36);
  const title = `Terugkomdag ${suffix}`;
  const slug = `terugkomdag-${suffix}`;
  const anonymous = { name: `Ans Anoniem ${suffix}`, email: `ans.${suffix}@voorbeeld.test` };
  const named = { name: `Noor Genoemd ${suffix}`, email: `noor.${suffix}@voorbeeld.test` };
  // A third person who came and does not answer: with fewer than three invited, anonymous answers are not shown.
  const silent = { name: `Stijn Stil ${suffix}`, email: `stijn.${suffix}@voorbeeld.test` };
  const reportTitle = `Sfeerverslag Terugkomdag ${suffix}`;
  const anonymousRemark = `Fijne dag, veel geleerd over de wijk (${suffix}).`;
  const namedRemark = `De gesprekken aan tafel maakten het verschil (${suffix}).`;

  // A conference running now: it began two hours ago.
  await signInByEmail(page, ORGANISER);
  await page.goto(`${ORGANISATION}/conferenties/nieuw`);
  await page.getByLabel("Titel", { exact: true }).fill(title);
  await page.getByLabel("Webadres").fill(slug);
  await page.getByLabel("Begint op").fill(amsterdamInput(new Date(Date.now() - 2 * 3_600_000)));
  await page.getByLabel("Eindigt op").fill(amsterdamInput(new Date(Date.now() + 3 * 3_600_000)));
  await page.getByLabel(/Ja, deze datum ligt in het verleden/).check();
  await page.getByLabel("Locatie").selectOption({ label: "Theater aan de Schie, Schiedam" });
  await page.getByLabel("Aantal plaatsen").fill("40");
  await page.getByRole("button", { name: "Conferentie aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const conferencePath = new URL(page.url()).pathname;
  const conferenceId = conferencePath.split("/").at(-1) ?? "";
  await page.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.getByText("De conferentie is gepubliceerd.")).toBeVisible();

  // Three walk-ins at the door, checked in by the host.
  const hostContext = await browser.newContext();
  const host = await hostContext.newPage();
  await signInByEmail(host, HOST);
  await host.goto(`/checkin/${slug}`);
  await walkIn(host, anonymous.name, anonymous.email);
  await walkIn(host, named.name, named.email);
  await walkIn(host, silent.name, silent.email);
  await hostContext.close();

  // The conference is over; the organiser sets the survey with a question of their own, to go out right away.
  await page.goto(conferencePath);
  const ended = new Date(Date.now() - 60_000);
  await page.getByLabel("Eindigt op").fill(amsterdamInput(ended));
  await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await expect(page.getByText("De wijzigingen zijn opgeslagen.")).toBeVisible();
  await page.getByRole("navigation", { name: "Onderdelen van deze conferentie" }).getByRole("link", { name: "Vragenlijst" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Vragenlijst achteraf: ${title}` })).toBeVisible();
  await expect(page.getByText("0 uitgenodigd, 0 herinnerd, 0 ingevuld")).toBeVisible();
  await page.getByLabel("Vragenlijst versturen na de conferentie").check();
  await page.getByLabel("Open vraag (Nederlands)").fill("Wat neem je mee naar je werk?");
  await page.getByLabel("Versturen vanaf").fill(amsterdamInput(ended));
  await page.getByLabel("Sluit op").fill(amsterdamInput(new Date(Date.now() + 14 * 24 * 3_600_000)));
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("De vragenlijst is opgeslagen.")).toBeVisible();

  // Without JavaScript: a plain form post, anonymous. A missing rating is refused on its field first.
  const first = await attendee(browser, false);
  const opened = await first.page.goto(await surveyLink(anonymous.email));
  // The address holds a secret: never stored by a browser or proxy, never indexed, not sent on as a referrer.
  expect(opened?.headers()["cache-control"]).toContain("no-store");
  expect(opened?.headers()["x-robots-tag"]).toContain("noindex");
  await expect(first.page.locator('meta[name="referrer"]')).toHaveAttribute("content", "same-origin");
  await expect(first.page.getByRole("heading", { level: 1, name: "Wat vond je ervan?" })).toBeVisible();
  await first.page.getByLabel(/Wat neem je mee naar je werk\?/).fill(anonymousRemark);
  await first.page.getByRole("button", { name: "Antwoorden versturen" }).click();
  await expect(first.page.getByText("Kies een waardering van 1 tot 5.")).toBeVisible();
  await first.page.screenshot({ path: testInfo.outputPath("vragenlijst-zonder-javascript.png"), fullPage: true });
  // What was typed is still there.
  await expect(first.page.getByLabel(/Wat neem je mee naar je werk\?/)).toHaveValue(anonymousRemark);
  await first.page.getByRole("radio", { name: "4 van 5" }).check();
  await first.page.getByRole("button", { name: "Antwoorden versturen" }).click();
  await expect(first.page.getByRole("status")).toContainText("Bedankt");
  // The link again: answered, no second form.
  await first.page.reload();
  await expect(first.page.getByText("Deze vragenlijst is al ingevuld.")).toBeVisible();
  await expect(first.page.getByRole("button", { name: "Antwoorden versturen" })).toHaveCount(0);
  await first.context.close();

  // With JavaScript: named, and willing to be quoted by name.
  const second = await attendee(browser, true);
  await second.page.goto(await surveyLink(named.email));
  await second.page.getByRole("radio", { name: "5 van 5" }).check();
  await second.page.getByLabel(/Wat neem je mee naar je werk\?/).fill(namedRemark);
  await second.page.getByLabel(/Mijn naam mag bij mijn antwoorden staan/).check();
  await second.page.getByLabel(/met mijn naam citeren in het sfeerverslag/).check();
  await second.page.getByRole("button", { name: "Antwoorden versturen" }).click();
  await expect(second.page.getByRole("status")).toContainText("Bedankt! Je antwoorden zijn ontvangen.");
  await second.finish();
  await second.context.close();

  // The results: counts, average, distribution and the remarks, named only where chosen.
  await page.reload();
  await expect(page.getByText("3 uitgenodigd, 0 herinnerd, 2 ingevuld")).toBeVisible();
  const whole = page.getByRole("region", { name: "De conferentie als geheel" });
  await expect(whole.getByText("Gemiddeld 4,5 van 5, uit 2 waarderingen")).toBeVisible();
  await expect(whole.getByRole("list", { name: "Verdeling van de waarderingen" }).getByRole("listitem").first()).toContainText("1 (50%)");
  const anonymousItem = whole.getByRole("listitem").filter({ hasText: anonymousRemark });
  await expect(anonymousItem).toContainText("Anoniem");
  await expect(page.getByText(anonymous.name)).toHaveCount(0);
  const namedItem = whole.getByRole("listitem").filter({ hasText: namedRemark });
  await expect(namedItem).toContainText(named.name);
  await expect(namedItem).toContainText("mag met naam geciteerd worden");
  await page.screenshot({ path: testInfo.outputPath("resultaten.png"), fullPage: true });

  // A report of this conference to quote in, published.
  await page.goto(`${ORGANISATION}/sfeerverslagen/nieuw`);
  await page.getByLabel("Titel").fill(reportTitle);
  await page.getByLabel("Inleiding").fill("Een terugkomdag vol gesprekken.");
  await page.getByLabel("Verslag", { exact: true }).fill("## Terug naar de wijk\n\nWat deelnemers meenamen.");
  await page.getByRole("combobox", { name: /^Conferentie/ }).selectOption(conferenceId);
  await page.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.getByText("Opgeslagen en gepubliceerd. Het verslag staat op de website.")).toBeVisible();

  // Both remarks quoted: the anonymous one without a name, the named one with it.
  await page.goto(`${conferencePath}/feedback`);
  for (const remark of [anonymousRemark, namedRemark]) {
    const item = page.getByRole("region", { name: "De conferentie als geheel" }).getByRole("listitem").filter({ hasText: remark });
    await item.getByRole("button", { name: "Citeer in sfeerverslag" }).click();
    // The server's answer: the page, refreshed, shows the remark as quoted, and no button to quote it again.
    await expect(item.getByText(`Geciteerd in ${reportTitle}`)).toBeVisible();
    await expect(item.getByRole("button", { name: "Citeer in sfeerverslag" })).toHaveCount(0);
  }
  await page.reload();
  await expect(page.getByText(`Geciteerd in ${reportTitle}`)).toHaveCount(2);

  const reader = await attendee(browser, true);
  await reader.page.goto("/sfeerverslagen");
  await reader.page.getByRole("link", { name: reportTitle }).click();
  await expect(reader.page.getByRole("heading", { level: 1, name: reportTitle })).toBeVisible();
  const quotes = reader.page.locator("figure").filter({ has: reader.page.locator("blockquote") });
  await expect(quotes.filter({ hasText: namedRemark })).toContainText(named.name);
  await expect(quotes.filter({ hasText: anonymousRemark })).toBeVisible();
  await expect(reader.page.getByText(anonymous.name)).toHaveCount(0);
  await reader.finish();
  await reader.context.close();
});
