// When places left are worth the warning colour. "Nog 56 plaatsen" of 80 is no alarm; "nog 4 plaatsen" is. The
// one threshold for every page that shows places left (the conference's panel and programme, the form's
// workshops, the manage page). Pure and client-safe: the registration form imports it.

/** The last few: a tenth of the capacity, at least 3 and at most 10 (of 80 that is 8, of 20 it is 3). */
export function fewPlacesThreshold(capacity: number): number {
  return Math.min(10, Math.max(3, Math.ceil(capacity / 10)));
}

/** Whether `left` of `capacity` places are the last few (none left is full, not few). */
export function fewPlacesLeft(left: number, capacity: number): boolean {
  return left > 0 && left <= fewPlacesThreshold(capacity);
}

/** How places left read: none (full, its waiting list), the last few (the warning colour), or plenty (plain). */
export type PlacesTone = "full" | "few" | "plenty";

export function placesTone(left: number, capacity: number): PlacesTone {
  if (left <= 0) return "full";
  return fewPlacesLeft(left, capacity) ? "few" : "plenty";
}
