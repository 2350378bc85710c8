// An organiser builds a conference from nothing in the dashboard: signs in through the emailed link, creates
// the conference at the seeded Theater aan de Schie, adds a speaker with a photo, a programme with a workshop
// round, publishes it, and the public page shows it at once.
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { expect, test } from "./support/fixtures";
import { waitForMail } from "./support/mail";
import { chooseSpeaker } from "./support/programme";

test.describe.configure({ timeout: 120_000 });

const ORGANISATION = "/beheer/werkplaats-sociaal-domein-zhz";
const ORGANISER = "redactie@podium.test";
const SCREENSHOTS = process.env.EDITOR_SCREENSHOTS;

async function signIn(page: Page, email: string): Promise<void> {
  const since = Date.now();
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page.getByRole("heading", { name: "Check je e-mail" })).toBeVisible();
  let link: string | undefined;
  await expect(async () => {
    const mail = await waitForMail({ to: email, subject: "Je inloglink voor Podium" });
    if (Date.parse(mail.receivedAt) < since - 1_000) throw new Error("only an older sign-in mail so far");
    link = /(https?:\/\/\S+\/inloggen\/bevestigen\?\S+)/.exec(mail.text)?.[1];
  }).toPass({ timeout: 15_000 });
  if (!link) throw new Error("no sign-in link");
  await page.goto(link);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page).toHaveURL(new RegExp(`${ORGANISATION}$`));
}

/** A small portrait-like PNG made here: nothing may be downloaded. */
async function portrait(): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 320, channels: 3, background: { r: 11, g: 70, b: 82 } } })
    .composite([{ input: Buffer.from('<svg width="320" height="320"><circle cx="160" cy="130" r="70" fill="#f4c38b"/><rect x="70" y="220" width="180" height="100" rx="50" fill="#f4c38b"/></svg>') }])
    .png()
    .toBuffer();
}

test("an organiser creates, programmes and publishes a conference that the public page then shows", async ({ page }) => {
  const suffix = Date.now().toString(36);
  const title = `Doe, Leer en Inspireer! ${suffix}`;
  const slug = `doe-leer-en-inspireer-${suffix}`;
  const speakerName = `Anna Smit ${suffix}`;
  // A day of its own in 2028 (the organiser journey books days from 2029 on): rooms are booked across
  // conferences, so a rerun on the same stack must not find last run's keynote in the Grote zaal.
  const day = new Date(Date.UTC(2028, 0, 1) + (Math.floor(Date.now() / 1000) % 365) * 86_400_000).toISOString().slice(0, 10);

  await signIn(page, ORGANISER);

  // The speaker first: reusable, with a photo that the server re-encodes.
  const dashboardNav = page.getByRole("navigation", { name: "Beheermenu" });
  await dashboardNav.getByRole("link", { name: "Sprekers" }).click();
  const newSpeaker = page.getByRole("region", { name: "Nieuwe spreker" });
  await newSpeaker.getByLabel("Naam", { exact: true }).fill(speakerName);
  await newSpeaker.getByLabel("Functie").fill("Lector Sociale Veerkracht");
  await newSpeaker.getByLabel("Organisatie").fill("Hogeschool Rotterdam");
  await newSpeaker.getByLabel(/^Foto/).setInputFiles({ name: "anna.png", mimeType: "image/png", buffer: await portrait() });
  await newSpeaker.getByLabel("Wat staat er op de foto?").fill(`Getekend portret van ${speakerName}`);
  await newSpeaker.getByRole("button", { name: "Spreker toevoegen" }).click();
  await expect(newSpeaker.getByText("De spreker is toegevoegd.")).toBeVisible();
  await expect(page.getByRole("link", { name: speakerName })).toBeVisible();
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/speakers.png`, fullPage: true });

  // The conference, from nothing.
  await dashboardNav.getByRole("link", { name: "Conferenties" }).click();
  await page.getByRole("link", { name: "Nieuwe conferentie" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nieuwe conferentie" })).toBeVisible();
  await page.getByLabel("Titel", { exact: true }).fill(title);
  await page.getByLabel("Ondertitel").fill("Samen doen en mee werken in de Werkplaats");
  await page.getByLabel("Webadres").fill(slug);
  await page.getByLabel("Beschrijving").fill("Een inspirerende en interactieve middag in Theater aan de Schie.");
  await page.getByLabel("Begint op").fill(`${day}T13:00`);
  await page.getByLabel("Eindigt op").fill(`${day}T17:30`);
  await page.getByLabel("Locatie").selectOption({ label: "Theater aan de Schie, Schiedam" });
  await page.getByLabel("Aantal plaatsen").fill("150");
  await page.getByRole("button", { name: "Conferentie aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("main").getByText(/^✎\s*Concept$/)).toBeVisible();
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/conference-editor.png`, fullPage: true });

  // The programme: a workshop round, a keynote with the speaker, a workshop in the round.
  await page.getByRole("link", { name: /^Programma/ }).click();
  const rounds = page.getByRole("region", { name: "Workshoprondes" });
  await rounds.getByLabel("Naam van de ronde").last().fill("Workshopronde 1");
  await rounds.getByRole("button", { name: "Ronde toevoegen" }).click();
  await expect(rounds.getByText("De ronde is toegevoegd.")).toBeVisible();

  const newSession = page.getByRole("region", { name: "Sessie toevoegen" });
  await newSession.getByLabel("Titel").fill("Keynote: leren in de wijk");
  await newSession.getByLabel("Soort").selectOption({ label: "Keynote" });
  await newSession.getByLabel("Zaal").selectOption({ label: "Grote zaal (450 plaatsen)" });
  await newSession.getByLabel("Begint om").fill(`${day}T13:15`);
  await newSession.getByLabel("Eindigt om").fill(`${day}T14:00`);
  await chooseSpeaker(newSession, speakerName, "anna smit");
  await newSession.getByRole("button", { name: "Sessie toevoegen" }).click();
  await expect(newSession.getByText("De sessie is toegevoegd.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Keynote: leren in de wijk" })).toBeVisible();

  // What cannot be is refused on its field: the room is taken then.
  await newSession.getByLabel("Titel").fill("Dubbel geboekt");
  await newSession.getByLabel("Zaal").selectOption({ label: "Grote zaal (450 plaatsen)" });
  await newSession.getByLabel("Begint om").fill(`${day}T13:30`);
  await newSession.getByLabel("Eindigt om").fill(`${day}T14:30`);
  await newSession.getByRole("button", { name: "Sessie toevoegen" }).click();
  await expect(newSession.getByText("In deze zaal is op dat moment al een andere sessie.")).toBeVisible();
  await expect(newSession.getByLabel("Titel")).toHaveValue("Dubbel geboekt");

  await newSession.getByLabel("Titel").fill("Workshop: de wijk als leeromgeving");
  await newSession.getByLabel("Soort").selectOption({ label: "Workshop" });
  await newSession.getByLabel("Zaal").selectOption({ label: "Studio (30 plaatsen)" });
  await newSession.getByLabel("Begint om").fill(`${day}T14:15`);
  await newSession.getByLabel("Eindigt om").fill(`${day}T15:15`);
  await newSession.getByLabel("Workshopronde").selectOption({ label: "Workshopronde 1" });
  await newSession.getByLabel("Aantal plaatsen").fill("25");
  await newSession.getByRole("button", { name: "Sessie toevoegen" }).click();
  await expect(newSession.getByText("De sessie is toegevoegd.")).toBeVisible();
  await expect(page.getByText("0 van 25 plaatsen bezet")).toBeVisible();
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/programme-editor.png`, fullPage: true });

  // Publish, and the public page shows it straight away.
  await page.getByRole("link", { name: "Terug naar de conferentie" }).click();
  await page.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.getByText("De conferentie is gepubliceerd.")).toBeVisible();
  await expect(page.getByRole("main").getByText(/^✓\s*Gepubliceerd$/)).toBeVisible();

  await page.goto(`/conferenties/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Keynote: leren in de wijk")).toBeVisible();
  await expect(page.getByText("Workshop: de wijk als leeromgeving")).toBeVisible();
  await expect(page.getByText(speakerName).first()).toBeVisible();
});

