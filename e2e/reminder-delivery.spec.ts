// Issue 16, points 4 and 8: a reminder reaches the SMTP sink, sent by the database-backed schedule that every
// instance's mail worker runs (prisma/sql/reminders.sql), to the right people: whoever has a place, not whoever
// cancelled. No test clock: on a conference of its own (made here, through the dashboard), the organiser moves the
// start to one day after the next whole minute, so the day-before reminder falls due at that minute for everyone
// who signed up before it. (The segment message reaching the sink is e2e/registration-questions.spec.ts.)
import { signInByEmail } from "./support/email-sign-in";
import { amsterdamInput } from "./support/amsterdam-input";
import { expect, test } from "./support/fixtures";
import { listMail, waitForMail } from "./support/mail";

test.describe.configure({ timeout: 180_000 });

const ORGANISER = "organisator@podium.test";
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const suffix = Date.now().toString(36);
const title = `Herinnering op tijd ${suffix}`;
const slug = `herinnering-op-tijd-${suffix}`;
const coming = { name: "Sanne Verhoeven", email: `sanne.${suffix}@voorbeeld.test` };
const cancelled = { name: "Youssef Benali", email: `youssef.${suffix}@voorbeeld.test` };

test("the day-before reminder reaches everyone with a place, and nobody who cancelled", async ({ page }) => {
  const later = new Date(Date.now() + 20 * DAY);
  await signInByEmail(page, ORGANISER);
  await page.goto("/beheer/werkplaats-sociaal-domein-zhz/conferenties/nieuw");
  await page.getByLabel("Titel", { exact: true }).fill(title);
  await page.getByLabel("Webadres").fill(slug);
  await page.getByLabel("Begint op").fill(amsterdamInput(later));
  await page.getByLabel("Eindigt op").fill(amsterdamInput(new Date(later.getTime() + 4 * 60 * MINUTE)));
  await page.getByLabel("Locatie").selectOption({ label: "Theater aan de Schie, Schiedam" });
  await page.getByLabel("Aantal plaatsen").fill("20");
  await page.getByRole("button", { name: "Conferentie aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.getByText("De conferentie is gepubliceerd.")).toBeVisible();
  const editor = page.url();

  for (const person of [coming, cancelled]) {
    const answer = await page.request.post(`/api/conferences/${slug}/registrations`, { data: { name: person.name, email: person.email, privacyConsent: true } });
    expect(answer.status()).toBe(202);
  }
  const signedUp = Date.now();
  // One of them cancels through the link in his ticket.
  const ticket = await waitForMail({ to: cancelled.email, subject: "Je ticket voor" });
  const manage = new URL(ticket.text.match(/https?:\/\/\S+\/aanmelding\/[A-Za-z0-9_-]+/)?.[0] ?? "").pathname;
  await page.goto(manage);
  await page.getByText("Afmelden…").click();
  await page.getByRole("button", { name: "Ja, meld mij af" }).click();
  await expect(page.getByText("Je bent afgemeld.")).toBeVisible();

  // The start moves to a day after the next whole minute (the editor takes minutes): both signed up before the
  // reminder's moment, which comes at that minute.
  const moment = new Date(Math.ceil((signedUp + 1000) / MINUTE) * MINUTE);
  const start = new Date(moment.getTime() + DAY);
  await page.goto(editor);
  await page.getByLabel("Begint op").fill(amsterdamInput(start));
  await page.getByLabel("Eindigt op").fill(amsterdamInput(new Date(start.getTime() + 4 * 60 * MINUTE)));
  await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await expect(page.getByText(/De wijzigingen zijn opgeslagen/)).toBeVisible();

  const reminder = await waitForMail({ to: coming.email, subject: `Morgen: ${title}` }, 2 * MINUTE);
  expect(reminder.text).toContain(`Morgen is het zover: ${title}.`);
  expect(reminder.attachments?.map((a) => a.filename)).toEqual(expect.arrayContaining(["ticket-qr.png", `${slug}.ics`]));
  // Both reminders would be queued by one statement and written and sent in the same pass as hers.
  const mail = await listMail();
  expect(mail.filter((m) => m.envelopeTo.includes(coming.email) && m.subject === `Morgen: ${title}`)).toHaveLength(1);
  expect(mail.some((m) => m.envelopeTo.includes(cancelled.email) && m.subject.includes(title) && m.subject.startsWith("Morgen"))).toBe(false);
});
