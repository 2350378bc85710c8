import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { registrationOfToken } from "@/lib/registrations/manage-links";
import { cancelRegistration } from "@/lib/places/mutations";
import { registerForConference } from "../support/sign-up";
import { createConference, discardTestEmails, emailsTo, manageTokenFrom, registrationInput, uniqueEmail } from "../support/factories";

// A double click, a resubmitted form or a retried API call makes one registration; registering an address
// twice reveals nothing to the page, and the address's owner gets their manage link by email.
describe("idempotent registration", () => {
  afterAll(async () => {
    await discardTestEmails();
    await db.$disconnect();
  });

  it("the same idempotency key twice: one registration, one email, the same answer", async () => {
    const conference = await createConference();
    const input = registrationInput();
    const idempotencyKey = randomUUID();

    const first = await registerForConference(conference.slug, input, { idempotencyKey });
    const again = await registerForConference(conference.slug, input, { idempotencyKey });

    expect(first.ok).toBe(true);
    expect(again).toEqual(first);
    expect(await db.registration.count({ where: { conferenceId: conference.id } })).toBe(1);
    expect(await emailsTo(input.email)).toHaveLength(1);
  });

  it("the same idempotency key concurrently: one registration, one email", async () => {
    const conference = await createConference();
    const input = registrationInput();
    const idempotencyKey = randomUUID();

    const outcomes = await Promise.all(Array.from({ length: 6 }, () => registerForConference(conference.slug, input, { idempotencyKey })));

    expect(outcomes.every((o) => o.ok)).toBe(true);
    const registrations = await db.registration.findMany({ where: { conferenceId: conference.id } });
    expect(registrations).toHaveLength(1);
    expect(registrations[0]?.idempotencyKey).toBe(idempotencyKey);
    expect((await emailsTo(input.email)).map((e) => e.kind)).toEqual(["registration.confirmed"]);
  });

  it("a retried key with other details still answers with the first registration", async () => {
    const conference = await createConference();
    const idempotencyKey = randomUUID();
    const first = await registerForConference(conference.slug, registrationInput(), { idempotencyKey });
    const other = registrationInput();
    const again = await registerForConference(conference.slug, other, { idempotencyKey });

    expect(again).toEqual(first);
    expect(await db.registration.count({ where: { conferenceId: conference.id } })).toBe(1);
    expect(await emailsTo(other.email)).toHaveLength(0);
  });

  it("an already registered address (other case): no new registration, a success to the page, a new manage link by email", async () => {
    const conference = await createConference();
    const email = uniqueEmail("al-aangemeld");
    const first = await registerForConference(conference.slug, registrationInput({ email, name: "Eerste Keer" }));
    const [ticket] = await emailsTo(email);
    const oldToken = manageTokenFrom(ticket?.textBody ?? "");
    expect(await registrationOfToken(oldToken)).not.toBeNull();

    const again = await registerForConference(conference.slug, registrationInput({ email: email.toUpperCase(), name: "Tweede Keer", locale: "en" }));

    // Indistinguishable from a new registration for whoever submitted it (the API and the form show only ok).
    expect(again.ok).toBe(true);
    expect(first.ok).toBe(true);
    if (!again.ok || !first.ok) return;
    expect(again.conferenceSlug).toBe(first.conferenceSlug);
    expect(Object.keys(again).sort()).toEqual(Object.keys(first).sort());

    const registrations = await db.registration.findMany({ where: { conferenceId: conference.id } });
    expect(registrations).toHaveLength(1);
    expect(registrations[0]?.name).toBe("Eerste Keer");

    const emails = await emailsTo(email);
    expect(emails.map((e) => e.kind)).toEqual(["registration.confirmed", "registration.alreadyRegistered"]);
    const notice = emails[1];
    // To the address as it was registered, in the language of the form that was just used.
    expect(notice?.toAddress).toBe(email);
    expect(notice?.textBody).toContain("/en/aanmelding/");
    const newToken = manageTokenFrom(notice?.textBody ?? "");
    expect(newToken).not.toBe(oldToken);
    expect((await registrationOfToken(newToken))?.id).toBe(registrations[0]?.id);
    // The ticket email's link keeps working: the person may open that email first.
    expect((await registrationOfToken(oldToken))?.id).toBe(registrations[0]?.id);
  });

  it("a cancelled registration does not block registering again", async () => {
    const conference = await createConference();
    const email = uniqueEmail("opnieuw");
    const first = await registerForConference(conference.slug, registrationInput({ email }));
    if (!first.ok || !first.registrationId) throw new Error("first registration failed");
    expect(await cancelRegistration({ registrationId: first.registrationId })).toEqual({ ok: true, promoted: 0 });

    const again = await registerForConference(conference.slug, registrationInput({ email }));

    expect(again.ok && again.registrationId).toBeTruthy();
    const statuses = (await db.registration.findMany({ where: { conferenceId: conference.id }, orderBy: { createdAt: "asc" } })).map((r) => r.status);
    expect(statuses).toEqual(["CANCELLED", "CONFIRMED"]);
  });
});
