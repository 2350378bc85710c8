// zod pieces shared by the dashboard's editor forms (conferences, venues, speakers, programme). Every message
// is a key under the "editor.validation" messages, so the client and the server show the same words. Text
// fields are built on lib/text.ts: never a NUL, and one line unless said otherwise.
import { z } from "zod";
import { lineText, longText } from "@/lib/text";
import { fromAmsterdamInput } from "@/lib/time/amsterdam";

export const recordId = lineText().min(1, "required").max(40, "invalid");

/** A fresh random key per rendered create form: a form sent twice (double click, no JavaScript) makes one record. */
export const requestKey = lineText().min(8, "invalid").max(64, "invalid");

/** One line, required: a title, a name, a street. */
export function requiredText(max: number) {
  return lineText().min(1, "required").max(max, "tooLong");
}

/** One line; empty means "none": stored as null. */
export function optionalText(max: number) {
  return lineText()
    .max(max, "tooLong")
    .transform((value) => (value === "" ? null : value));
}

/** Several lines (a description, a bio); empty is "". */
export function multilineText(max: number) {
  return longText().max(max, "tooLong");
}

/** Several lines; empty means "none": stored as null. */
export function optionalMultilineText(max: number) {
  return multilineText(max).transform((value) => (value === "" ? null : value));
}

export function wholeNumber(min: number, max: number) {
  return z
    .string()
    .trim()
    .min(1, "required")
    .regex(/^\d+$/, "wholeNumber")
    .transform(Number)
    .pipe(z.number().int().min(min, "tooSmall").max(max, "tooLarge"));
}

export function optionalWholeNumber(min: number, max: number) {
  return z
    .string()
    .trim()
    .regex(/^\d*$/, "wholeNumber")
    .transform((value) => (value === "" ? null : Number(value)))
    .pipe(z.number().int().min(min, "tooSmall").max(max, "tooLarge").nullable());
}

/** A datetime-local value, read as Amsterdam time. */
export const dateTime = z
  .string()
  .trim()
  .min(1, "required")
  .transform((value, context) => {
    const date = fromAmsterdamInput(value);
    if (!date) {
      context.addIssue({ code: "custom", message: "dateTime" });
      return z.NEVER;
    }
    return date;
  });

export const optionalDateTime = z
  .string()
  .trim()
  .transform((value, context) => {
    if (value === "") return null;
    const date = fromAmsterdamInput(value);
    if (!date) {
      context.addIssue({ code: "custom", message: "dateTime" });
      return z.NEVER;
    }
    return date;
  });

/** Lower-case words joined by hyphens, as they appear in public addresses (/conferenties/<slug>). */
export const slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "slugShort")
  .max(80, "tooLong")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slugFormat");

