// The dashboard's date-time fields (<input type="datetime-local">) hold wall-clock time in Amsterdam, whatever
// the zone of the browser or the server; the database holds UTC instants. Pure, so the zod schemas that the
// forms and the server share can use it on both sides.
const ZONE = "Europe/Amsterdam";

const wallClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function fields(instant: number): Record<string, number> {
  const result: Record<string, number> = {};
  for (const { type, value } of wallClock.formatToParts(new Date(instant))) {
    if (type !== "literal") result[type] = Number(value);
  }
  return result;
}

// Minutes Amsterdam is ahead of UTC at that instant (60 in winter, 120 in summer).
function offsetMinutes(instant: number): number {
  const p = fields(instant);
  const asUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return Math.round((asUtc - instant) / 60_000);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/** "2027-03-11T13:00" (Amsterdam) → the UTC instant; null for anything that is not such a value. */
export function fromAmsterdamInput(value: string): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  let instant = naive - offsetMinutes(naive) * 60_000;
  // Near a daylight-saving switch the offset at the guess can differ from the one at the answer.
  instant = naive - offsetMinutes(instant) * 60_000;
  return new Date(instant);
}

/** The UTC instant as the value of a datetime-local field in Amsterdam: "2027-03-11T13:00". */
export function toAmsterdamInput(date: Date | null | undefined): string {
  if (!date) return "";
  const p = fields(date.getTime());
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, "0");
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}
