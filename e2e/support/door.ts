// What the door's specs share: a signed-in host, and a fresh attendee with the ticket code from their
// confirmation email.
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { signInByEmail } from "./email-sign-in";
import { waitForMail } from "./mail";

export const DOOR_SLUG = "samen-sterker-in-de-wijk-2027";
export const DOOR_HOST = "host@podium.test";

/** The door's host, signed in (the session is shared between specs: ./email-sign-in.ts). */
export async function signInAsHost(page: Page): Promise<void> {
  await signInByEmail(page, DOOR_HOST);
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
