// The moment a scheduled report goes public, as an organiser types it: a wall-clock time in Amsterdam
// (<input type="datetime-local">), whatever zone the browser or the server runs in. Usable in the browser.
import { TIME_ZONE } from "@/lib/format";

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const offsetFormatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

type Parts = { year: number; month: number; day: number; hour: number; minute: number };

function amsterdamParts(date: Date): Parts {
  const parts: Parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  for (const part of offsetFormatter.formatToParts(date)) {
    if (part.type in parts) parts[part.type as keyof Parts] = Number(part.value);
  }
  return parts;
}

/** Milliseconds Amsterdam is ahead of UTC at that moment (one or two hours). */
function offsetAt(date: Date): number {
  const p = amsterdamParts(date);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(date.getTime() / 60_000) * 60_000;
}

/** "2027-03-11T09:30" in Amsterdam → the Date; null when it is no valid time. */
export function amsterdamLocalToDate(value: string): Date | null {
  const match = LOCAL.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Twice: the offset at the guess can differ from the offset at the answer around a DST change.
  let guess = wall - offsetAt(new Date(wall));
  guess = wall - offsetAt(new Date(guess));
  const date = new Date(guess);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The Date as "2027-03-11T09:30" in Amsterdam, for the datetime-local input's value. */
export function dateToAmsterdamLocal(date: Date): string {
  const p = amsterdamParts(date);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}
