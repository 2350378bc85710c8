// Issue 17, items 3 and 4: only an owner of the organisation makes, removes, switches on and resends its webhooks;
// and without WEBHOOKS_ALLOW_PRIVATE_TARGETS no hook can point at this machine or a private network.
import { afterAll, describe, expect, it, vi } from "vitest";
import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { addWebhook, removeWebhook, resend, switchOnWebhook } from "@/lib/webhooks/definitions";
import { createConference, discardTestEmails, registrationInput, uniqueEmail } from "../support/factories";
import { addMember, createUser } from "../support/organisation-factories";
import { registerForConference } from "../support/sign-up";

vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null }));

type AnyDefinition = ActionDefinition<never, unknown, string>;
const run = (definition: unknown, user: CurrentUser | null, input: Record<string, unknown>) => runAuthorized(definition as AnyDefinition, user, input);

afterAll(async () => {
  await discardTestEmails();
  await db.$disconnect();
});

describe("the owner's webhook actions", () => {
  it("refuse everyone but an owner of the organisation, and change nothing", async () => {
    const conference = await createConference();
    const [owner, organiser, host, stranger] = await Promise.all([createUser("eigenaar"), createUser("organisator"), createUser("host"), createUser("eigenaar")]);
    await addMember(conference.organisationId, owner, "OWNER");
    await addMember(conference.organisationId, organiser, "ORGANISER");
    await addMember(conference.organisationId, host, "HOST");
    const elsewhere = await createConference();
    await addMember(elsewhere.organisationId, stranger, "OWNER");
    const hook = await db.webhook.create({
      data: { organisationId: conference.organisationId, url: "https://crm.example.org/podium", events: ["registration.created"], secret: "whsec_test", enabled: false, disabledReason: "gone" },
    });
    await registerForConference(conference.slug, registrationInput({ email: uniqueEmail("webhook") }));
    await db.webhook.update({ where: { id: hook.id }, data: { enabled: true } });
    await registerForConference(conference.slug, registrationInput({ email: uniqueEmail("webhook") }));
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } });
    await db.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "FAILED" } });
    await db.webhook.update({ where: { id: hook.id }, data: { enabled: false } });

    const create = { organisationId: conference.organisationId, url: "https://crm.example.org/other", events: ["registration.created"] };
    for (const user of [null, organiser, host, stranger]) {
      expect((await run(addWebhook, user, create)).ok).toBe(false);
      expect((await run(removeWebhook, user, { webhookId: hook.id })).ok).toBe(false);
      expect((await run(switchOnWebhook, user, { webhookId: hook.id })).ok).toBe(false);
      expect((await run(resend, user, { deliveryId: delivery.id })).ok).toBe(false);
    }
    expect(await db.webhook.count({ where: { organisationId: conference.organisationId } })).toBe(1);
    expect(await db.webhook.findUniqueOrThrow({ where: { id: hook.id } })).toMatchObject({ enabled: false });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "FAILED" });

    expect((await run(switchOnWebhook, owner, { webhookId: hook.id })).ok).toBe(true);
    expect((await run(resend, owner, { deliveryId: delivery.id })).ok).toBe(true);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "PENDING" });
    expect((await run(removeWebhook, owner, { webhookId: hook.id })).ok).toBe(true);
    expect(await db.webhook.count({ where: { id: hook.id } })).toBe(0);
  });

  it("refuse a hook to this machine or a private network, by address or by a name that resolves there", async () => {
    const conference = await createConference();
    const owner = await createUser("eigenaar");
    await addMember(conference.organisationId, owner, "OWNER");
    for (const url of ["http://127.0.0.1:3000/hook", "http://localhost/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]/hook", "http://10.0.0.5/hook"]) {
      const outcome = await run(addWebhook, owner, { organisationId: conference.organisationId, url, events: ["registration.created"] });
      expect(outcome, url).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { url: "privateAddress" } });
    }
    const wrongScheme = await run(addWebhook, owner, { organisationId: conference.organisationId, url: "ftp://example.org/hook", events: ["registration.created"] });
    expect(wrongScheme).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { url: "invalid" } });
    expect(await db.webhook.count({ where: { organisationId: conference.organisationId } })).toBe(0);
  });
});
