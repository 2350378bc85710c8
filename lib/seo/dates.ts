// Structured data and feeds state times with the offset that applied in Amsterdam at that moment
// ("2017-10-26T13:00:00+02:00"): readers see the local hour, and the moment stays exact.
import { TIME_ZONE } from "@/lib/format";

function amsterdamParts(date: Date): Record<string, number> {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  return Object.fromEntries(parts.filter((p) => p.type !== "literal").map((p) => [p.type, Number(p.value)]));
}

const pad = (n: number | undefined, width = 2) => String(n ?? 0).padStart(width, "0");

export function amsterdamIso(date: Date): string {
  const p = amsterdamParts(date);
  const wholeSeconds = Math.floor(date.getTime() / 1000) * 1000;
  const localAsUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day, p.hour, p.minute, p.second);
  const offsetMinutes = Math.round((localAsUtc - wholeSeconds) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${offset}`;
}
