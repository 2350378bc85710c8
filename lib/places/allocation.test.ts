import { describe, expect, it } from "vitest";
import { allocate, allocateFirstCome, lotteryOrder, type AllocationInput } from "./allocation";

/** A small random instance from a seeded generator, so that a failure can be replayed. */
function instance(seed: number, people: number, workshops: number): AllocationInput {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const ids = Array.from({ length: workshops }, (_, i) => `w${i}`);
  return {
    seed: `seed-${seed}`,
    workshops: ids.map((id) => ({ id, capacity: random() < 0.15 ? null : Math.floor(random() * 3) })),
    people: Array.from({ length: people }, (_, p) => {
      const ranking = [...ids].sort(() => random() - 0.5).slice(0, 1 + Math.floor(random() * workshops));
      return { id: `p${p}`, ranking };
    }),
  };
}

const rankCost = (rank: number) => rank * rank - 1;

/** Every assignment there is: the most people placed, then the lowest total rank cost. */
function bruteForce(input: AllocationInput): { placed: number; cost: number } {
  let best = { placed: -1, cost: Infinity };
  const room = new Map(input.workshops.map((w) => [w.id, w.capacity ?? input.people.length]));
  const walk = (i: number, placed: number, cost: number) => {
    if (i === input.people.length) {
      if (placed > best.placed || (placed === best.placed && cost < best.cost)) best = { placed, cost };
      return;
    }
    walk(i + 1, placed, cost);
    input.people[i]!.ranking.forEach((id, r) => {
      if (room.get(id)! <= 0) return;
      room.set(id, room.get(id)! - 1);
      walk(i + 1, placed + 1, cost + rankCost(r + 1));
      room.set(id, room.get(id)! + 1);
    });
  };
  walk(0, 0, 0);
  return best;
}

function outcome(input: AllocationInput) {
  const result = allocate(input);
  let placed = 0;
  let cost = 0;
  for (const person of input.people) {
    const workshop = result.placed.get(person.id);
    if (!workshop) continue;
    placed += 1;
    cost += rankCost(person.ranking.indexOf(workshop) + 1);
  }
  return { result, placed, cost };
}

describe("allocation by ranked choice", () => {
  it("places as many people as any allocation can, at the lowest total rank cost, on 300 small instances", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const input = instance(seed, 2 + (seed % 6), 2 + (seed % 3));
      const { placed, cost } = outcome(input);
      expect({ seed, placed, cost }).toEqual({ seed, ...bruteForce(input) });
    }
  });

  it("never gives a workshop more people than its places, nor a workshop someone did not rank", () => {
    for (let seed = 1; seed <= 100; seed++) {
      const input = instance(seed, 40, 4);
      const { result } = outcome(input);
      for (const workshop of input.workshops) {
        const count = [...result.placed.values()].filter((id) => id === workshop.id).length;
        if (workshop.capacity !== null) expect(count).toBeLessThanOrEqual(workshop.capacity);
      }
      for (const person of input.people) {
        const workshop = result.placed.get(person.id);
        if (workshop) expect(person.ranking).toContain(workshop);
        // Nobody is without a place while a workshop they ranked has one free.
        else for (const id of person.ranking) {
          const capacity = input.workshops.find((w) => w.id === id)?.capacity ?? Infinity;
          expect([...result.placed.values()].filter((x) => x === id).length).toBe(capacity);
        }
      }
    }
  });

  it("gives the same result for the same seed, and breaks ties by the lottery", () => {
    const tie: AllocationInput = {
      seed: "x",
      workshops: [{ id: "a", capacity: 1 }, { id: "b", capacity: 1 }],
      people: [{ id: "anna", ranking: ["a", "b"] }, { id: "bram", ranking: ["a", "b"] }],
    };
    const winners = new Set<string>();
    for (const seed of ["1", "2", "3", "4", "5", "6", "7", "8"]) {
      const first = allocate({ ...tie, seed });
      expect(allocate({ ...tie, seed }).placed).toEqual(first.placed);
      // Who is first in the lottery gets the first choice.
      const earlier = lotteryOrder(["anna", "bram"], seed)[0]!;
      expect(first.placed.get(earlier)).toBe("a");
      winners.add(earlier);
    }
    expect(winners).toEqual(new Set(["anna", "bram"]));
  });

  it("counts first, second and later choices, and compares with first come, first served", () => {
    const input: AllocationInput = {
      seed: "s",
      workshops: [{ id: "a", capacity: 1 }, { id: "b", capacity: 1 }],
      // First come, first served gives the early bird "a" and leaves the second person their second choice...
      people: [{ id: "early", ranking: ["a", "b"] }, { id: "late", ranking: ["a"] }],
    };
    // ...or rather nothing: "late" ranked only "a". Ranked choice places both.
    expect(allocateFirstCome(input)).toMatchObject({ byRank: [1, 0], unplaced: 1 });
    expect(allocate(input)).toMatchObject({ byRank: [1, 1], unplaced: 0 });
  });
});
