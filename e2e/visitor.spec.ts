// A visitor walks the seeded demo: the home page, the 2017 conference with its programme and speakers, its
// sfeerverslag and dossier, the feeds (read by a real RSS parser and a real iCalendar parser), the language
// switch, the newsletter round trip through the SMTP sink, and a 360 px phone.
import { parseFeed } from "@rowanmanning/feed-parser";
import ICAL from "ical.js";
import { waitForMail } from "./support/mail";
import { expect, test } from "./support/fixtures";

const CONFERENCE_2017 = "Werkconferentie Doe, Leer en Inspireer!";
const REPORT_2017 = "Sfeerverslag Werkconferentie Doe, Leer en Inspireer!";
const UPCOMING = "/conferenties/samen-sterker-in-de-wijk-2027";

test("from the home page to the 2017 conference, its sfeerverslag and its dossier", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Conferenties en sfeerverslagen");

  await page.getByRole("link", { name: CONFERENCE_2017, exact: true }).first().click();
  await expect(page).toHaveURL(/\/conferenties\/doe-leer-en-inspireer-2017$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CONFERENCE_2017);
  // The Dutch way of writing the day and the time, in Amsterdam time (the browser runs in New York).
  await expect(page.getByText("donderdag 26 oktober 2017").first()).toBeVisible();
  await expect(page.getByText(/13[.:]00/).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Programma" })).toBeVisible();
  await expect(page.getByText("Opening: wat gaat er goed in het werk?").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sprekers" })).toBeVisible();
  await expect(page.getByText("Patricia van Aaken").first()).toBeVisible();

  // A past conference links to its report.
  await page.getByRole("main").getByRole("link", { name: /sfeerverslag/i }).first().click();
  await expect(page).toHaveURL(/\/sfeerverslagen\/sfeerverslag-doe-leer-en-inspireer-2017$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(REPORT_2017);
  for (const image of await page.locator("main img").all()) {
    expect((await image.getAttribute("alt"))?.trim()).toBeTruthy();
  }

  // "Lees verder" links open in a new window, safely.
  const readOn = page.getByRole("link", { name: /Sociale Vraagstukken: artikelen/ });
  await expect(readOn).toHaveAttribute("rel", /noopener/);
  await expect(readOn).toHaveAttribute("rel", /noreferrer/);
  await page.getByRole("main").getByRole("link", { name: "Sociale Vraagstukken", exact: true }).click();
  await expect(page).toHaveURL(/\/dossiers\/sociale-vraagstukken$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sociale Vraagstukken");
  await expect(page.getByRole("link", { name: REPORT_2017 }).first()).toBeVisible();
});

test("the language switch shows the page in English and back, with lang set", async ({ page }) => {
  await page.goto("/conferenties/doe-leer-en-inspireer-2017");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/conferenties\/doe-leer-en-inspireer-2017$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Programme" })).toBeVisible();
  await expect(page.getByText("Thursday, 26 October 2017, 13:00-17:30").first()).toBeVisible();

  await page.getByRole("link", { name: "Nederlands" }).click();
  await expect(page).toHaveURL(/\/conferenties\/doe-leer-en-inspireer-2017$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByRole("heading", { name: "Programma" })).toBeVisible();
});

test("the RSS feed lists the published sfeerverslagen", async ({ request, baseURL }) => {
  const response = await request.get("/feeds/sfeerverslagen.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/xml/);
  const feed = parseFeed(await response.text());
  expect(feed.title).toBeTruthy();
  const report = feed.items.find((item) => item.title === REPORT_2017);
  expect(report?.url).toBe(`${baseURL}/sfeerverslagen/sfeerverslag-doe-leer-en-inspireer-2017`);
  expect(report?.published?.toISOString().slice(0, 10)).toBe("2017-11-08");
});

function events(text: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  // RFC 5545 with the zone spelled out, so calendars need not know Europe/Amsterdam themselves.
  expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Europe/Amsterdam");
  return calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
}

test("the iCalendar feed and a conference's .ics parse, in Amsterdam time", async ({ request }) => {
  const feed = await request.get("/feeds/conferenties.ics");
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const upcoming = events(await feed.text());
  expect(upcoming.map((event) => event.summary)).toContain("Werkconferentie Samen Sterker in de Wijk");
  // Only conferences still to come.
  expect(upcoming.map((event) => event.summary)).not.toContain(CONFERENCE_2017);

  const single = await request.get("/api/conferences/doe-leer-en-inspireer-2017/calendar");
  expect(single.status()).toBe(200);
  const [event, ...rest] = events(await single.text());
  expect(rest).toHaveLength(0);
  expect(event?.summary).toBe(CONFERENCE_2017);
  expect(event?.startDate.zone?.tzid).toBe("Europe/Amsterdam");
  // 13.00 in Amsterdam on 26 October 2017 (summer time) is 11.00 UTC.
  expect(event?.startDate.toJSDate().toISOString()).toBe("2017-10-26T11:00:00.000Z");
  expect(event?.location).toContain("Theater aan de Schie");
  expect(String(event?.component.getFirstPropertyValue("url"))).toMatch(/\/conferenties\/doe-leer-en-inspireer-2017$/);
});

function linkIn(text: string, path: RegExp): string {
  const url = text.match(/https?:\/\/[^\s<>"]+/g)?.find((candidate) => path.test(new URL(candidate).pathname));
  if (!url) throw new Error(`no link to ${path} in:\n${text}`);
  return url;
}

test("newsletter: sign up on the home page, confirm by email, unsubscribe in one click from a newsletter email", async ({ page }) => {
  const email = `bezoeker-${Date.now()}@example.test`;
  await page.goto("/");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.getByRole("status")).toContainText("Kijk in je mail");

  const confirmation = await waitForMail({ to: email, subject: "Bevestig je aanmelding" });
  await page.goto(linkIn(confirmation.text, /^\/nieuwsbrief\/bevestigen\//));
  await page.getByRole("button", { name: "Ja, stuur mij de nieuwsbrief" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Je bent aangemeld/);

  // Signing up again sends a newsletter email (with the unsubscribe link every newsletter email carries).
  await page.goto("/nieuwsbrief");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.getByRole("status")).toContainText("Kijk in je mail");
  const newsletter = await waitForMail({ to: email, subject: "Je bent al aangemeld" });
  await page.goto(linkIn(newsletter.text, /^\/nieuwsbrief\/afmelden\//));
  await page.getByRole("button", { name: "Afmelden" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Je bent afgemeld/);
});

test("nothing sticks out sideways on a 360 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  for (const path of ["/", "/conferenties/doe-leer-en-inspireer-2017", UPCOMING, "/sfeerverslagen/sfeerverslag-doe-leer-en-inspireer-2017"]) {
    await page.goto(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(360);
  }
});

test.describe("the home page's newsletter form without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("shows the server's verdict, keeps what was typed, and signs up", async ({ page }) => {
    await page.goto("/en");
    await page.getByLabel("Email address").fill("not-an-address");
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await expect(page.getByLabel("Email address")).toHaveValue("not-an-address");

    const email = `zonder-js-${Date.now()}@example.test`;
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect(page.getByRole("status")).toContainText(email);
    await waitForMail({ to: email, subject: "Confirm" });
  });
});
