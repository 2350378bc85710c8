// Allocation by ranked choice: who gets which workshop of a round, when attendees ranked the round's workshops
// instead of taking the first free place. Pure: the same input (the rankings, the capacities and the lottery
// seed) always gives the same allocation, so it can be previewed, published, re-run and audited.
// prisma/sql/places.sql checks the capacities again when the allocation is written (places_publish_allocation).
//
// The objective, in this order:
//   1. as many people as possible get a workshop they ranked (a maximum matching: nobody is left without a
//      place while a workshop they ranked has one free);
//   2. among those allocations, the lowest total cost, where a person's k-th choice costs k² - 1: a first choice
//      costs nothing and a low choice costs ever more, so two people on their second choice beat one on the
//      first and one on the fourth;
//   3. what is still tied goes by a lottery drawn once per round (its seed is stored): earlier in the lottery,
//      the better choice.
// It is a min-cost maximum flow (successive shortest paths). With a handful of workshops per round the
// residual graph is compressed to the workshops themselves: an edge a→b is "move the person in a for whom b is
// cheapest", kept in a heap per pair, so each augmentation is a Bellman-Ford over a dozen nodes.
import { createHash } from "node:crypto";

export interface AllocationWorkshop {
  id: string;
  /** null: no limit. */
  capacity: number | null;
}

export interface AllocationPerson {
  id: string;
  /** The workshops in order of preference, best first; unranked workshops are never given. */
  ranking: string[];
}

export interface AllocationInput {
  workshops: AllocationWorkshop[];
  people: AllocationPerson[];
  /** The round's lottery: decides the ties. */
  seed: string;
}

export interface Allocation {
  /** Person id to the workshop they get, or null. */
  placed: Map<string, string | null>;
  /** Person ids in lottery order (earlier first): the waiting lists of the unplaced follow it. */
  lottery: string[];
  /** How many got their 1st, 2nd, ... choice (index 0: first), and how many got none. */
  byRank: number[];
  unplaced: number;
}

/** A person's position in the round's lottery: the order of SHA-256(seed, id), a draw nobody can steer. */
export function lotteryOrder(ids: string[], seed: string): string[] {
  const key = (id: string) => createHash("sha256").update(`${seed}\u0000${id}`).digest("hex");
  return ids
    .map((id) => ({ id, key: key(id) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((entry) => entry.id);
}

/** A min-heap of numbers with payloads; stale entries are skipped by the caller's check. */
class Heap<T> {
  private items: Array<{ key: number; value: T }> = [];
  push(key: number, value: T): void {
    const items = this.items;
    items.push({ key, value });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]!.key <= items[i]!.key) break;
      [items[parent], items[i]] = [items[i]!, items[parent]!];
      i = parent;
    }
  }
  /** The smallest entry for which `valid` holds; invalid ones on top are dropped for good. */
  top(valid: (value: T) => boolean): { key: number; value: T } | undefined {
    while (this.items.length > 0 && !valid(this.items[0]!.value)) this.pop();
    return this.items[0];
  }
  private pop(): void {
    const items = this.items;
    const last = items.pop()!;
    if (items.length === 0) return;
    items[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && items[left]!.key < items[smallest]!.key) smallest = left;
      if (right < items.length && items[right]!.key < items[smallest]!.key) smallest = right;
      if (smallest === i) break;
      [items[smallest], items[i]] = [items[i]!, items[smallest]!];
      i = smallest;
    }
  }
}

const UNPLACED = -1;

