import { z } from "zod";

// Lower case without accents, so "aaken" finds "Patricia van Aaken" and "creme" finds "Crème".
export function searchKey(...parts: Array<string | null | undefined>): string {
  return parts
    .filter((p): p is string => Boolean(p))
    .join(" ")
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * A name as the last part of an address: "Sociale Wijkteams in 2027!" → "sociale-wijkteams-in-2027". NFKD also
 * splits ligatures ("ﬁ" → "fi"); the end is trimmed again after cutting at 80, so a slug never ends in "-".
 */
export function slugify(input: string): string {
  return input
    .normalize("NFKD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}

// What people type, refused where they type it (shared by every form's zod schema and the JSON API), with a
// message key under "validation" (and "editor.validation") in both languages:
// - "invalidCharacter": U+0000 (NUL). PostgreSQL cannot store it in text, so it would fail at the database
//   with a 500 instead of a field error.
// - "lineBreak": CR, LF, VT, FF, NEL, LS or PS in a field meant for one line (titles, names, subjects...).
//   Those end up in email subjects and headers, where a line break makes the message unsendable.
const LINE_BREAK = /[\n\v\f\r\u0085\u2028\u2029]/;
const LINE_BREAKS = /\s*[\n\v\f\r\u0085\u2028\u2029]+\s*/g;

export function hasNul(text: string): boolean {
  return text.includes("\u0000");
}

export function hasLineBreak(text: string): boolean {
  return LINE_BREAK.test(text);
}

/** The text on one line, each run of line breaks a single space: for email subjects, whatever was stored. */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKS, " ").trim();
}

/** Text as it was sent, not trimmed (a markdown body); never with a NUL. */
export function anyText() {
  return z.string().refine((text) => !hasNul(text), { message: "invalidCharacter", abort: true });
}

/** Trimmed text of several lines: descriptions, needs, quotes. */
export function longText() {
  return anyText().trim();
}

/** Trimmed text of one line: titles, names, organisation, job role, alt texts, ids. */
export function lineText() {
  return longText().refine((text) => !hasLineBreak(text), { message: "lineBreak", abort: true });
}
