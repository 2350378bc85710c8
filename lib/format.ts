// Dates and times as people in the Netherlands write them, always in Europe/Amsterdam whatever the server's
// or the browser's zone: "donderdag 26 oktober 2017, 13.00-17.30 uur".
import { TIME_ZONE } from "@/lib/time/amsterdam";

type Locale = "nl" | "en";

// Building an Intl.DateTimeFormat costs far more than using one (a ticket email needs about ten, and is
// written inside the registration lock): keep one per locale and set of options. They never change.
const formatters = new Map<string, Intl.DateTimeFormat>();

function parts(date: Date, locale: Locale, options: Intl.DateTimeFormatOptions): string {
  const key = `${locale}|${Object.entries(options).join(";")}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { timeZone: TIME_ZONE, ...options });
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}

export function formatDate(date: Date, locale: Locale): string {
  return parts(date, locale, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
}

export function formatShortDate(date: Date, locale: Locale): string {
  return parts(date, locale, { day: "numeric", month: "long", year: "numeric" });
}

export function formatTime(date: Date, locale: Locale): string {
  const text = parts(date, locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  // Dutch style writes 13.00, not 13:00.
  return locale === "nl" ? text.replace(":", ".") : text;
}

export function formatTimeRange(start: Date, end: Date, locale: Locale): string {
  const range = `${formatTime(start, locale)}-${formatTime(end, locale)}`;
  return locale === "nl" ? `${range} uur` : range;
}

// "maandag 1 maart 2027, 12.00 uur": a moment, such as when something closes.
export function formatDateTime(date: Date, locale: Locale): string {
  return `${formatDate(date, locale)}, ${formatTime(date, locale)}${locale === "nl" ? " uur" : ""}`;
}

function sameDay(a: Date, b: Date): boolean {
  return parts(a, "en", { year: "numeric", month: "2-digit", day: "2-digit" }) ===
    parts(b, "en", { year: "numeric", month: "2-digit", day: "2-digit" });
}

// "donderdag 26 oktober 2017, 13.00-17.30 uur", or both dates when an event spans days.
export function formatDateTimeRange(start: Date, end: Date, locale: Locale): string {
  if (sameDay(start, end)) return `${formatDate(start, locale)}, ${formatTimeRange(start, end, locale)}`;
  const suffix = locale === "nl" ? " uur" : "";
  return `${formatDate(start, locale)} ${formatTime(start, locale)}${suffix} - ${formatDate(end, locale)} ${formatTime(end, locale)}${suffix}`;
}

/**
 * A door code (6 characters, prisma/sql/checkin.sql) as people read it out and see it printed: two groups of
 * three, "K7M 2QX". The door accepts it typed with or without the space.
 */
export function formatDoorCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}
