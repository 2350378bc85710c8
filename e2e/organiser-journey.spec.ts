// The organiser's whole year as one story (issue 5, item 11): sign in through the emailed link, build
// "Doe, Leer en Inspireer!" at Theater aan de Schie with two speakers (one new, with a photo) and a programme of
// a plenary keynote and a workshop round, publish it; a visitor signs up for a workshop; the organiser sees the
// sign-up arrive, exports the CSV, and afterwards publishes the sfeerverslag with a cover photo, which a visitor
// then reads on the public site.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { parseCsv } from "../tests/support/csv";
import { signInByEmail } from "./support/email-sign-in";
import { expect, PageAuditor, test } from "./support/fixtures";
import { waitForMail } from "./support/mail";
import { chooseSpeaker } from "./support/programme";

// Eleven forms, two browsers and an axe audit of every page: on two shared cores that takes more than 30 s.
test.describe.configure({ timeout: 120_000 });

const ORGANISATION = "/beheer/werkplaats-sociaal-domein-zhz";
const ORGANISER = "organisator@podium.test";
const TITLE = "Doe, Leer en Inspireer!";

/** An image made here (nothing may be downloaded): a flat colour with a shape, as PNG. */
async function picture(width: number, height: number, background: { r: number; g: number; b: number }): Promise<Buffer> {
  const shape = `<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#f4c38b"/></svg>`;
  return sharp({ create: { width, height, channels: 3, background } })
    .composite([{ input: Buffer.from(shape) }])
    .png()
    .toBuffer();
}

async function addSession(page: Page, fields: { title: string; kind: string; room: string; startsAt: string; endsAt: string; speaker?: string; round?: string; capacity?: string }) {
  const form = page.getByRole("region", { name: "Sessie toevoegen" });
  await form.getByLabel("Titel").fill(fields.title);
  await form.getByLabel("Soort").selectOption({ label: fields.kind });
  await form.getByLabel("Zaal").selectOption({ label: fields.room });
  await form.getByLabel("Begint om").fill(fields.startsAt);
  await form.getByLabel("Eindigt om").fill(fields.endsAt);
  if (fields.round) await form.getByLabel("Workshopronde").selectOption({ label: fields.round });
  if (fields.capacity) await form.getByLabel("Aantal plaatsen").fill(fields.capacity);
  if (fields.speaker) await chooseSpeaker(form, fields.speaker);
  await form.getByRole("button", { name: "Sessie toevoegen" }).click();
  await expect(page.getByRole("heading", { level: 3, name: fields.title })).toBeVisible();
}

