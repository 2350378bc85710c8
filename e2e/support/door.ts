// What the door's specs share: a host signed in through the emailed link, and a fresh attendee with the ticket
// code from their confirmation email.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type Cookie, type Page } from "@playwright/test";
import { listMail, waitForMail, type ReceivedMail } from "./mail";

export const DOOR_SLUG = "samen-sterker-in-de-wijk-2027";
export const DOOR_HOST = "host@podium.test";

async function mailSince(to: string, since: number): Promise<ReceivedMail> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const found = (await listMail()).find((mail) => mail.envelopeTo.includes(to) && Date.parse(mail.receivedAt) >= since);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail to ${to}`);
}

// The host's session, shared by the door's specs: a sign-in link may be asked for an address only five times
// an hour (lib/auth/sign-in-limits.ts), and more than five door tests sign in as the host. Checked before use:
// a spec that signs out ends it, and a new run's database knows none of the last run's sessions.
const SESSION_FILE = path.resolve(".tmp/e2e-door-host-session.json");

async function reuseSession(page: Page): Promise<boolean> {
  if (!existsSync(SESSION_FILE)) return false;
  await page.context().addCookies(JSON.parse(readFileSync(SESSION_FILE, "utf8")) as Cookie[]);
  if ((await page.request.get(`/api/checkin/${DOOR_SLUG}/counts`)).ok()) return true;
  await page.context().clearCookies();
  return false;
}

export async function signInAsHost(page: Page): Promise<void> {
  if (await reuseSession(page)) return;
  await signInThroughEmail(page);
  mkdirSync(path.dirname(SESSION_FILE), { recursive: true });
  writeFileSync(SESSION_FILE, JSON.stringify((await page.context().cookies()).filter((c) => c.name.includes("session-token"))));
}

async function signInThroughEmail(page: Page): Promise<void> {
  const since = Date.now() - 1_000;
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(DOOR_HOST);
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page.getByRole("heading", { name: "Check je e-mail" })).toBeVisible();
  const link = /(https?:\/\/\S+\/inloggen\/bevestigen\?\S+)/.exec((await mailSince(DOOR_HOST, since)).text)?.[1];
  if (!link) throw new Error("no sign-in link");
  await page.goto(link);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/inloggen"));
}

/** A fresh attendee through the public API; their ticket code from the confirmation email. */
export async function registerAttendee(request: APIRequestContext, name: string): Promise<string> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@voorbeeld.test`;
  const response = await request.post(`/api/conferences/${DOOR_SLUG}/registrations`, { data: { name, email, privacyConsent: true } });
  expect(response.status()).toBe(202);
  const code = (await waitForMail({ to: email, subject: "Je ticket voor" })).text.match(/Ticketcode: ([0-9A-Z]+)/)?.[1];
  if (!code) throw new Error("no ticket code in the email");
  return code;
}
