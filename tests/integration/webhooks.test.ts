// Issue 17, items 3 to 5: webhooks. Events are written in the same transaction as the change (a change that is
// rolled back leaves none); a receiver on loopback checks every signature, sees retries after a 500 and after a
// timeout, and gets each event through once per event id; a 410 and 3 days of failure switch the hook off and
// email the owners; a resend sends the same event id again; the address check refuses private targets.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

// Loopback receivers need private targets allowed, as a self-hosted setup would (read once, at import).
vi.hoisted(() => {
  process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = "true";
});
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null }));
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), revalidateTag: vi.fn(), refresh: vi.fn() }));

import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import type { CurrentUser } from "@/lib/auth/session";
import { recordScan } from "@/lib/checkin/scan";
import { db } from "@/lib/db";
import { cancelConference, cancelRegistration } from "@/lib/places/mutations";
import { deliverDueWebhooks, GIVE_UP_AFTER_MS, pruneWebhookEvents } from "@/lib/webhooks/deliver";
import { addWebhook, resend, switchOnWebhook } from "@/lib/webhooks/definitions";
import { postWebhook } from "@/lib/webhooks/post";
import { isPrivateAddress, resolveTarget } from "@/lib/webhooks/target";
import { createConference, discardTestEmails, rawRegistration, registrationInput, uniqueEmail, type TestConference } from "../support/factories";
import { addMember, createUser } from "../support/organisation-factories";
import { registerForConference } from "../support/sign-up";
import { startReceiver } from "../support/webhook-receiver";

type AnyDefinition = ActionDefinition<never, unknown, string>;
const run = (definition: unknown, user: CurrentUser, input: Record<string, unknown>) => runAuthorized(definition as AnyDefinition, user, input);

const receivers: Array<{ close: () => Promise<void> }> = [];

async function setUp(events: string[]) {
  const conference = await createConference();
  const owner = await createUser("eigenaar");
  await addMember(conference.organisationId, owner, "OWNER");
  let secret = "";
  const receiver = await startReceiver(() => secret);
  receivers.push(receiver);
  const created = await run(addWebhook, owner, { organisationId: conference.organisationId, url: receiver.url, events });
  if (!created.ok) throw new Error(`hook refused: ${JSON.stringify(created)}`);
  const data = created.data as { webhookId: string; secret: string };
  secret = data.secret;
  return { conference, owner, receiver, webhookId: data.webhookId };
}

async function signUp(conference: TestConference) {
  const outcome = await registerForConference(conference.slug, registrationInput({ email: uniqueEmail("webhook") }));
  if (!outcome.ok || !outcome.registrationId) throw new Error("sign-up refused");
  return outcome.registrationId;
}

/** Time passes: the deliveries waiting for their next try are due now. */
async function timePasses(webhookId: string) {
  await db.webhookDelivery.updateMany({ where: { webhookId, status: "PENDING" }, data: { nextAttemptAt: new Date() } });
}

/** Only this test's hook is delivered: other files' hooks share the table, and each pass takes what is due. */
async function deliver(webhookId: string, timeoutMs = 2_000) {
  await db.webhookDelivery.updateMany({ where: { webhookId: { not: webhookId }, status: "PENDING" }, data: { nextAttemptAt: new Date(Date.now() + 3_600_000) } });
  return deliverDueWebhooks({ timeoutMs, allowPrivate: true });
}

afterAll(async () => {
  for (const receiver of receivers) await receiver.close();
  await discardTestEmails();
  await db.$disconnect();
});

