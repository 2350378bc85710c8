// Workshop allocation by ranked choice against a real PostgreSQL: people rank a round's workshops when they
// sign up (through the same domain function as the form and the API), nobody gets a place before the
// allocation, the organiser previews and publishes it, and from then on the round is first come, first served.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { changeWorkshops, cancelRegistration, publishAllocationCall, setRanking, setRoundAllocation } from "@/lib/places/mutations";
import { placesOf } from "@/lib/places/queries";
import { previewAllocation, publishAllocation } from "@/lib/places/ranked-choice";
import { registerForConference } from "../support/sign-up";
import { createConference, discardTestEmails, emailsTo, registrationInput, round, session, type TestConference } from "../support/factories";

afterAll(async () => {
  await discardTestEmails();
  await db.$disconnect();
});

const DAY = 86_400_000;

async function rankedConference(capacity: number, rounds: Array<Array<number | null>>): Promise<TestConference> {
  const conference = await createConference({ capacity, rounds });
  for (const r of conference.rounds) {
    const outcome = await db.$transaction((tx) => setRoundAllocation(tx, r.id, "RANKED", new Date(Date.now() + DAY)));
    expect(outcome).toEqual({ outcome: "set" });
  }
  return conference;
}

/** A ranking skewed towards the first workshops, as real demand is: a seeded shuffle weighted by position. */
function skewedRanking(ids: string[], person: number): string[] {
  let state = person * 7919 + 17;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  return [...ids].map((id, i) => ({ id, key: i + random() * 3 })).sort((a, b) => a.key - b.key).map((x) => x.id);
}

async function signUp(conference: TestConference, rankings: Record<string, string[]>) {
  const outcome = await registerForConference(conference.slug, registrationInput({ rankings }));
  if (!outcome.ok || !outcome.registrationId) throw new Error(JSON.stringify(outcome));
  return outcome.registrationId;
}

