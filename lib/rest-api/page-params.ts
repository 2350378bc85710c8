import "server-only";
import { z } from "zod";
import { validationFailed, type ApiAnswer } from "./handler";
import { decodeCursor, type Cursor } from "./pagination";

/** A list's query string, parsed with its schema, with the cursor read; a 422 naming the field when it does not fit. */
export function pageParams<S extends z.ZodType<{ cursor?: string | undefined; limit: number }>>(
  schema: S,
  url: URL,
): { ok: true; data: Omit<z.output<S>, "cursor"> & { cursor: Cursor | undefined } } | { ok: false; answer: ApiAnswer } {
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return { ok: false, answer: validationFailed(parsed.error) };
  const cursor = decodeCursor(parsed.data.cursor);
  if (cursor === null) {
    const error = new z.ZodError([{ code: "custom", path: ["cursor"], message: "invalid", input: parsed.data.cursor }]);
    return { ok: false, answer: validationFailed(error) };
  }
  return { ok: true, data: { ...parsed.data, cursor } };
}
