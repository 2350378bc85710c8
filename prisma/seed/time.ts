// Wall-clock times in Amsterdam turned into the UTC instants the database stores. The offset comes from the
// time-zone database (Intl), so CET (UTC+1) and CEST (UTC+2) are both right without hard-coding either.
export const ZONE = "Europe/Amsterdam";

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

// Minutes that Amsterdam is ahead of UTC at the given instant.
function offsetMinutes(instant: number): number {
  const p: Record<string, number> = {};
  for (const { type, value } of parts.formatToParts(new Date(instant))) {
    if (type !== "literal") p[type] = Number(value);
  }
  const asUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return Math.round((asUtc - instant) / 60_000);
}

// amsterdam("2017-10-26", "13:00") -> 2017-10-26T11:00:00.000Z
export function amsterdam(date: string, time: string): Date {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) throw new Error(`Bad date or time: ${date} ${time}`);
  const naive = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  let instant = naive - offsetMinutes(naive) * 60_000;
  // Near a DST switch the offset at the guess can differ from the offset at the answer: settle it once more.
  instant = naive - offsetMinutes(instant) * 60_000;
  return new Date(instant);
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}
