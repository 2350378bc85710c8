// Signing in as a person does it: the sign-in form, the email in the SMTP sink, the link, the button.
// (The same steps as e2e/organiser-sign-in.spec.ts, for specs that need a signed-in organiser first.)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Cookie, Page } from "@playwright/test";
import { expect } from "./fixtures";
import { listMail, type ReceivedMail } from "./mail";

/** The first mail to `to` that arrived after `since`; the sink keeps mail from earlier tests and runs. */
export async function mailSince(to: string, since: number, timeoutMs = 15_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await listMail()).find((mail) => mail.envelopeTo.includes(to) && Date.parse(mail.receivedAt) >= since);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
}

export function signInLink(mail: ReceivedMail): string {
  const match = /(https?:\/\/\S+\/inloggen\/bevestigen\?\S+)/.exec(mail.text);
  if (!match?.[1]) throw new Error(`no sign-in link in:\n${mail.text}`);
  return match[1];
}

// A signed-in person's session, shared by the specs that need one rather than test signing in: a sign-in link
// may be asked for an address only five times an hour (lib/auth/sign-in-limits.ts), and more specs than that
// sign in as the same person. Checked before use: a spec that signs out ends it, and a new run's database
// knows none of the last run's sessions.
const sessionFile = (email: string) => path.resolve(`.tmp/e2e-session-${email.replace(/[^a-z0-9]+/gi, "-")}.json`);

async function reuseSession(page: Page, email: string): Promise<boolean> {
  const file = sessionFile(email);
  if (!existsSync(file)) return false;
  await page.context().addCookies(JSON.parse(readFileSync(file, "utf8")) as Cookie[]);
  const session = (await (await page.request.get("/api/auth/session")).json().catch(() => null)) as { user?: { email?: string } } | null;
  if (session?.user?.email === email) return true;
  await page.context().clearCookies();
  return false;
}

/** Signed in as `email`: with the session of an earlier spec when it still holds, else through the email. */
export async function signInByEmail(page: Page, email: string): Promise<void> {
  if (await reuseSession(page, email)) {
    // Where signing in lands: the dashboard, which takes a member of one organisation to its page.
    await page.goto("/beheer");
    return;
  }
  await signInThroughEmail(page, email);
  mkdirSync(path.dirname(sessionFile(email)), { recursive: true });
  writeFileSync(sessionFile(email), JSON.stringify((await page.context().cookies()).filter((c) => c.name.includes("session-token"))));
}

async function signInThroughEmail(page: Page, email: string): Promise<void> {
  const since = Date.now() - 1_000;
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page.getByRole("heading", { name: "Check je e-mail" })).toBeVisible();
  const mail = await mailSince(email, since);
  await page.goto(signInLink(mail));
  await expect(page.getByText(`Je logt in als ${email}.`)).toBeVisible();
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/inloggen"));
}
