// Issue 16, point 7: from a set time before the start, a freed place is offered to the next person waiting with a
// claim window, instead of given without asking; an unclaimed offer moves on. Decided in prisma/sql/places.sql
// under the conference's lock. The clock is passed in (answerOffer, expireOffers), so the test chooses the moment.
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { cancelConference, cancelRegistration, changeWorkshops, eraseRegistration, PLACES_TRANSACTION, setConferenceCapacity } from "@/lib/places/mutations";
import { answerOffer, expireOffers } from "@/lib/places/offers";
import { placesOf } from "@/lib/places/queries";
import { registerForConference } from "../support/sign-up";
import { runAuthorized } from "@/lib/auth/authorized-action";
import { reminders } from "@/lib/conferences/definitions";
import { registrationOfToken } from "@/lib/registrations/manage-links";
import { createEditorConference } from "../support/editor-factories";
import { createOrganisation } from "../support/organisation-factories";
import { createConference, discardTestEmails, emailsTo, manageTokenFrom, registrationInput, round, session, uniqueEmail, type TestConference } from "../support/factories";

// next-auth's ESM build imports "next/server" in a way only Next's bundler resolves; the action runs with the user passed in.
vi.mock("@/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined }));

const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const instances: pg.Pool[] = [];

/** A second app instance: a pool of its own on the same database. */
function instance(): pg.Pool {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4, options: "-c TimeZone=UTC" });
  instances.push(pool);
  return pool;
}

afterAll(async () => {
  await Promise.all(instances.map((pool) => pool.end()));
  await discardTestEmails();
  await db.$disconnect();
});

/** A conference starting in 24 hours; offers from 48 hours before the start with 12 hours to claim, unless off. */
async function conference(options: { capacity: number; offers?: boolean; rounds?: Array<Array<number | null>>; startsInHours?: number }) {
  const made = await createConference({ capacity: options.capacity, rounds: options.rounds, startsAt: new Date(Date.now() + (options.startsInHours ?? 24) * HOUR) });
  if (options.offers !== false) await db.conference.update({ where: { id: made.id }, data: { offersHoursBefore: 48, offerClaimHours: 12 } });
  return made;
}

let waitingMinutesAgo = 600;
/** Signs someone up through the domain function the form calls; a waiting person joined the line in call order. */
async function register(c: TestConference, workshops: Record<string, string> = {}) {
  const email = uniqueEmail("aanbod");
  const outcome = await registerForConference(c.slug, registrationInput({ email, workshops }));
  if (!outcome.ok || !outcome.registrationId || !outcome.decision) throw new Error(`sign-up failed: ${JSON.stringify(outcome)}`);
  if (outcome.decision.status === "WAITLISTED") {
    await db.registration.update({ where: { id: outcome.registrationId }, data: { waitlistedAt: new Date(Date.now() - waitingMinutesAgo-- * MINUTE) } });
  }
  return { id: outcome.registrationId, email, status: outcome.decision.status };
}

const statusOf = async (id: string) => (await db.registration.findUniqueOrThrow({ where: { id } })).status;
const offersOf = (registrationId: string) => db.placeOffer.findMany({ where: { registrationId }, orderBy: { offeredAt: "asc" } });
/** The emails queued for a registration, by template ("registration.<template>" is the kind, drafted or written). */
const draftsOf = async (registrationId: string) =>
  (await db.emailOutbox.findMany({ where: { registrationId }, orderBy: { createdAt: "asc" } })).map((e) => e.kind.replace(/^registration\./, ""));

