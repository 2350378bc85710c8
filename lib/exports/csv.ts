// CSV that opens right in Excel as Dutch organisers use it: Excel on a Dutch Windows splits on ";" (the
// decimal comma takes ","), and it reads UTF-8 only when the file starts with a byte order mark, or
// "Zoë d'Hondt" comes out as "ZoÃ« d'Hondt". No "sep=;" line: with it Excel ignores the BOM.
import { TIME_ZONE } from "@/lib/time/amsterdam";

export const CSV_BOM = "\uFEFF";
export const CSV_SEPARATOR = ";";

export type CsvValue = string | number | boolean | Date | null | undefined;

// A cell that starts with one of these is a formula to Excel and LibreOffice (CSV injection, OWASP): an
// attendee named "=HYPERLINK(...)" must stay text. A leading apostrophe makes the spreadsheet show it as text.
const FORMULA_START = /^[=+\-@\t\r]/;

// Spreadsheets parse "2027-03-18 13:02" as a date and time; always the wall-clock time in Amsterdam.
const dateTime = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return dateTime.format(value);
  if (typeof value !== "string") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  // Quoted only when needed, with quotes doubled: what Excel itself writes.
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM, a header row, one line per row, CRLF line ends (RFC 4180, and what Excel writes). */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(CSV_SEPARATOR));
  return `${CSV_BOM}${lines.join("\r\n")}\r\n`;
}

/** A download: never cached anywhere, with a file name that is plain ASCII and a UTF-8 one beside it. */
export function csvResponse(filename: string, body: string): Response {
  const ascii = filename.normalize("NFD").replace(/[^\w.-]+/g, "-");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
