// A ranked round's allocation: read the rankings and places (places_ranking_input), compute the allocation
// (./allocation.ts, pure, outside any lock), and write it (places_publish_allocation, which takes the lock,
// checks that nothing changed since the read, and checks the capacities again). The preview is the same
// computation without the write, so what the organiser sees is what is published, unless someone ranked or
// cancelled in between; then the publication is computed anew.
import { pgPool } from "@/lib/db-pool";
import { allocate, allocateFirstCome, lotteryOrder } from "./allocation";
import { publishAllocationCall } from "./mutations";
import { rankingInputSchema, type RankingInput } from "./schema";

export interface AllocationPreview {
  round: RankingInput["round"];
  /** People who ranked the round and have a place at the conference: the allocation is theirs. */
  ranked: number;
  /** Of them, how many get their 1st, 2nd, ... choice (index 0: first). */
  byRank: number[];
  /** Of them, how many get no workshop in this round (they wait for their first choice). */
  unplaced: number;
  /** People on the conference's waiting list who ranked the round: they wait for their first choice too. */
  waitingForConference: number;
  workshops: Array<{ id: string; title: string; free: number | null; allocated: number; firstChoices: number }>;
  /** The same demand first come, first served in sign-up order, for comparison. */
  firstCome: { byRank: number[]; unplaced: number };
  /** Nobody is without a place while a workshop they ranked has one free (checked, not assumed). */
  nobodyLeftOut: boolean;
}

async function readInput(roundId: string): Promise<RankingInput | null> {
  const { rows } = await pgPool().query<{ answer: unknown }>({
    name: "places-ranking-input",
    text: "SELECT places_ranking_input($1) AS answer",
    values: [roundId],
  });
  const answer = rows[0]?.answer;
  return answer === null || answer === undefined ? null : rankingInputSchema.parse(answer);
}

function compute(input: RankingInput) {
  const seed = input.round.seed ?? input.round.id;
  const confirmed = input.people.filter((p) => p.status === "CONFIRMED");
  const allocation = allocate({ workshops: input.workshops, people: confirmed, seed });
  const waitingForConference = lotteryOrder(input.people.filter((p) => p.status === "WAITLISTED").map((p) => p.id), seed);
  return { allocation, confirmed, waitingForConference };
}

/** The allocation as it would be published now; null for an unknown round. */
export async function previewAllocation(roundId: string): Promise<AllocationPreview | null> {
  const input = await readInput(roundId);
  if (!input) return null;
  const { allocation, confirmed, waitingForConference } = compute(input);
  const firstCome = allocateFirstCome({ workshops: input.workshops, people: confirmed });
  const allocated = (id: string) => [...allocation.placed.values()].filter((w) => w === id).length;
  const workshops = input.workshops.map((w) => ({
    id: w.id,
    title: w.title,
    free: w.capacity,
    allocated: allocated(w.id),
    firstChoices: confirmed.filter((p) => p.ranking[0] === w.id).length,
  }));
  const nobodyLeftOut = confirmed.every(
    (p) => allocation.placed.get(p.id) !== null || p.ranking.every((id) => {
      const workshop = workshops.find((w) => w.id === id);
      return workshop !== undefined && workshop.free !== null && workshop.allocated >= workshop.free;
    }),
  );
  return {
    round: input.round,
    ranked: confirmed.length,
    byRank: allocation.byRank,
    unplaced: allocation.unplaced,
    waitingForConference: waitingForConference.length,
    workshops,
    firstCome: { byRank: firstCome.byRank, unplaced: firstCome.unplaced },
    nobodyLeftOut,
  };
}

export type PublishOutcome =
  | { ok: true; placed: number; waiting: number }
  | { ok: false; reason: "notFound" | "notRanked" | "allocated" | "busy" };

/**
 * Publishes the round's allocation: everyone who ranked it gets their workshop or waits for their first
 * choice, and is emailed. Computed anew when a ranking or a place changed between reading and writing.
 */
export async function publishAllocation(roundId: string): Promise<PublishOutcome> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const input = await readInput(roundId);
    if (!input) return { ok: false, reason: "notFound" };
    const { allocation, waitingForConference } = compute(input);
    const placed = [...allocation.placed].flatMap(([registrationId, sessionId]) => (sessionId ? [{ registrationId, sessionId }] : []));
    // Those without a place wait in lottery order; people waiting for the conference after them, also by lottery.
    const waiting = [...allocation.lottery.filter((id) => allocation.placed.get(id) === null), ...waitingForConference];
    const answer = await publishAllocationCall(roundId, input.fingerprint, placed, waiting);
    if (answer.outcome === "published") return { ok: true, placed: answer.placed, waiting: answer.waiting };
    if (answer.outcome !== "changed") return { ok: false, reason: answer.outcome };
  }
  return { ok: false, reason: "busy" };
}