test("an organiser builds and publishes a conference, sees a sign-up arrive, exports it and publishes the sfeerverslag", async ({ page, browser }) => {
  const suffix = Date.now().toString(36);
  // A day of its own: rooms and speakers are booked across conferences, so a rerun on the same stack must not
  // find its own keynote of last time in the Grote zaal.
  const day = new Date(Date.UTC(2029, 0, 1) + (Date.now() % 3_000) * 86_400_000).toISOString().slice(0, 10);
  const slug = `doe-leer-en-inspireer-${suffix}`;
  const newSpeaker = `Fatima El Amrani ${suffix}`;
  const plenary = "Plenair: leren van wat werkt";
  const workshops = ["Workshop: samen doen in de wijk", "Workshop: mee werken met bewoners"];
  const visitorEmail = `bezoeker.${suffix}@voorbeeld.test`;
  const reportTitle = `Sfeerverslag Doe, Leer en Inspireer! ${suffix}`;
  const coverAlt = "Deelnemers in gesprek in de foyer van Theater aan de Schie.";

  // Sign in through the email the SMTP sink received; one organisation, so /beheer lands on it.
  await signInByEmail(page, ORGANISER);
  await expect(page).toHaveURL(new RegExp(`${ORGANISATION}$`));
  const nav = page.getByRole("navigation", { name: "Beheermenu" });

  // A new speaker, with a photo that the server re-encodes.
  await nav.getByRole("link", { name: "Sprekers" }).click();
  const speakerForm = page.getByRole("region", { name: "Nieuwe spreker" });
  await speakerForm.getByLabel("Naam", { exact: true }).fill(newSpeaker);
  await speakerForm.getByLabel("Functie").fill("Opbouwwerker");
  await speakerForm.getByLabel("Organisatie").fill("Welzijn Schiedam");
  await speakerForm.getByLabel(/^Foto/).setInputFiles({ name: "fatima.png", mimeType: "image/png", buffer: await picture(320, 320, { r: 11, g: 70, b: 82 }) });
  await speakerForm.getByLabel("Wat staat er op de foto?").fill(`Getekend portret van ${newSpeaker}`);
  await speakerForm.getByRole("button", { name: "Spreker toevoegen" }).click();
  await expect(speakerForm.getByText("De spreker is toegevoegd.")).toBeVisible();

  // The conference, from nothing, at the seeded venue.
  await nav.getByRole("link", { name: "Conferenties" }).click();
  await page.getByRole("link", { name: "Nieuwe conferentie" }).click();
  await page.getByLabel("Titel", { exact: true }).fill(TITLE);
  await page.getByLabel("Ondertitel").fill("Samen doen en mee werken in de Werkplaats");
  await page.getByLabel("Webadres").fill(slug);
  await page.getByLabel("Beschrijving").fill("Een inspirerende en interactieve middag over leren in en met de wijk.");
  await page.getByLabel("Begint op").fill(`${day}T13:00`);
  await page.getByLabel("Eindigt op").fill(`${day}T17:30`);
  await page.getByLabel("Locatie").selectOption({ label: "Theater aan de Schie, Schiedam" });
  await page.getByLabel("Aantal plaatsen").fill("150");
  await page.getByRole("button", { name: "Conferentie aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  const conferenceId = new URL(page.url()).pathname.split("/").at(-1) ?? "";

  // The programme: a plenary keynote by a seeded speaker, then a round of two workshops side by side.
  await page.getByRole("link", { name: /^Programma/ }).click();
  const rounds = page.getByRole("region", { name: "Workshoprondes" });
  await rounds.getByLabel("Naam van de ronde").last().fill("Workshopronde");
  await rounds.getByRole("button", { name: "Ronde toevoegen" }).click();
  await expect(rounds.getByText("De ronde is toegevoegd.")).toBeVisible();
  await addSession(page, { title: plenary, kind: "Keynote", room: "Grote zaal (450 plaatsen)", startsAt: `${day}T13:15`, endsAt: `${day}T14:00`, speaker: "Toby Witte" });
  await addSession(page, {
    title: workshops[0] ?? "",
    kind: "Workshop",
    room: "Studio (30 plaatsen)",
    startsAt: `${day}T14:30`,
    endsAt: `${day}T15:30`,
    round: "Workshopronde",
    capacity: "25",
    speaker: newSpeaker,
  });
  await addSession(page, {
    title: workshops[1] ?? "",
    kind: "Workshop",
    room: "Repetitieruimte (25 plaatsen)",
    startsAt: `${day}T14:30`,
    endsAt: `${day}T15:30`,
    round: "Workshopronde",
    capacity: "20",
  });

  await page.getByRole("link", { name: "Terug naar de conferentie" }).click();
  await page.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.getByText("De conferentie is gepubliceerd.")).toBeVisible();

  // A visitor, in a browser of their own, signs up on the public page and picks the second workshop.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  // The fixture audits the organiser's pages; the visitor's public pages get the same axe audit.
  const visitorAudit = new PageAuditor([]);
  visitorAudit.instrument(visitor);
  await visitor.goto(`/conferenties/${slug}`);
  await expect(visitor.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(visitor.getByText(plenary)).toBeVisible();
  await expect(visitor.getByText(newSpeaker).first()).toBeVisible();
  await visitor.getByRole("link", { name: "Aanmelden" }).first().click();
  await visitor.getByLabel("Naam").fill("Chloë van der Berg-Öztürk");
  await visitor.getByLabel("E-mailadres").fill(visitorEmail);
  await visitor.getByLabel(/Ik ga akkoord met de verwerking/).check();
  await visitor.locator("label").filter({ hasText: workshops[1] ?? "" }).getByRole("radio").check();
  await visitor.getByRole("button", { name: "Aanmelden" }).click();
  await expect(visitor.getByRole("heading", { name: "Je bent aangemeld" })).toBeVisible();
  await waitForMail({ to: visitorEmail, subject: "Je ticket voor" });

  // The organiser, back on the conference's page, sees it arrive: in the count, then in the table; exports the CSV.
  await page.reload();
  await page.getByRole("link", { name: /^Aanmeldingen \(1 van 150, 0 op de wachtlijst\)$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Aanmeldingen" })).toBeVisible();
  const table = page.getByRole("table", { name: "Aanmeldingen" });
  await expect(table.getByRole("row", { name: /Chloë van der Berg-Öztürk/ })).toContainText(visitorEmail);
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^aanmeldingen-doe-leer-en-inspireer-\d{4}-\d{2}-\d{2}\.csv$/);
  const { bom, rows } = parseCsv(await readFile(await download.path(), "utf8"));
  expect(bom).toBe(true);
  const [header, ...people] = rows;
  const row = people.find((cells) => cells.includes(visitorEmail));
  expect(row?.[0]).toBe("Chloë van der Berg-Öztürk");
  expect(row?.join(";")).toContain(workshops[1]);
  expect(header?.length).toBe(row?.length);

  // Afterwards: the sfeerverslag, with a cover photo, linked to this conference, published.
  await nav.getByRole("link", { name: "Sfeerverslagen" }).click();
  await page.getByRole("link", { name: "Nieuw sfeerverslag" }).click();
  await page.getByLabel("Titel").fill(reportTitle);
  await page.getByLabel("Inleiding").fill("Een middag vol ontmoetingen in Theater aan de Schie.");
  await page.getByLabel("Verslag", { exact: true }).fill("## Samen doen\n\nDe workshops zaten **vol** en de gesprekken gingen door tot de borrel.");
  await page.getByLabel("Omslagfoto kiezen").setInputFiles({ name: "foyer.png", mimeType: "image/png", buffer: await picture(1200, 675, { r: 14, g: 116, b: 118 }) });
  await page.getByLabel("Beschrijving van de foto (alt-tekst)").first().fill(coverAlt);
  await page.getByRole("combobox", { name: /^Conferentie/ }).selectOption(conferenceId);
  await page.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.getByText("Opgeslagen en gepubliceerd. Het verslag staat op de website.")).toBeVisible();

  // A visitor finds it in the list, opens it: the photo is loaded and the conference is linked.
  await visitor.goto("/sfeerverslagen");
  await visitor.getByRole("link", { name: reportTitle }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: reportTitle })).toBeVisible();
  await expect(visitor.getByRole("link", { name: TITLE })).toHaveAttribute("href", `/conferenties/${slug}`);
  const photo = visitor.getByRole("img", { name: coverAlt });
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await visitorAudit.finish(visitorContext, true);
  await visitorContext.close();
});
