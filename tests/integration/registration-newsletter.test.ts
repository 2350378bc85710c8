import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { emailKey } from "@/lib/text";
import { registerForConference } from "../support/sign-up";
import { createConference, discardTestEmails, registrationInput } from "../support/factories";

describe("newsletter opt-in on the registration form", () => {
  afterAll(async () => {
    await discardTestEmails();
    await db.$disconnect();
  });

  it("asks the organiser's newsletter for a double opt-in once the registration is in", async () => {
    const conference = await createConference();
    const input = registrationInput({ newsletterOptIn: true });
    const outcome = await registerForConference(conference.slug, input);
    expect(outcome.ok).toBe(true);

    const subscriber = await db.newsletterSubscriber.findUniqueOrThrow({
      where: { organisationId_emailKey: { organisationId: conference.organisationId, emailKey: emailKey(input.email) } },
    });
    // Not subscribed until the person confirms through the link in its own email.
    expect(subscriber.confirmedAt).toBeNull();
    const kinds = (await db.emailOutbox.findMany({ where: { toAddress: input.email }, select: { kind: true } })).map((e) => e.kind);
    expect(kinds).toContain("registration.confirmed");
    expect(kinds.some((k) => k.startsWith("newsletter"))).toBe(true);
  });

  it("leaves the newsletter alone when the box was not ticked", async () => {
    const conference = await createConference();
    const input = registrationInput({ newsletterOptIn: false });
    await registerForConference(conference.slug, input);
    expect(await db.newsletterSubscriber.count({ where: { organisationId: conference.organisationId } })).toBe(0);
  });
});
