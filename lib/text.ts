import { z } from "zod";

// Lower case without accents, so "aaken" finds "Patricia van Aaken" and "creme" finds "Crème".
export function searchKey(...parts: Array<string | null | undefined>): string {
  return parts
    .filter((p): p is string => Boolean(p))
    .join(" ")
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    // Invisible format characters (zero-width spaces and joiners, direction marks): "Pa\u200Btricia" is found
    // by "patricia", also in rows stored before the field rules below cleaned them.
    .replace(/\p{Cf}/gu, "")
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

// What people type, refused or cleaned where they type it (shared by every form's zod schema and the JSON
// API), with a message key under "validation" (and "editor.validation") in both languages:
// - "invalidCharacter": U+0000 (NUL). PostgreSQL cannot store it in text, so it would fail at the database
//   with a 500 instead of a field error.
// - "bidiControl": the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069). They
//   are invisible and turn the text after them around: "Jan \u202Eknil" reads as "Jan link", on the door's
//   screen, in a badge or an email subject. Nobody types them; they come with a paste, or on purpose.
// - "lineBreak": CR, LF, VT, FF, NEL, LS or PS in a field meant for one line (titles, names, subjects...).
//   Those end up in email subjects and headers, where a line break makes the message unsendable.
// One-line fields are also cleaned of zero-width characters (below): invisible, they made a name that looks
// like "Patricia" unfindable at the door. Cleaned rather than refused: the person cannot see what to remove.
const LINE_BREAK = /[\n\v\f\r\u0085\u2028\u2029]/;
const LINE_BREAKS = /\s*[\n\v\f\r\u0085\u2028\u2029]+\s*/g;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
// Zero-width space, word joiner, byte-order mark, Mongolian vowel separator: no use in a one-line field.
const ZERO_WIDTH = /[\u200B\u2060\uFEFF\u180E]/g;
// Zero-width non-joiner and joiner: they shape letters in Persian, Arabic and Indic scripts and glue emoji
// (👩‍💻), so between two such characters they stay; anywhere else (a Latin name, an edge, a space) they go.
const JOINER = /[\u200C\u200D]/g;
const JOINABLE = /^[\p{L}\p{M}\p{Extended_Pictographic}\uFE0F]$/u;
const LATIN = /^\p{Script=Latin}$/u;

export function hasNul(text: string): boolean {
  return text.includes("\u0000");
}

export function hasLineBreak(text: string): boolean {
  return LINE_BREAK.test(text);
}

export function hasBidiControl(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

function joins(character: string | undefined): boolean {
  return character !== undefined && JOINABLE.test(character) && !LATIN.test(character);
}

/** One line of text without its zero-width characters, except joiners where a script or an emoji needs them. */
export function withoutZeroWidth(text: string): string {
  const cleaned = text.replace(ZERO_WIDTH, "");
  return cleaned.replace(JOINER, (joiner, offset: number) => {
    const before = [...cleaned.slice(0, offset)].at(-1);
    const after = [...cleaned.slice(offset + 1)][0];
    return joins(before) && joins(after) ? joiner : "";
  });
}

/** The text on one line, each run of line breaks a single space: for email subjects, whatever was stored. */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKS, " ").trim();
}

/** Text as it was sent, not trimmed (a markdown body); never with a NUL or a bidirectional override. */
export function anyText() {
  return z
    .string()
    .refine((text) => !hasNul(text), { message: "invalidCharacter", abort: true })
    .refine((text) => !hasBidiControl(text), { message: "bidiControl", abort: true });
}

/** Trimmed text of several lines: descriptions, needs, quotes. */
export function longText() {
  return anyText().trim();
}

/** Trimmed text of one line, without zero-width characters: titles, names, organisation, job role, alt texts, ids. */
export function lineText() {
  return longText()
    .refine((text) => !hasLineBreak(text), { message: "lineBreak", abort: true })
    .overwrite(withoutZeroWidth)
    .trim();
}
