// Issue 16: an organiser adds a conditional question to the sign-up form of a conference of its own (made here,
// through the dashboard: no places are taken from the demo conference), one attendee answers it in English with
// JavaScript (the question appears once the earlier answer calls for it), another in Dutch without JavaScript
// (every question shows; the server's refusal is named on the question and in the summary), the first changes
// her answer through the link in her email, and both answers are in the CSV the organiser downloads.
import { readFile } from "node:fs/promises";
import { parseCsv } from "../tests/support/csv";
import { signInByEmail } from "./support/email-sign-in";
import { expect, test } from "./support/fixtures";
import { listMail, waitForMail } from "./support/mail";

test.describe.configure({ timeout: 120_000 });

const ORGANISER = "organisator@podium.test";
const suffix = Date.now().toString(36);
const title = `Wijkteams aan zet ${suffix}`;
const slug = `wijkteams-aan-zet-${suffix}`;
const TEAM_NL = "Werk je in een wijkteam?";
const TEAM_EN = "Do you work in a neighbourhood team?";
const WHICH_NL = "In welk wijkteam?";
const WHICH_EN = "Which neighbourhood team?";
const people = {
  en: { name: "Grace Okafor", email: `grace.${suffix}@voorbeeld.test`, team: "Crabbehof North", changedTo: "Crabbehof South" },
  nl: { name: "Joris Bakker", email: `joris.${suffix}@voorbeeld.test`, team: "Wijkteam Sterrenburg" },
};
let conferencePath = "";
let teamQuestionId = "";

