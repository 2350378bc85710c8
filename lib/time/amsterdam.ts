// Time in Amsterdam, in one place: every date Podium shows, reads or writes is wall-clock time in
// Europe/Amsterdam, whatever zone the server, the browser or the tests run in; the database holds UTC instants.
// The offset (CET, UTC+1; CEST, UTC+2) comes from the time-zone database (Intl), never hard-coded. Pure and
// client-safe: the forms' zod schemas use it on both sides.
export const TIME_ZONE = "Europe/Amsterdam";

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

// Made once: building an Intl.DateTimeFormat costs far more than using one.
const wallClockFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** The wall clock in Amsterdam at that instant. */
export function amsterdamWallClock(date: Date): WallClock {
  const parts: Record<string, number> = {};
  for (const { type, value } of wallClockFormat.formatToParts(date)) if (type !== "literal") parts[type] = Number(value);
  return { year: parts.year ?? 0, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0 };
}

/** Minutes Amsterdam is ahead of UTC at that instant (60 in winter, 120 in summer). */
export function amsterdamOffsetMinutes(date: Date): number {
  const p = amsterdamWallClock(date);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/** The instant at which Amsterdam's clocks show this wall-clock time. */
export function fromAmsterdamWallClock(year: number, month: number, day: number, hour: number, minute: number): Date {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  let instant = naive - amsterdamOffsetMinutes(new Date(naive)) * 60_000;
  // Near a daylight-saving switch the offset at the guess can differ from the one at the answer.
  instant = naive - amsterdamOffsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/** A datetime-local value ("2027-03-11T13:00", Amsterdam) → the UTC instant; null for anything else. */
export function fromAmsterdamInput(value: string): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const date = fromAmsterdamWallClock(year, month, day, hour, minute);
  return Number.isNaN(date.getTime()) ? null : date;
}

const two = (n: number) => String(n).padStart(2, "0");

/** The UTC instant as a datetime-local value in Amsterdam: "2027-03-11T13:00" ("" for none). */
export function toAmsterdamInput(date: Date | null | undefined): string {
  if (!date) return "";
  const p = amsterdamWallClock(date);
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** ISO 8601 with the offset that applied in Amsterdam then ("2017-10-26T13:00:00+02:00"): structured data, feeds. */
export function amsterdamIso(date: Date): string {
  const p = amsterdamWallClock(date);
  const offset = amsterdamOffsetMinutes(date);
  const abs = Math.abs(offset);
  return `${String(p.year).padStart(4, "0")}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}${offset < 0 ? "-" : "+"}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** "20271011T130000": the local time of an iCalendar event with TZID=Europe/Amsterdam. */
export function amsterdamCompact(date: Date): string {
  const p = amsterdamWallClock(date);
  return `${p.year}${two(p.month)}${two(p.day)}T${two(p.hour)}${two(p.minute)}${two(p.second)}`;
}

/** The calendar date in Amsterdam as YYYY-MM-DD, for grouping and for <time datetime>. */
export function amsterdamDateKey(date: Date): string {
  const p = amsterdamWallClock(date);
  return `${p.year}-${two(p.month)}-${two(p.day)}`;
}