/** The allocation of one round: see the file's header for what it optimises. */
export function allocate(input: AllocationInput): Allocation {
  const workshops = input.workshops;
  const w = workshops.length;
  const index = new Map(workshops.map((workshop, i) => [workshop.id, i]));
  const lottery = lotteryOrder(input.people.map((p) => p.id), input.seed);
  const n = lottery.length;
  const byId = new Map(input.people.map((p) => [p.id, p]));
  const people = lottery.map((id) => byId.get(id)!);
  const maxRank = Math.max(1, ...people.map((p) => p.ranking.length));

  // cost[p][j]: the cost of giving person p (in lottery order) workshop j, Infinity when p did not rank it. The
  // lottery term is smaller than one step of rank cost summed over everyone, so it only ever decides ties.
  const scale = n * maxRank * (n + 1) + 1;
  const cost = people.map((person, p) => {
    const row = new Array<number>(w).fill(Infinity);
    person.ranking.forEach((workshopId, r) => {
      const j = index.get(workshopId);
      const rank = r + 1;
      if (j !== undefined && row[j] === Infinity) row[j] = (rank * rank - 1) * scale + rank * (n - p);
    });
    return row;
  });

  const room = workshops.map((workshop) => workshop.capacity ?? n);
  const where = new Array<number>(n).fill(UNPLACED);
  // fromSource[j]: unplaced people who ranked j, by their cost there; moves[a][b]: people in a who ranked b, by
  // what moving them costs.
  const fromSource = workshops.map(() => new Heap<number>());
  const moves = workshops.map(() => workshops.map(() => new Heap<number>()));
  for (let p = 0; p < n; p++) for (let j = 0; j < w; j++) if (cost[p]![j]! < Infinity) fromSource[j]!.push(cost[p]![j]!, p);

  const place = (p: number, j: number) => {
    where[p] = j;
    room[j]! -= 1;
    for (let k = 0; k < w; k++) if (k !== j && cost[p]![k]! < Infinity) moves[j]![k]!.push(cost[p]![k]! - cost[p]![j]!, p);
  };
  const move = (p: number, from: number, to: number) => {
    where[p] = to;
    room[from]! += 1;
    room[to]! -= 1;
    for (let k = 0; k < w; k++) if (k !== to && cost[p]![k]! < Infinity) moves[to]![k]!.push(cost[p]![k]! - cost[p]![to]!, p);
  };

  for (;;) {
    // Shortest path from the source (an unplaced person) through the workshops to one with room: Bellman-Ford,
    // as moving someone can cost less than nothing.
    const distance = new Array<number>(w).fill(Infinity);
    const previous = new Array<number>(w).fill(-2); // -1: reached straight from the source
    const via = new Array<number>(w).fill(-1); // the person who enters or moves along that edge
    for (let j = 0; j < w; j++) {
      const top = fromSource[j]!.top((p) => where[p] === UNPLACED);
      if (top) {
        distance[j] = top.key;
        previous[j] = -1;
        via[j] = top.value;
      }
    }
    for (let round = 0; round < w; round++) {
      let changed = false;
      for (let a = 0; a < w; a++) {
        if (distance[a] === Infinity) continue;
        for (let b = 0; b < w; b++) {
          if (a === b) continue;
          const top = moves[a]![b]!.top((p) => where[p] === a);
          if (top && distance[a]! + top.key < distance[b]!) {
            distance[b] = distance[a]! + top.key;
            previous[b] = a;
            via[b] = top.value;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    let end = -1;
    for (let j = 0; j < w; j++) if (room[j]! > 0 && distance[j]! < Infinity && (end === -1 || distance[j]! < distance[end]!)) end = j;
    if (end === -1) break;
    // Along the path backwards: each workshop passes one person on, the first takes the newcomer.
    const steps: Array<{ person: number; from: number; to: number }> = [];
    for (let j = end; j !== -1; j = previous[j]!) steps.push({ person: via[j]!, from: previous[j]!, to: j });
    for (const step of steps.reverse()) {
      if (step.from === -1) place(step.person, step.to);
      else move(step.person, step.from, step.to);
    }
  }

  const placed = new Map<string, string | null>();
  const byRank = new Array<number>(maxRank).fill(0);
  let unplaced = 0;
  people.forEach((person, p) => {
    const j = where[p]!;
    const workshop = j === UNPLACED ? null : workshops[j]!.id;
    placed.set(person.id, workshop);
    if (workshop === null) unplaced += 1;
    else byRank[person.ranking.indexOf(workshop)]! += 1;
  });
  return { placed, lottery, byRank, unplaced };
}

/** First come, first served on the same demand, for comparison: in sign-up order, the best choice with room. */
export function allocateFirstCome(input: Omit<AllocationInput, "seed">): Pick<Allocation, "placed" | "byRank" | "unplaced"> {
  const room = new Map(input.workshops.map((workshop) => [workshop.id, workshop.capacity ?? input.people.length]));
  const maxRank = Math.max(1, ...input.people.map((p) => p.ranking.length));
  const byRank = new Array<number>(maxRank).fill(0);
  const placed = new Map<string, string | null>();
  let unplaced = 0;
  for (const person of input.people) {
    const rank = person.ranking.findIndex((id) => (room.get(id) ?? 0) > 0);
    const workshop = rank === -1 ? null : person.ranking[rank]!;
    placed.set(person.id, workshop);
    if (workshop === null) unplaced += 1;
    else {
      room.set(workshop, room.get(workshop)! - 1);
      byRank[rank]! += 1;
    }
  }
  return { placed, byRank, unplaced };
}