test.describe.serial("questions on the sign-up form", () => {
  test("an organiser adds a question that is asked only after a yes, and publishes", async ({ page }) => {
    // A day of its own in 2032 and on, by the clock (rooms are booked across conferences).
    const day = new Date(Date.UTC(2032, 0, 1) + (Math.floor(Date.now() / 1000) % 1500) * 86_400_000).toISOString().slice(0, 10);
    await signInByEmail(page, ORGANISER);
    await page.goto("/beheer/werkplaats-sociaal-domein-zhz/conferenties/nieuw");
    await page.getByLabel("Titel", { exact: true }).fill(title);
    await page.getByLabel("Webadres").fill(slug);
    await page.getByLabel("Begint op").fill(`${day}T13:00`);
    await page.getByLabel("Eindigt op").fill(`${day}T17:00`);
    await page.getByLabel("Locatie").selectOption({ label: "Theater aan de Schie, Schiedam" });
    await page.getByLabel("Aantal plaatsen").fill("40");
    await page.getByRole("button", { name: "Conferentie aanmaken" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    conferencePath = new URL(page.url()).pathname;

    await page.getByRole("link", { name: "Vragen bij aanmelden (nog geen)" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Vragen bij aanmelden: ${title}` })).toBeVisible();
    const add = page.getByRole("region", { name: "Vraag toevoegen" });
    await add.getByLabel("Soort vraag").selectOption({ label: "Ja of nee" });
    await add.getByLabel("Vraag (Nederlands)").fill(TEAM_NL);
    await add.getByLabel("Vraag (Engels)").fill(TEAM_EN);
    await add.getByLabel("Verplicht om te beantwoorden").check();
    await add.getByRole("button", { name: "Vraag toevoegen" }).click();
    await expect(add.getByText("De vraag staat op het formulier.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: TEAM_NL })).toBeVisible();
    teamQuestionId = ((await page.getByRole("heading", { level: 3, name: TEAM_NL }).getAttribute("id")) ?? "").replace(/^vraag-/, "");

    // The second waits for a yes to the first.
    await add.getByLabel("Soort vraag").selectOption({ label: "Kort antwoord" });
    await add.getByLabel("Vraag (Nederlands)").fill(WHICH_NL);
    await add.getByLabel("Vraag (Engels)").fill(WHICH_EN);
    await add.getByLabel("Toelichting (Nederlands)").fill("Zoals het op je badge moet staan.");
    await add.getByLabel("Toelichting (Engels)").fill("As it should read on your badge.");
    await add.getByLabel("Tonen").selectOption({ label: `Alleen als ‘${TEAM_NL}’ = ‘Ja’` });
    await add.getByLabel("Verplicht om te beantwoorden").check();
    await add.getByRole("button", { name: "Vraag toevoegen" }).click();
    await expect(page.getByRole("heading", { level: 3, name: WHICH_NL })).toBeVisible();
    await expect(page.locator("article p", { hasText: `Alleen als ‘${TEAM_NL}’ = ‘Ja’` })).toBeVisible();
    // The one that waits cannot move above the one it waits for; the buttons are plain buttons.
    await page.getByRole("button", { name: `${WHICH_NL} een plaats omhoog` }).click();
    await expect(page.getByText("Een vraag met een voorwaarde moet na de vraag komen waarop ze wacht.")).toBeVisible();

    await page.getByRole("link", { name: "Terug naar de conferentie" }).click();
    await page.getByRole("button", { name: "Publiceren" }).click();
    await expect(page.getByText("De conferentie is gepubliceerd.")).toBeVisible();
  });

  test("an attendee answers in English, with JavaScript: the second question appears after a yes", async ({ page }) => {
    const person = people.en;
    await page.goto(`/en/conferenties/${slug}/aanmelden`);
    await page.getByLabel("Name").fill(person.name);
    await page.getByLabel("Email address").fill(person.email);
    const team = page.getByRole("group", { name: TEAM_EN });
    await expect(team).toBeVisible();
    await expect(page.getByLabel(WHICH_EN)).toHaveCount(0);
    await team.getByLabel("Yes").check();
    const which = page.getByLabel(WHICH_EN);
    await expect(which).toBeVisible();
    await expect(page.getByText("As it should read on your badge.")).toBeVisible();
    await page.getByLabel(/I agree to the processing/).check();

    // Left empty: the browser refuses with the schema the server uses, naming the question.
    await page.getByRole("button", { name: "Sign up" }).click();
    const summary = page.getByRole("alert");
    await expect(summary.getByRole("link", { name: `${WHICH_EN}: Please answer this question.` })).toBeVisible();
    await which.fill(person.team);
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect(page.getByRole("heading", { name: "You are signed up" })).toBeVisible();

    // Until sign-up closes, the link in her email lets her change the answer.
    const mail = await waitForMail({ to: person.email, subject: "Your ticket for" });
    const link = mail.text.match(/https?:\/\/\S+\/aanmelding\/[A-Za-z0-9_-]+/)?.[0];
    if (!link) throw new Error("no manage link in the email");
    await page.goto(new URL(link).pathname);
    const answers = page.getByRole("region", { name: "Your answers" });
    await expect(answers.getByLabel(WHICH_EN)).toHaveValue(person.team);
    await answers.getByLabel(WHICH_EN).fill(person.changedTo);
    await answers.getByRole("button", { name: "Save answers" }).click();
    await expect(page.getByRole("status")).toHaveText(/Your answers have been saved\./);
    await expect(page.getByRole("region", { name: "Your answers" }).getByLabel(WHICH_EN)).toHaveValue(person.changedTo);

    // Where a "still coming?" email leads: two buttons, nothing done by opening it.
    await page.goto(`${new URL(link).pathname}/komt-u?antwoord=ja`);
    await expect(page.getByRole("heading", { level: 1, name: "Are you still coming?" })).toBeVisible();
    await page.getByRole("button", { name: "Yes, I am coming" }).click();
    await expect(page.getByRole("status")).toHaveText(/Great that you are coming!/);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("an attendee answers in Dutch: every question shows, and the server names what is missing", async ({ page }) => {
      const person = people.nl;
      await page.goto(`/conferenties/${slug}/aanmelden`);
      await page.getByLabel("Naam").fill(person.name);
      await page.getByLabel("E-mailadres").fill(person.email);
      await page.getByRole("group", { name: TEAM_NL }).getByLabel("Ja").check();
      // Without a script the conditional question is on the form from the start, saying when it applies.
      await expect(page.getByText(`Alleen invullen als je bij ‘${TEAM_NL}’ ‘Ja’ antwoordde.`)).toBeVisible();
      await page.getByLabel(/Ik ga akkoord met de verwerking/).check();
      await page.getByRole("button", { name: "Aanmelden" }).click();

      // The server's verdict: the summary links to the question, the question carries the message, and what
      // was given is still there.
      const summary = page.getByRole("alert");
      await expect(summary.getByRole("link", { name: `${WHICH_NL}: Beantwoord deze vraag.` })).toBeVisible();
      await expect(page.getByLabel(WHICH_NL)).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel(WHICH_NL)).toHaveAccessibleDescription(/Beantwoord deze vraag\./);
      await expect(page.getByRole("group", { name: TEAM_NL }).getByLabel("Ja")).toBeChecked();
      await expect(page.getByLabel("Naam")).toHaveValue(person.name);

      await page.getByLabel(WHICH_NL).fill(person.team);
      await page.getByLabel(/Ik ga akkoord met de verwerking/).check();
      await page.getByRole("button", { name: "Aanmelden" }).click();
      await expect(page.getByRole("heading", { name: "Je bent aangemeld" })).toBeVisible();
    });
  });

  test("the organiser finds both answers in the CSV, one column per question", async ({ page }) => {
    await signInByEmail(page, ORGANISER);
    await page.goto(`${conferencePath}/aanmeldingen`);
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CSV" }).click();
    const download = await downloading;
    const { rows } = parseCsv(await readFile(await download.path(), "utf8"));
    const [header = [], ...registrations] = rows;
    const team = header.indexOf(TEAM_NL);
    const which = header.indexOf(WHICH_NL);
    expect(team).toBeGreaterThan(0);
    expect(which).toBeGreaterThan(0);
    const row = (name: string) => registrations.find((r) => r[0] === name);
    expect(row(people.en.name)?.[which]).toBe(people.en.changedTo);
    expect(row(people.nl.name)?.[which]).toBe(people.nl.team);
    expect(row(people.nl.name)?.[team]).toBe("Ja");

    // And on the registration's own page, as it was asked.
    await page.getByRole("link", { name: `Details van ${people.nl.name}` }).click();
    const answers = page.getByRole("region", { name: "Antwoorden op de vragen" });
    await expect(answers).toContainText(WHICH_NL);
    await expect(answers).toContainText(people.nl.team);
  });

  test("the organiser previews a reminder, and messages only those who answered yes", async ({ page, request }) => {
    // A third person, through the JSON API, who answered no.
    const noor = `noor.${suffix}@voorbeeld.test`;
    const api = await request.post(`/api/conferences/${slug}/registrations`, {
      data: { name: "Noor Haddou", email: noor, privacyConsent: true, answers: { [teamQuestionId]: false } },
    });
    expect(api.status()).toBe(202);

    await signInByEmail(page, ORGANISER);
    await page.goto(conferencePath);
    await page.getByRole("link", { name: "Voorbeeld van de herinnering een dag vooraf" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Voorbeeld herinnering: ${title}` })).toBeVisible();
    await expect(page.getByRole("region", { name: "In het Nederlands" })).toContainText(`Morgen is het zover: ${title}.`);
    await expect(page.getByRole("region", { name: "In het Engels" })).toContainText(`Tomorrow is the day: ${title}.`);

    await page.goto(conferencePath);
    await page.getByRole("link", { name: "Berichten", exact: true }).click();
    const form = page.getByRole("region", { name: "Nieuw bericht" });
    await form.getByLabel("Aan").selectOption({ label: `Wie bij ‘${TEAM_NL}’ ‘Ja’ antwoordde` });
    const subject = `Wijkteamtafel ${suffix}`;
    await form.getByLabel("Onderwerp").fill(subject);
    await form.getByLabel("Bericht").fill("Om 12.30 uur is er een lunchtafel voor wijkteams.\n\nZaal 2, eerste verdieping.");
    await form.getByRole("button", { name: "Tel ontvangers" }).click();
    await expect(form.getByText("Dit bericht gaat naar 2 mensen.")).toBeVisible();
    await form.getByText("Versturen…").click();
    await form.getByRole("button", { name: "Ja, nu versturen" }).click();
    await expect(form.getByText("Verstuurd aan 2 mensen.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Verstuurd" })).toContainText(subject);

    for (const person of [people.en, people.nl]) {
      const mail = await waitForMail({ to: person.email, subject });
      expect(mail.text).toContain("Zaal 2, eerste verdieping.");
    }
    // Both went in the same pass as any third would have: Noor's answer was no.
    expect((await listMail()).some((mail) => mail.envelopeTo.includes(noor) && mail.subject === subject)).toBe(false);
  });
});
