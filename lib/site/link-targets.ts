// Where a link typed by someone may point: a path on this site, or a web address elsewhere. One definition
// for every such field (report links, a venue's website, speakers' links, where sign-in goes afterwards),
// decided as browsers decide it: the WHATWG URL parser, which Node shares with them. (Links inside markdown
// need none of this: micromark percent-encodes "\" and spaces, so "/\host" stays a path here.)
// Client-safe: the editors' previews filter with it too.
import { z } from "zod";

// Browsers drop tabs and line breaks inside a URL and read "\" as "/", so "/\evil.example" and "/\t/evil.example"
// are "//evil.example": another host. Text with those characters, spaces or other control characters is never
// a link we store.
const UNSAFE = /[\s\\\u0000-\u001f\u007f-\u009f]/;
const THIS_SITE = "https://podium.invalid";

/** A path on this site ("/sprekers/anna?x=1#bio") that every browser opens on this site. */
export function isInternalPath(value: string): boolean {
  if (!value.startsWith("/") || value.startsWith("//") || UNSAFE.test(value)) return false;
  try {
    return new URL(value, THIS_SITE).origin === THIS_SITE;
  } catch {
    return false;
  }
}

/** A whole http(s) address of another site: never javascript:, data: or a file on someone's computer. */
export function isWebUrl(value: string): boolean {
  if (!/^https?:\/\/[^/]/i.test(value) || UNSAFE.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** What a "read more" link may point to: a path here, or a web address. */
export function isLinkTarget(value: string): boolean {
  return isInternalPath(value) || isWebUrl(value);
}

/** Zod: a path on this site. Message key "invalid". */
export const internalPath = z.string().max(500, "tooLong").refine(isInternalPath, "invalid");

/** Zod for a form field: empty, or a web address (stored as null when empty). Message key "url". */
export const optionalWebUrl = z
  .string()
  .trim()
  .max(500, "tooLong")
  .refine((value) => value === "" || isWebUrl(value), "url")
  .transform((value) => (value === "" ? null : value));

/** Zod for a form field: empty, or a path here or a web address. Message key "urlInvalid". */
export const optionalLinkTarget = z
  .string()
  .trim()
  .max(500, "tooLong")
  .refine((value) => value === "" || isLinkTarget(value), "urlInvalid");