describe("events", () => {
  it("are written in the change's own transaction: a registration rolled back leaves no event", async () => {
    const { conference, webhookId } = await setUp(["registration.created"]);
    await expect(
      db.$transaction(async (tx) => {
        await tx.registration.create({ data: rawRegistration(conference.id, uniqueEmail("webhook")) });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db.webhookDelivery.count({ where: { webhookId } })).toBe(0);
    await signUp(conference);
    expect(await db.webhookDelivery.count({ where: { webhookId } })).toBe(1);
  });

  it("are only the kinds a hook asked for, and only its own organisation's", async () => {
    const { conference, webhookId, receiver } = await setUp(["registration.cancelled", "checkin.recorded"]);
    const other = await createConference();
    await signUp(other);
    const registrationId = await signUp(conference);
    const ticket = await db.registration.findUniqueOrThrow({ where: { id: registrationId }, select: { ticketCode: true } });
    await recordScan({ conferenceId: conference.id, code: ticket.ticketCode, method: "QR", scannedAt: new Date(), clientNonce: randomUUID(), deviceId: "device-webhook", hostUserId: null });
    await cancelRegistration({ registrationId, conferenceId: conference.id }, { template: "cancelledByOrganiser" });
    await deliver(webhookId);
    expect(receiver.received.map((r) => r.type)).toEqual(["checkin.recorded", "registration.cancelled"]);
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
    expect(receiver.received[1]?.body).toMatchObject({ type: "registration.cancelled", data: { registrationId, conferenceId: conference.id, status: "cancelled" } });
    // Thin: nothing personal travels, only ids and a status.
    expect(JSON.stringify(receiver.received)).not.toMatch(/@|Fatima|Direct ingevoegd/);
  });
});

describe("conference and report events", () => {
  it("tell of a published conference's changes and its cancellation, and of a report published, not of a draft's edits", async () => {
    const { conference, webhookId, receiver } = await setUp(["conference.published", "conference.changed", "conference.cancelled", "report.published"]);
    const draft = await db.conference.create({
      data: { organisationId: conference.organisationId, slug: `concept-${randomUUID().slice(0, 8)}`, title: "Concept", startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 90_000_000), capacity: 10 },
    });
    await db.conference.update({ where: { id: draft.id }, data: { title: "Concept, herzien" } });
    await db.conference.update({ where: { id: draft.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    await db.conference.update({ where: { id: draft.id }, data: { title: "Werkconferentie, nieuwe titel" } });
    await db.$transaction((tx) => cancelConference(tx, draft.id));
    const report = await db.report.create({ data: { organisationId: conference.organisationId, slug: `verslag-${randomUUID().slice(0, 8)}`, title: "Sfeerverslag" } });
    await db.report.update({ where: { id: report.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    await deliver(webhookId);
    expect(receiver.received.map((r) => [r.type, r.body.data.conferenceId ?? r.body.data.reportId])).toEqual([
      ["conference.published", draft.id],
      ["conference.changed", draft.id],
      ["conference.cancelled", draft.id],
      ["report.published", report.id],
    ]);
  });
});

describe("deliveries", () => {
  it("are retried after a 500 and after a timeout, signed each time, and reach the receiver once as a success per event id", async () => {
    const { conference, webhookId, receiver } = await setUp(["registration.created", "registration.confirmed"]);
    receiver.answer([500, 500, "hang", "hang"]);
    await signUp(conference);
    expect(await deliver(webhookId, 300)).toMatchObject({ delivered: 0, retried: 2 });
    const afterFirst = await db.webhookDelivery.findMany({ where: { webhookId } });
    expect(afterFirst.map((d) => [d.lastStatusCode, d.attempts, d.status])).toEqual([
      [500, 1, "PENDING"],
      [500, 1, "PENDING"],
    ]);
    // Exponential: the next try waits, so a pass right away sends nothing.
    expect(afterFirst.every((d) => d.nextAttemptAt.getTime() > Date.now() + 20_000)).toBe(true);
    expect(await deliver(webhookId, 300)).toMatchObject({ delivered: 0, retried: 0 });
    await timePasses(webhookId);
    expect(await deliver(webhookId, 300)).toMatchObject({ delivered: 0, retried: 2 });
    expect((await db.webhookDelivery.findMany({ where: { webhookId } })).map((d) => d.lastError)).toEqual(["timeout", "timeout"]);
    await timePasses(webhookId);
    expect(await deliver(webhookId, 300)).toMatchObject({ delivered: 2 });
    await timePasses(webhookId);
    expect(await deliver(webhookId, 300)).toMatchObject({ delivered: 0, retried: 0 });

    expect(receiver.received).toHaveLength(6);
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
    const ids = new Set(receiver.received.map((r) => r.eventId));
    expect(ids.size).toBe(2);
    for (const id of ids) {
      const tries = receiver.received.filter((r) => r.eventId === id);
      expect(tries.map((r) => r.answered)).toEqual([500, "hang", 200]);
      expect(new Set(tries.map((r) => JSON.stringify(r.body))).size).toBe(1);
    }
  });

  it("are sent once each when two workers pass at the same moment", async () => {
    const { conference, webhookId, receiver } = await setUp(["registration.created"]);
    for (let i = 0; i < 6; i++) await signUp(conference);
    await db.webhookDelivery.updateMany({ where: { webhookId: { not: webhookId }, status: "PENDING" }, data: { nextAttemptAt: new Date(Date.now() + 3_600_000) } });
    await Promise.all([deliverDueWebhooks({ allowPrivate: true, limit: 4 }), deliverDueWebhooks({ allowPrivate: true, limit: 4 })]);
    await deliver(webhookId);
    expect(receiver.received).toHaveLength(6);
    expect(new Set(receiver.received.map((r) => r.eventId)).size).toBe(6);
  });

  it("switch the hook off on a 410 and email the owners", async () => {
    const { conference, owner, webhookId, receiver } = await setUp(["registration.created"]);
    receiver.answer([410]);
    await signUp(conference);
    await signUp(conference);
    await deliver(webhookId);
    const hook = await db.webhook.findUniqueOrThrow({ where: { id: webhookId } });
    expect(hook).toMatchObject({ enabled: false, disabledReason: "gone" });
    // Switched off at the first 410: the second delivery is not sent, and the next change queues nothing.
    expect(receiver.received).toHaveLength(1);
    await signUp(conference);
    expect(await db.webhookDelivery.count({ where: { webhookId } })).toBe(2);
    const emails = await db.emailOutbox.findMany({ where: { toAddress: owner.email, kind: "webhook.disabled" } });
    expect(emails).toHaveLength(1);
    expect(emails[0]?.textBody).toContain(receiver.url);
  });

  it("give up after 3 days of failure, switch the hook off and email the owners; a resend sends the same event id again", async () => {
    const { conference, owner, webhookId, receiver } = await setUp(["registration.created"]);
    receiver.answer([], 503);
    await signUp(conference);
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { webhookId } });
    await db.webhookEvent.update({ where: { id: delivery.eventId }, data: { createdAt: new Date(Date.now() - GIVE_UP_AFTER_MS + 10_000) } });
    await deliver(webhookId);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "FAILED", lastStatusCode: 503 });
    expect(await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).toMatchObject({ enabled: false, disabledReason: "failing" });
    expect(await db.emailOutbox.count({ where: { toAddress: owner.email, kind: "webhook.disabled" } })).toBe(1);

    // The owner fixes the receiver, switches the hook on and sends the delivery again.
    receiver.answer([], 200);
    expect((await run(switchOnWebhook, owner, { webhookId })).ok).toBe(true);
    expect((await run(resend, owner, { deliveryId: delivery.id })).ok).toBe(true);
    await deliver(webhookId);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "DELIVERED", lastStatusCode: 200 });
    expect(receiver.received.map((r) => r.eventId)).toEqual([delivery.eventId, delivery.eventId]);
    expect(receiver.received.map((r) => r.answered)).toEqual([503, 200]);
  });
});

describe("old events", () => {
  it("are removed after 30 days with their deliveries, except one still waiting to be sent", async () => {
    const { conference, webhookId } = await setUp(["registration.created"]);
    await signUp(conference);
    await signUp(conference);
    const [sent, waiting] = await db.webhookDelivery.findMany({ where: { webhookId }, orderBy: { createdAt: "asc" } });
    await db.webhookDelivery.update({ where: { id: sent!.id }, data: { status: "DELIVERED" } });
    await db.webhookEvent.updateMany({ where: { id: { in: [sent!.eventId, waiting!.eventId] } }, data: { createdAt: new Date(Date.now() - 31 * 86_400_000) } });
    expect(await pruneWebhookEvents()).toBeGreaterThanOrEqual(1);
    expect((await db.webhookDelivery.findMany({ where: { webhookId } })).map((d) => d.id)).toEqual([waiting!.id]);
  });
});

describe("the address check", () => {
  it("refuses loopback, private, link-local and mapped addresses, and names that resolve to them", async () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1"]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["93.184.216.34", "145.97.39.155", "2a00:1450:400e:80c::200e"]) expect(isPrivateAddress(address), address).toBe(false);
    expect(await resolveTarget("http://localhost:8080/hook", false)).toEqual({ ok: false, reason: "privateAddress" });
    expect(await resolveTarget("http://[::1]/hook", false)).toEqual({ ok: false, reason: "privateAddress" });
    expect(await resolveTarget("ftp://example.org/hook", false)).toEqual({ ok: false, reason: "invalidUrl" });
    expect(await resolveTarget("http://user:pw@example.org/hook", false)).toEqual({ ok: false, reason: "invalidUrl" });
    expect((await resolveTarget("http://127.0.0.1:9/hook", true)).ok).toBe(true);
  });

  it("checks every redirect again, follows only 307 and 308, and never a redirect to another scheme", async () => {
    let secret = "s";
    const receiver = await startReceiver(() => secret);
    receivers.push(receiver);
    const post = (path: string) => postWebhook(`${receiver.base}${path}`, "{}", { "content-type": "application/json" }, { timeoutMs: 1000, allowPrivate: true });
    expect(await post(`/redirect-307/${encodeURIComponent(`${receiver.base}/na-redirect`)}`)).toEqual({ ok: true, status: 200 });
    expect(receiver.received.map((r) => r.path)).toEqual(["/na-redirect"]);
    expect(await post(`/redirect-302/${encodeURIComponent(`${receiver.base}/na-redirect`)}`)).toEqual({ ok: true, status: 302 });
    expect(await post(`/redirect-308/${encodeURIComponent("file:///etc/passwd")}`)).toEqual({ ok: false, error: "invalidUrl" });
    expect(receiver.received).toHaveLength(1);
    secret = "";
  });
});