describe("offers with a claim window", () => {
  it("off (the default): a cancellation promotes the longest waiting at once, as before", async () => {
    const c = await conference({ capacity: 1, offers: false });
    const first = await register(c);
    const waiting = await register(c);
    expect(waiting.status).toBe("WAITLISTED");
    expect(await cancelRegistration({ registrationId: first.id })).toEqual({ ok: true, promoted: 1 });
    expect(await statusOf(waiting.id)).toBe("CONFIRMED");
    expect(await db.placeOffer.count({ where: { conferenceId: c.id } })).toBe(0);
  });

  it("on: a freed place is offered to the next in line, held from a new sign-up, and claimed as a promotion", async () => {
    const c = await conference({ capacity: 1 });
    const first = await register(c);
    const second = await register(c);
    const third = await register(c);
    expect(await cancelRegistration({ registrationId: first.id })).toEqual({ ok: true, promoted: 0 });

    // Offered to the longest waiting, not given; the third waits on.
    expect(await statusOf(second.id)).toBe("WAITLISTED");
    const [offer] = await offersOf(second.id);
    expect(offer).toMatchObject({ status: "OPEN", sessionId: null });
    const start = (await db.conference.findUniqueOrThrow({ where: { id: c.id } })).startsAt;
    expect(offer?.expiresAt.getTime()).toBe(Math.min(offer!.offeredAt.getTime() + 12 * HOUR, start.getTime()));
    expect(await offersOf(third.id)).toEqual([]);
    expect(await draftsOf(second.id)).toContain("placeOffer");

    // The held place is taken for everyone else: the page shows none left, and a new sign-up waits.
    const places = await placesOf(c.id);
    expect(places?.left).toBe(0);
    expect(places?.state).toBe("full");
    const newcomer = await register(c);
    expect(newcomer.status).toBe("WAITLISTED");

    // Someone else's registration cannot answer it.
    expect(await answerOffer({ offerId: offer!.id, registrationId: third.id }, true)).toBe("notFound");
    expect(await answerOffer({ offerId: offer!.id, registrationId: second.id }, true)).toBe("claimed");
    expect(await statusOf(second.id)).toBe("CONFIRMED");
    expect(await draftsOf(second.id)).toContain("promoted");
    expect((await offersOf(second.id))[0]?.status).toBe("CLAIMED");
    // Claimed twice is still claimed; declining afterwards changes nothing.
    expect(await answerOffer({ offerId: offer!.id, registrationId: second.id }, false)).toBe("claimed");
    expect(await statusOf(second.id)).toBe("CONFIRMED");
    const counts = await db.conferencePlaces.findUniqueOrThrow({ where: { conferenceId: c.id } });
    expect(counts).toMatchObject({ confirmed: 1, offered: 0, waitlisted: 2 });
  });

  it("declining takes the person off the waiting list and offers the place to the next", async () => {
    const c = await conference({ capacity: 1 });
    const first = await register(c);
    const second = await register(c);
    const third = await register(c);
    await cancelRegistration({ registrationId: first.id });
    const [offer] = await offersOf(second.id);
    expect(await answerOffer({ offerId: offer!.id, registrationId: second.id }, false)).toBe("declined");
    expect(await statusOf(second.id)).toBe("CANCELLED");
    expect(await draftsOf(second.id)).toContain("offerEnded");
    const [next] = await offersOf(third.id);
    expect(next?.status).toBe("OPEN");
    // The declined offer cannot be claimed after all.
    expect(await answerOffer({ offerId: offer!.id, registrationId: second.id }, true)).toBe("declined");
    expect(await statusOf(second.id)).toBe("CANCELLED");
  });

  it("an offer not claimed in its window expires at the clock's moment, moves on, and its link says so", async () => {
    const c = await conference({ capacity: 1, startsInHours: 40 });
    const first = await register(c);
    const second = await register(c);
    const third = await register(c);
    await cancelRegistration({ registrationId: first.id });
    const [offer] = await offersOf(second.id);

    // Eleven hours later nothing has run out yet.
    expect(await expireOffers(new Date(Date.now() + 11 * HOUR))).toBe(0);
    expect((await offersOf(second.id))[0]?.status).toBe("OPEN");

    const later = new Date(offer!.expiresAt.getTime() + MINUTE);
    expect(await expireOffers(later)).toBeGreaterThanOrEqual(1);
    expect((await offersOf(second.id))[0]?.status).toBe("EXPIRED");
    expect(await statusOf(second.id)).toBe("CANCELLED");
    const [next] = await offersOf(third.id);
    // The next person's window starts at that moment.
    expect(next).toMatchObject({ status: "OPEN" });
    expect(next?.expiresAt.getTime()).toBe(later.getTime() + 12 * HOUR);
    expect(await answerOffer({ offerId: offer!.id, registrationId: second.id }, true, later)).toBe("expired");
    // An offer answered after its window, before any pass came by, ends there and then.
    expect(await answerOffer({ offerId: next!.id, registrationId: third.id }, true, new Date(next!.expiresAt.getTime() + 1))).toBe("expired");
    expect(await statusOf(third.id)).toBe("CANCELLED");
  });

  it("two instances expiring at the same moment end each offer once and make one next offer", async () => {
    const c = await conference({ capacity: 1 });
    const first = await register(c);
    const second = await register(c);
    const third = await register(c);
    await cancelRegistration({ registrationId: first.id });
    const [offer] = await offersOf(second.id);
    const moment = new Date(offer!.expiresAt.getTime() + MINUTE);
    const [a, b] = await Promise.all([expireOffers(moment, instance()), expireOffers(moment, instance())]);
    // Other files' offers may expire at this moment too; this conference's offer ended once.
    expect(a + b).toBeGreaterThanOrEqual(1);
    expect(await draftsOf(second.id).then((d) => d.filter((t) => t === "offerEnded"))).toHaveLength(1);
    expect(await offersOf(third.id)).toHaveLength(1);
    expect(await db.conferencePlaces.findUniqueOrThrow({ where: { conferenceId: c.id } })).toMatchObject({ confirmed: 0, offered: 1 });
  });

  it("at the start offers stop: a window never runs past it, and from then on a freed place goes at once", async () => {
    const c = await conference({ capacity: 1, startsInHours: 3 });
    const first = await register(c);
    const second = await register(c);
    const third = await register(c);
    await cancelRegistration({ registrationId: first.id });
    const start = (await db.conference.findUniqueOrThrow({ where: { id: c.id } })).startsAt;
    const [offer] = await offersOf(second.id);
    expect(offer?.expiresAt.getTime()).toBe(start.getTime());
    await expireOffers(new Date(start.getTime() + MINUTE));
    expect((await offersOf(second.id))[0]?.status).toBe("EXPIRED");
    // After the start the third is given the place without an offer.
    expect(await statusOf(third.id)).toBe("CONFIRMED");
    expect(await offersOf(third.id)).toEqual([]);
  });

  it("workshop places: offered per workshop to the next person with a conference place, held from others, claimed", async () => {
    const c = await conference({ capacity: 10, rounds: [[1, null]] });
    const r = round(c, 0);
    const full = session(c, 0, 0);
    const open = session(c, 0, 1);
    const holder = await register(c, { [r.id]: full.id });
    const waiter = await register(c, { [r.id]: full.id });
    const later = await register(c, { [r.id]: full.id });
    const choice = (id: string) => db.workshopChoice.findFirstOrThrow({ where: { registrationId: id } });
    expect((await choice(waiter.id)).status).toBe("WAITLISTED");

    // The holder moves to the other workshop: their place is offered to the first on its list.
    expect(await changeWorkshops(holder.id, { [r.id]: open.id }, true)).toMatchObject({ ok: true });
    const [offer] = await offersOf(waiter.id);
    expect(offer).toMatchObject({ status: "OPEN", sessionId: full.id });
    expect(await offersOf(later.id)).toEqual([]);
    expect((await choice(waiter.id)).status).toBe("WAITLISTED");

    // Held: the workshop shows none left; a newcomer choosing it waits; the holder cannot move back in.
    expect((await placesOf(c.id))?.sessions.find((s) => s.id === full.id)?.left).toBe(0);
    const newcomer = await register(c, { [r.id]: full.id });
    expect((await choice(newcomer.id)).status).toBe("WAITLISTED");
    expect(await changeWorkshops(holder.id, { [r.id]: full.id }, false)).toMatchObject({ ok: false, reason: "workshopFull" });

    expect(await answerOffer({ offerId: offer!.id, registrationId: waiter.id }, true)).toBe("claimed");
    expect((await choice(waiter.id)).status).toBe("CONFIRMED");
    expect(await draftsOf(waiter.id)).toContain("workshopPromoted");
    expect(await db.sessionPlaces.findUniqueOrThrow({ where: { sessionId: full.id } })).toMatchObject({ confirmed: 1, offered: 0 });
  });

  it("a declined workshop offer removes only that choice and moves on; cancelling withdraws an open offer", async () => {
    const c = await conference({ capacity: 10, rounds: [[1]] });
    const r = round(c, 0);
    const full = session(c, 0, 0);
    const holder = await register(c, { [r.id]: full.id });
    const waiter = await register(c, { [r.id]: full.id });
    const later = await register(c, { [r.id]: full.id });
    await cancelRegistration({ registrationId: holder.id });
    const [offer] = await offersOf(waiter.id);
    expect(await answerOffer({ offerId: offer!.id, registrationId: waiter.id }, false)).toBe("declined");
    // They keep their conference place, without that workshop.
    expect(await statusOf(waiter.id)).toBe("CONFIRMED");
    expect(await db.workshopChoice.count({ where: { registrationId: waiter.id } })).toBe(0);
    const [next] = await offersOf(later.id);
    expect(next).toMatchObject({ status: "OPEN", sessionId: full.id });

    // The next person cancels instead of answering: their offer is withdrawn, and the place is free again to offer.
    await cancelRegistration({ registrationId: later.id });
    expect((await offersOf(later.id))[0]?.status).toBe("WITHDRAWN");
    expect(await db.sessionPlaces.findUniqueOrThrow({ where: { sessionId: full.id } })).toMatchObject({ confirmed: 0, offered: 0 });
  });

  it("never more confirmed and held than the capacity, with cancels, sign-ups and claims at once", async () => {
    const c = await conference({ capacity: 3 });
    const confirmed = [await register(c), await register(c), await register(c)];
    const waiting = [] as Array<{ id: string }>;
    for (let i = 0; i < 6; i++) waiting.push(await register(c));
    await Promise.all([...confirmed.map((x) => cancelRegistration({ registrationId: x.id })), register(c), register(c)]);
    const offers = await db.placeOffer.findMany({ where: { conferenceId: c.id, status: "OPEN" } });
    expect(offers.map((o) => o.registrationId).sort()).toEqual(waiting.slice(0, 3).map((w) => w.id).sort());
    await Promise.all([...offers.map((o) => answerOffer({ offerId: o.id, registrationId: o.registrationId }, true)), register(c)]);
    expect(await db.registration.count({ where: { conferenceId: c.id, status: "CONFIRMED" } })).toBe(3);
    expect(await db.conferencePlaces.findUniqueOrThrow({ where: { conferenceId: c.id } })).toMatchObject({ confirmed: 3, offered: 0 });
    const [{ fixed }] = await db.$queryRaw<[{ fixed: number }]>`SELECT places_recount() AS fixed`;
    expect(fixed).toBe(0);
  });

  it("the offer's email links to its page with the person's own manage link; the end of an offer is told", async () => {
    const c = await conference({ capacity: 1 });
    const first = await register(c);
    const second = await register(c);
    await cancelRegistration({ registrationId: first.id });
    const [offer] = await offersOf(second.id);
    const email = (await emailsTo(second.email)).find((e) => e.kind === "registration.placeOffer");
    expect(email?.subject).toMatch(/^Er is een plek vrij voor je/);
    expect(email?.textBody).toContain(`/aanbod/${offer!.id}`);
    expect(email?.textBody).toContain("?antwoord=nee");
    // The link's token opens this person's registration (it is stored only as its hash).
    expect(await registrationOfToken(manageTokenFrom(email?.textBody ?? ""))).toMatchObject({ id: second.id });

    await expireOffers(new Date(offer!.expiresAt.getTime() + MINUTE));
    const ended = (await emailsTo(second.email)).find((e) => e.kind === "registration.offerEnded");
    expect(ended?.textBody).toContain("De tijd om de plek bij");
  });

  it("the organiser turns offers on beside the reminders, checked by the shared schema and in the audit log", async () => {
    const organisation = await createOrganisation();
    const made = await createEditorConference(organisation.id);
    const refused = await runAuthorized(reminders as never, organisation.organiser, { conferenceId: made.id, offersHoursBefore: "0", offerClaimHours: "12" });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { offersHoursBefore: "tooSmall" } });
    const outcome = await runAuthorized(reminders as never, organisation.organiser, { conferenceId: made.id, offersHoursBefore: "48", offerClaimHours: "6" });
    expect(outcome).toMatchObject({ ok: true });
    expect(await db.conference.findUniqueOrThrow({ where: { id: made.id }, select: { offersHoursBefore: true, offerClaimHours: true } })).toEqual({ offersHoursBefore: 48, offerClaimHours: 6 });
    const audit = await db.auditLogEntry.findFirst({ where: { entityId: made.id, action: "conference.reminders" }, orderBy: { createdAt: "desc" } });
    expect(audit?.details).toMatchObject({ offersHoursBefore: 48, offerClaimHours: 6 });
    // Emptied: off again.
    await runAuthorized(reminders as never, organisation.organiser, { conferenceId: made.id, offersHoursBefore: "", offerClaimHours: "12" });
    expect((await db.conference.findUniqueOrThrow({ where: { id: made.id } })).offersHoursBefore).toBeNull();
  });

  it("a claim is the usual promotion for webhooks; an erased person's offer goes to the next", async () => {
    const c = await conference({ capacity: 1 });
    const hook = await db.webhook.create({
      data: { organisationId: c.organisationId, url: "https://ontvanger.example/podium", events: ["registration.promoted", "registration.cancelled"], secret: "x".repeat(32) },
    });
    try {
      const first = await register(c);
      const second = await register(c);
      const third = await register(c);
      await cancelRegistration({ registrationId: first.id });
      expect(await eraseRegistration(second.id)).toEqual({ ok: true });
      expect((await offersOf(second.id))[0]?.status).toBe("WITHDRAWN");
      const [offer] = await offersOf(third.id);
      expect(await answerOffer({ offerId: offer!.id, registrationId: third.id }, true)).toBe("claimed");
      const events = await db.webhookEvent.findMany({ where: { organisationId: c.organisationId }, orderBy: { createdAt: "asc" } });
      expect(events.filter((e) => e.type === "registration.promoted").map((e) => (e.data as { registrationId: string }).registrationId)).toEqual([third.id]);
    } finally {
      await db.webhook.delete({ where: { id: hook.id } });
    }
  });

  it("a capacity lowered below a held place withdraws the offer at its claim rather than sell the place twice", async () => {
    const c = await conference({ capacity: 2 });
    const first = await register(c);
    await register(c);
    const waiting = await register(c);
    await cancelRegistration({ registrationId: first.id });
    const [offer] = await offersOf(waiting.id);
    // The organiser lowers the capacity to the one confirmed place: allowed (nobody confirmed loses theirs).
    await db.$transaction((tx) => setConferenceCapacity(tx, c.id, 1), PLACES_TRANSACTION);
    expect(await answerOffer({ offerId: offer!.id, registrationId: waiting.id }, true)).toBe("withdrawn");
    expect(await statusOf(waiting.id)).toBe("WAITLISTED");
    expect(await db.registration.count({ where: { conferenceId: c.id, status: "CONFIRMED" } })).toBe(1);
  });

  it("a cancelled conference's open offer cannot be claimed and ends without another email", async () => {
    const c = await conference({ capacity: 1 });
    const first = await register(c);
    const second = await register(c);
    await cancelRegistration({ registrationId: first.id });
    const [offer] = await offersOf(second.id);
    await db.$transaction((tx) => cancelConference(tx, c.id), PLACES_TRANSACTION);
    expect(await answerOffer({ offerId: offer!.id, registrationId: second.id }, true)).toBe("conferenceCancelled");
    await expireOffers(new Date(offer!.expiresAt.getTime() + MINUTE));
    expect((await offersOf(second.id))[0]?.status).toBe("WITHDRAWN");
    expect(await draftsOf(second.id)).not.toContain("offerEnded");
  });
});
