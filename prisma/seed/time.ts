// Wall-clock times in Amsterdam turned into the UTC instants the database stores (lib/time/amsterdam decides how).
import { fromAmsterdamWallClock } from "../../lib/time/amsterdam";

// amsterdam("2017-10-26", "13:00") -> 2017-10-26T11:00:00.000Z
export function amsterdam(date: string, time: string): Date {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) throw new Error(`Bad date or time: ${date} ${time}`);
  return fromAmsterdamWallClock(Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2]));
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}