describe("ranked choice", () => {
  it("allocates 500 people over two rounds of four skewed workshops within capacity, as previewed, and emails them", async () => {
    const conference = await rankedConference(460, [[40, 60, 80, 100], [50, 50, 50, null]]);
    const ids = conference.rounds.map((r) => r.sessions.map((s) => s.id));
    const people: Array<{ id: string; rankings: string[][] }> = [];
    for (let p = 0; p < 500; p++) {
      const rankings = ids.map((round, r) => skewedRanking(round, p * 2 + r));
      const id = await signUp(conference, Object.fromEntries(conference.rounds.map((r, i) => [r.id, rankings[i]!])));
      people.push({ id, rankings });
    }
    // Nobody has a place in a ranked round before its allocation.
    expect(await db.workshopChoice.count({ where: { round: { conferenceId: conference.id } } })).toBe(0);

    for (const [r, roundOfConference] of conference.rounds.entries()) {
      const preview = await previewAllocation(roundOfConference.id);
      expect(preview).not.toBeNull();
      // 460 have a place at the conference; 40 wait for one.
      expect(preview!.ranked).toBe(460);
      expect(preview!.waitingForConference).toBe(40);
      expect(preview!.nobodyLeftOut).toBe(true);
      // The same rankings and seed give the same allocation, every time.
      expect(await previewAllocation(roundOfConference.id)).toEqual(preview);
      // Ranked choice gives at least as many people their first choice as first come, first served would.
      expect(preview!.byRank[0]).toBeGreaterThanOrEqual(preview!.firstCome.byRank[0]!);

      expect(await publishAllocation(roundOfConference.id)).toMatchObject({ ok: true });
      const choices = await db.workshopChoice.findMany({ where: { roundId: roundOfConference.id }, include: { registration: { select: { status: true } } } });
      for (const s of roundOfConference.sessions) {
        const confirmed = choices.filter((c) => c.sessionId === s.id && c.status === "CONFIRMED").length;
        if (s.capacity !== null) expect(confirmed).toBeLessThanOrEqual(s.capacity);
        expect(preview!.workshops.find((w) => w.id === s.id)?.allocated).toBe(confirmed);
      }
      // Every confirmed person got a workshop they ranked, or waits for their first choice; the counts per rank
      // are what the preview said.
      const byRank = new Array<number>(4).fill(0);
      for (const person of people) {
        const choice = choices.find((c) => c.registrationId === person.id);
        expect(choice).toBeDefined();
        if (choice!.status === "CONFIRMED") byRank[person.rankings[r]!.indexOf(choice!.sessionId)]! += 1;
        else expect(choice!.sessionId).toBe(person.rankings[r]![0]);
      }
      expect(byRank).toEqual(preview!.byRank);
    }
    const places = await placesOf(conference.id);
    expect(places?.rounds.map((r) => r.mode)).toEqual(["choice", "choice"]);
    const [someone] = people;
    const emails = await emailsTo((await db.registration.findUniqueOrThrow({ where: { id: someone!.id } })).email);
    expect(emails.filter((e) => e.kind === "registration.allocation")).toHaveLength(2);
  }, 120_000);

  it("gives no place before the allocation, not even to a client that asks for one", async () => {
    const conference = await rankedConference(10, [[5, 5]]);
    const r0 = round(conference, 0);
    const outcome = await registerForConference(conference.slug, registrationInput({ workshops: { [r0.id]: session(conference, 0, 0).id } }));
    expect(outcome).toEqual({ ok: false, reason: "invalidWorkshop", sessionIds: [session(conference, 0, 0).id] });
    const id = await signUp(conference, { [r0.id]: [session(conference, 0, 1).id, session(conference, 0, 0).id] });
    expect(await changeWorkshops(id, { [r0.id]: session(conference, 0, 0).id }, false)).toEqual({ ok: false, reason: "invalidWorkshop" });
    // A ranking names each workshop of the round once: the form's schema refuses it, and so does the database.
    expect(() => registrationInput({ rankings: { [r0.id]: [session(conference, 0, 0).id, session(conference, 0, 0).id] } })).toThrow(/rankingDuplicate/);
    const twice = { ...registrationInput(), rankings: { [r0.id]: [session(conference, 0, 0).id, session(conference, 0, 0).id] } };
    // Each workshop in it could be ranked: none to name, the ranking as a whole is refused.
    expect(await registerForConference(conference.slug, twice)).toEqual({ ok: false, reason: "invalidWorkshop", sessionIds: [] });
    expect(await setRanking(id, r0.id, ["not-a-session"])).toEqual({ ok: false, reason: "invalidWorkshop" });
    expect(await setRanking(id, r0.id, [session(conference, 0, 0).id])).toEqual({ ok: true });
    expect((await db.workshopPreference.findMany({ where: { registrationId: id } })).map((p) => [p.sessionId, p.rank])).toEqual([[session(conference, 0, 0).id, 1]]);
    expect(await db.workshopChoice.count({ where: { registrationId: id } })).toBe(0);
  });

  it("closes the rankings at the moment the organiser set, and writes an allocation only if nothing changed since it was computed", async () => {
    const conference = await rankedConference(10, [[1, 1]]);
    const r0 = round(conference, 0);
    const [a, b] = [session(conference, 0, 0).id, session(conference, 0, 1).id];
    const first = await signUp(conference, { [r0.id]: [a, b] });
    const second = await signUp(conference, { [r0.id]: [a, b] });
    const preview = await previewAllocation(r0.id);
    // Someone cancels between the preview and the publication: the old computation is refused...
    const stale = await db.$queryRaw<[{ fingerprint: string }]>`SELECT places_ranking_fingerprint(${r0.id}) AS fingerprint`;
    await cancelRegistration({ registrationId: second });
    expect(await publishAllocationCall(r0.id, stale[0].fingerprint, [{ registrationId: first, sessionId: a }], [])).toEqual({ outcome: "changed" });
    // ...and the publication computes anew.
    expect(preview?.ranked).toBe(2);
    await db.workshopRound.update({ where: { id: r0.id }, data: { rankingClosesAt: new Date(Date.now() - 1000) } });
    expect(await setRanking(first, r0.id, [b, a])).toEqual({ ok: false, reason: "closed" });
    expect((await placesOf(conference.id))?.rounds[0]?.mode).toBe("pending");
    expect(await publishAllocation(r0.id)).toEqual({ ok: true, placed: 1, waiting: 0 });
    expect(await publishAllocation(r0.id)).toEqual({ ok: false, reason: "allocated" });
  });

  it("never writes an allocation that overfills a workshop, whatever it is given", async () => {
    const conference = await rankedConference(10, [[1, 5]]);
    const r0 = round(conference, 0);
    const a = session(conference, 0, 0).id;
    const people = [await signUp(conference, { [r0.id]: [a] }), await signUp(conference, { [r0.id]: [a] })];
    const [{ fingerprint }] = await db.$queryRaw<[{ fingerprint: string }]>`SELECT places_ranking_fingerprint(${r0.id}) AS fingerprint`;
    await expect(publishAllocationCall(r0.id, fingerprint, people.map((registrationId) => ({ registrationId, sessionId: a })), [])).rejects.toThrow(/overfull/);
    expect(await db.workshopChoice.count({ where: { roundId: r0.id } })).toBe(0);
  });

  it("after the allocation the round is first come, first served: a cancellation gives the place to the first in the lottery's line", async () => {
    const conference = await rankedConference(10, [[1, 1]]);
    const r0 = round(conference, 0);
    const [a, b] = [session(conference, 0, 0).id, session(conference, 0, 1).id];
    const people = [];
    for (let i = 0; i < 4; i++) people.push(await signUp(conference, { [r0.id]: [a] }));
    expect(await publishAllocation(r0.id)).toEqual({ ok: true, placed: 1, waiting: 3 });
    const holder = (await db.workshopChoice.findFirstOrThrow({ where: { roundId: r0.id, status: "CONFIRMED" } })).registrationId;
    const line = await db.workshopChoice.findMany({ where: { roundId: r0.id, status: "WAITLISTED" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(line).toHaveLength(3);
    await cancelRegistration({ registrationId: holder });
    expect((await db.workshopChoice.findFirstOrThrow({ where: { roundId: r0.id, registrationId: line[0]!.registrationId } })).status).toBe("CONFIRMED");
    // New sign-ups choose as in any first come, first served round.
    const late = await registerForConference(conference.slug, registrationInput({ workshops: { [r0.id]: b } }));
    expect(late).toMatchObject({ ok: true });
  });

  it("changes a round's mode only while that changes nobody's place", async () => {
    const conference = await createConference({ rounds: [[5]] });
    const r0 = round(conference, 0);
    await signUp(conference, {});
    await registerForConference(conference.slug, registrationInput({ workshops: { [r0.id]: session(conference, 0, 0).id } }));
    expect(await db.$transaction((tx) => setRoundAllocation(tx, r0.id, "RANKED", new Date(Date.now() + DAY)))).toEqual({ outcome: "hasChoices" });
    const ranked = await rankedConference(10, [[5]]);
    await signUp(ranked, { [round(ranked, 0).id]: [session(ranked, 0, 0).id] });
    expect(await db.$transaction((tx) => setRoundAllocation(tx, round(ranked, 0).id, "FIRST_COME", null))).toEqual({ outcome: "hasRankings" });
  });
});
