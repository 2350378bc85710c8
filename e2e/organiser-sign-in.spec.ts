// Organisers sign in with a one-time link from their email (read from the SMTP sink), see their
// organisation's dashboard, switch language and sign out; hosts see only check-in; strangers see nothing.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { listMail, type ReceivedMail } from "./support/mail";

// Each test signs in through the real email round trip and every page gets an axe audit: on two shared cores
// that takes longer than the default 30 s.
test.describe.configure({ timeout: 60_000 });

const ORGANISATION = "/beheer/werkplaats-sociaal-domein-zhz";
const OTHER_ORGANISATION = "/beheer/netwerk-zorg-drechtsteden";

/** The first mail to `to` that arrived after `since`; the sink keeps mail from earlier tests and runs. */
async function mailSince(to: string, since: number, timeoutMs = 15_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await listMail()).find(
      (mail) => mail.envelopeTo.includes(to) && Date.parse(mail.receivedAt) >= since,
    );
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
}

function signInLink(mail: ReceivedMail): string {
  const match = /(https?:\/\/\S+\/inloggen\/bevestigen\?\S+)/.exec(mail.text);
  if (!match?.[1]) throw new Error(`no sign-in link in:\n${mail.text}`);
  return match[1];
}

async function requestLink(page: Page, email: string): Promise<void> {
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page.getByRole("heading", { name: "Check je e-mail" })).toBeVisible();
}

/** The whole sign-in as a person does it: the form, the email, the link, the button. */
async function signIn(page: Page, email: string): Promise<void> {
  const since = Date.now() - 1_000;
  await requestLink(page, email);
  const mail = await mailSince(email, since);
  expect(mail.subject).toBe("Je inloglink voor Podium");
  await page.goto(signInLink(mail));
  await expect(page.getByText(`Je logt in als ${email}.`)).toBeVisible();
  await page.getByRole("button", { name: "Inloggen" }).click();
}

test("an organiser signs in by email, sees the conferences with counts, switches language and signs out", async ({ page }) => {
  await signIn(page, "organisator@podium.test");

  // One organisation: /beheer goes straight to it.
  await expect(page).toHaveURL(new RegExp(`${ORGANISATION}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Conferenties" })).toBeVisible();
  await expect(page.getByText("Jouw rol: Eigenaar")).toBeVisible();

  const upcoming = page.getByRole("table", { name: "Komend en bezig" });
  const open = upcoming.getByRole("row", { name: /Werkconferentie Samen Sterker in de Wijk/ });
  await expect(open.getByText("Gepubliceerd")).toBeVisible();
  await expect(open.getByRole("cell").nth(1)).toHaveText(/^\d+ van 80/);
  await expect(open.getByRole("link", { name: "Inchecken bij Werkconferentie Samen Sterker in de Wijk" })).toHaveAttribute(
    "href",
    "/checkin/samen-sterker-in-de-wijk-2027",
  );
  const draft = upcoming.getByRole("row", { name: /Werkconferentie Najaar 2027/ });
  await expect(draft.getByText("Concept")).toBeVisible();
  await expect(draft.getByRole("cell").nth(1)).toHaveText("0 van 120");
  await expect(page.getByRole("table", { name: "Afgelopen" }).getByRole("row", { name: /Doe, Leer en Inspireer!/ })).toBeVisible();
  // Another organisation's draft is not among them.
  await expect(page.getByText("Netwerkmiddag")).toHaveCount(0);

  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(new RegExp(`/en${ORGANISATION}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Conferences" })).toBeVisible();
  await expect(page.getByText("Your role: Owner")).toBeVisible();
  await expect(page.getByRole("table", { name: "Upcoming and ongoing" }).getByText("Draft")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await expect(page).toHaveURL(/\/en\/inloggen\?uitgelogd=1$/);

  // The session is gone on the server: the dashboard asks for a sign-in again.
  await page.goto(`/en${ORGANISATION}`);
  await expect(page).toHaveURL(/\/en\/inloggen\?callbackUrl=/);
  await expect(page.getByRole("heading", { name: "Sign in for organisers" })).toBeVisible();
});

test("an unknown address gets the same page and no email", async ({ page }) => {
  const unknown = `onbekend.${Date.now()}@voorbeeld.test`;
  const since = Date.now() - 1_000;
  await requestLink(page, unknown);
  const unknownPage = await page.getByRole("main").innerText();

  // A known address afterwards: once its email has arrived, an email to the unknown one would have too.
  // The other organisation's owner: the demo accounts of the Werkplaats sign in so often across the specs that
  // one more link for them would hit the limit of 5 per address per hour (lib/auth/rate-limits.ts).
  await requestLink(page, "eigenaar@drechtsteden.test");
  expect(await page.getByRole("main").innerText()).toBe(unknownPage);
  await mailSince("eigenaar@drechtsteden.test", since);
  expect((await listMail()).filter((mail) => mail.envelopeTo.includes(unknown))).toHaveLength(0);
});

test("a host sees only the check-in links", async ({ page }) => {
  await signIn(page, "host@podium.test");
  await expect(page).toHaveURL(new RegExp(`${ORGANISATION}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Inchecken" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open inchecken: Werkconferentie Samen Sterker in de Wijk" })).toHaveAttribute(
    "href",
    "/checkin/samen-sterker-in-de-wijk-2027",
  );
  // No counts, no drafts, no members.
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(page.getByText("Werkconferentie Najaar 2027")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Leden" })).toHaveCount(0);

  const members = await page.goto(`${ORGANISATION}/leden`);
  expect(members?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Deze pagina bestaat niet" })).toBeVisible();
});

test("another organisation's dashboard is a 404 page, like one that does not exist", async ({ page }) => {
  await signIn(page, "redactie@podium.test");
  await expect(page).toHaveURL(new RegExp(`${ORGANISATION}$`));

  for (const path of [OTHER_ORGANISATION, `${OTHER_ORGANISATION}/leden`, "/beheer/bestaat-niet"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Deze pagina bestaat niet" })).toBeVisible();
  }
});
