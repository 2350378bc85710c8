import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { renderAllDrafts } from "@/lib/registrations/draft-emails";
import { registerForConference } from "../support/sign-up";
import {
  createConference,
  discardTestEmails,
  emailsTo,
  registrationInput,
  round,
  TEST_EMAIL_DOMAIN,
  uniqueSuffix,
} from "../support/factories";

// The proof that capacity never oversells: many people pressing the button at the same moment, through the
// real domain function and the real PostgreSQL lock, each in its own transaction.
describe("registration rush", () => {
  afterAll(async () => {
    await discardTestEmails();
    await db.$disconnect();
  });

  it("200 at once for 50 places: 50 confirmed, 150 waitlisted, no workshop above 10, one email each", async () => {
    const conference = await createConference({ capacity: 50, rounds: [[10, 10, 10, 10], [10, 10, 10, 10]] });
    const [first, second] = [round(conference, 0), round(conference, 1)];
    const run = uniqueSuffix();
    const inputs = Array.from({ length: 200 }, (_, i) =>
      registrationInput({
        name: `Deelnemer ${i}`,
        email: `rush-${run}-${i}@${TEST_EMAIL_DOMAIN}`,
        // Spread over the sessions, and differently in each round, so every session is wanted by more
        // confirmed people than it holds.
        workshops: {
          [first.id]: first.sessions[i % 4]?.id ?? "",
          [second.id]: second.sessions[(i + Math.floor(i / 4)) % 4]?.id ?? "",
        },
      }),
    );

    // One pool of DB_POOL_MAX connections serves all 200: on a slow or busy machine a call can wait longer for
    // a connection than the pool allows and be answered "busy". A client then tries again (the API says so
    // with 503 and Retry-After), and so does this one, a bounded number of times.
    let busy = 0;
    const registerRetrying = async (input: (typeof inputs)[number]) => {
      for (let attempt = 1; ; attempt++) {
        const outcome = await registerForConference(conference.slug, input);
        if (outcome.ok || outcome.reason !== "busy" || attempt === 5) return outcome;
        busy++;
      }
    };
    const started = performance.now();
    const outcomes = await Promise.all(inputs.map(registerRetrying));
    const elapsed = performance.now() - started;
    console.log(`[rush] 200 concurrent registrations in ${Math.round(elapsed)} ms (${Math.round(200_000 / elapsed)}/s), ${busy} busy answers retried`);

    expect(outcomes.filter((o) => !o.ok)).toEqual([]);

    const registrations = await db.registration.findMany({ where: { conferenceId: conference.id }, include: { choices: true } });
    expect(registrations).toHaveLength(200);
    const confirmed = registrations.filter((r) => r.status === "CONFIRMED");
    const waitlisted = registrations.filter((r) => r.status === "WAITLISTED");
    expect(confirmed).toHaveLength(50);
    expect(waitlisted).toHaveLength(150);

    // No duplicate active email, and everyone's choices were stored.
    expect(new Set(registrations.map((r) => r.activeEmailKey)).size).toBe(200);
    for (const r of registrations) expect(r.choices).toHaveLength(2);

    // First come, first served: nobody was confirmed after somebody was put on the waitlist.
    const lastConfirmed = Math.max(...confirmed.map((r) => r.confirmedAt?.getTime() ?? Infinity));
    const firstWaitlisted = Math.min(...waitlisted.map((r) => r.waitlistedAt?.getTime() ?? -Infinity));
    expect(lastConfirmed).toBeLessThanOrEqual(firstWaitlisted);

    // A person on the conference's waitlist holds no workshop place.
    for (const r of waitlisted) expect(r.choices.map((c) => c.status)).toEqual(["WAITLISTED", "WAITLISTED"]);

    // Each workshop: never above 10, and never a free place while a confirmed person waits for it. Four
    // sessions of 10 per round for 50 confirmed people: at least 10 of them must wait in every round.
    for (const r of [first, second]) {
      let waiting = 0;
      for (const s of r.sessions) {
        const choices = confirmed.flatMap((reg) => reg.choices.filter((c) => c.sessionId === s.id));
        const taken = choices.filter((c) => c.status === "CONFIRMED").length;
        expect(taken).toBeLessThanOrEqual(10);
        expect(taken).toBe(Math.min(10, choices.length));
        waiting += choices.length - taken;
      }
      expect(waiting).toBeGreaterThanOrEqual(10);
    }
    const allChoices = await db.workshopChoice.groupBy({
      by: ["sessionId"],
      where: { registration: { conferenceId: conference.id }, status: "CONFIRMED" },
      _count: { _all: true },
    });
    for (const row of allChoices) expect(row._count._all).toBeLessThanOrEqual(10);

    // One email per registration, once the mail worker has written them: the ticket (QR code and .ics
    // attached) or the waitlist notice.
    await renderAllDrafts();
    const emails = await db.emailOutbox.findMany({ where: { toAddress: { in: inputs.map((i) => i.email) } } });
    expect(emails).toHaveLength(200);
    const byAddress = new Map(emails.map((e) => [e.toAddress, e]));
    expect(byAddress.size).toBe(200);
    for (const r of confirmed) {
      const email = byAddress.get(r.email);
      expect(email?.kind).toBe("registration.confirmed");
      expect(email?.textBody).toContain(r.ticketCode);
      const attachments = email?.attachments as Array<{ contentType: string }>;
      expect(attachments.map((a) => a.contentType.split(";")[0])).toEqual(["image/png", "text/calendar"]);
    }
    // The waitlist notices carry positions 1 to 150, in the order people joined the waitlist.
    const inOrder = [...waitlisted].sort((a, b) => (a.waitlistedAt?.getTime() ?? 0) - (b.waitlistedAt?.getTime() ?? 0));
    const positions = inOrder.map((r) => {
      const email = byAddress.get(r.email);
      expect(email?.kind).toBe("registration.waitlisted");
      return Number(/op plaats (\d+)/.exec(email?.textBody ?? "")?.[1]);
    });
    expect([...positions].sort((a, b) => a - b)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  }, 120_000);

  it("answers busy, and writes nothing, when the conference stays locked longer than the lock timeout", async () => {
    const conference = await createConference();
    const input = registrationInput();
    // Someone else holds the conference's lock (as a stuck transaction would) for longer than 8 seconds.
    const holder = new pg.Client({ connectionString: inject("databaseUrl") });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT places_lock($1)::text", [conference.id]);
      const started = performance.now();
      expect(await registerForConference(conference.slug, input)).toEqual({ ok: false, reason: "busy" });
      expect(performance.now() - started).toBeGreaterThan(7_500);
      await holder.query("ROLLBACK");
    } finally {
      await holder.end();
    }
    expect(await db.registration.count({ where: { conferenceId: conference.id } })).toBe(0);
    expect(await emailsTo(input.email)).toHaveLength(0);
    // Once the lock is free, the same registration goes through.
    expect((await registerForConference(conference.slug, input)).ok).toBe(true);
  }, 30_000);

  it("the same address in different case, all at once: exactly one active registration", async () => {
    const conference = await createConference({ capacity: 10 });
    const local = `dubbel-${uniqueSuffix()}`;
    const domain = TEST_EMAIL_DOMAIN;
    const variants = [`${local}@${domain}`, `${local.toUpperCase()}@${domain.toUpperCase()}`, `${local}@${domain.replace("a", "A")}`, ` ${local}@${domain} `];
    const inputs = [...variants, ...variants].map((email, i) => registrationInput({ name: `Dubbel ${i}`, email }));

    const outcomes = await Promise.all(inputs.map((input) => registerForConference(conference.slug, input)));

    // Every request looks the same from outside: received.
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const active = await db.registration.findMany({ where: { conferenceId: conference.id, status: { not: "CANCELLED" } } });
    expect(active).toHaveLength(1);
    expect(active[0]?.activeEmailKey).toBe(`${local}@${domain}`);
    const kinds = (await emailsTo(`${local}@${domain}`)).map((e) => e.kind);
    expect(kinds.filter((k) => k === "registration.confirmed")).toHaveLength(1);
    // The owner hears about the other seven once: more would let anyone flood their mailbox (OWNER_MAIL_THROTTLE).
    expect(kinds.filter((k) => k === "registration.alreadyRegistered")).toHaveLength(1);
  }, 60_000);
});