test("the editor's pages are 404 for strangers, and its forms work without JavaScript: field errors after a round trip, typed values kept, one record per form", async ({ page, browser, baseURL }) => {
  await signIn(page, ORGANISER);
  // Another organisation's editor pages, and a conference that is not this organisation's, are the 404 page.
  for (const path of [
    "/beheer/netwerk-zorg-drechtsteden/conferenties/nieuw",
    "/beheer/netwerk-zorg-drechtsteden/locaties",
    "/beheer/netwerk-zorg-drechtsteden/sprekers",
    `${ORGANISATION}/conferenties/bestaat-niet`,
    `${ORGANISATION}/conferenties/bestaat-niet/programma`,
    `${ORGANISATION}/locaties/bestaat-niet`,
    `${ORGANISATION}/sprekers/bestaat-niet`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState(), baseURL });
  try {
    const plain = await noScript.newPage();
    const name = `Wijkcentrum De Schakel ${Date.now().toString(36)}`;
    await plain.goto(`${ORGANISATION}/locaties`);
    const form = plain.getByRole("region", { name: "Nieuwe locatie" });
    await form.getByLabel("Straat en huisnummer").fill("Lange Nieuwstraat 12");
    await form.getByLabel("Postcode").fill("3111 AD");
    await form.getByLabel("Plaats").fill("Schiedam");
    await form.getByLabel("Website").fill("javascript:alert(1)");
    await form.getByRole("button", { name: "Locatie toevoegen" }).click();

    await expect(form.getByText("Controleer de gemarkeerde velden.")).toBeVisible();
    await expect(form.getByText("Dit veld is verplicht.")).toBeVisible();
    await expect(form.getByText("Vul een volledig webadres in dat begint met https://.")).toBeVisible();
    await expect(form.getByLabel("Straat en huisnummer")).toHaveValue("Lange Nieuwstraat 12");
    await expect(form.getByLabel("Plaats")).toHaveValue("Schiedam");

    await form.getByLabel("Naam", { exact: true }).fill(name);
    await form.getByLabel("Website").fill("");
    await form.getByRole("button", { name: "Locatie toevoegen" }).click();
    await expect(plain.getByRole("link", { name })).toHaveCount(1);
    // Sent once more (the browser's "resend"): still one venue of that name.
    await plain.reload();
    await expect(plain.getByRole("link", { name })).toHaveCount(1);
  } finally {
    await noScript.close();
  }
});
