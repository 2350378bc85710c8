// Signing in as a person does it: the sign-in form, the email in the SMTP sink, the link, the button.
// (The same steps as e2e/organiser-sign-in.spec.ts, for specs that need a signed-in organiser first.)
import type { Page } from "@playwright/test";
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

export async function signInByEmail(page: Page, email: string): Promise<void> {
  const since = Date.now() - 1_000;
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page.getByRole("heading", { name: "Check je e-mail" })).toBeVisible();
  const mail = await mailSince(email, since);
  await page.goto(signInLink(mail));
  await expect(page.getByText(`Je logt in als ${email}.`)).toBeVisible();
  await page.getByRole("button", { name: "Inloggen" }).click();
}
