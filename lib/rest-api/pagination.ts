// Cursor pagination with a stable order: every list is ordered by (created_at, id), both fixed for a row's
// life, and the cursor is the last row's pair. Rows added while a client pages through land at the end; none
// is skipped or seen twice.
import { z } from "zod";

const cursorSchema = z.object({ t: z.iso.datetime(), i: z.string().min(1).max(100) });
export type Cursor = { createdAt: Date; id: string };

export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify({ t: row.createdAt.toISOString(), i: row.id })).toString("base64url");
}

/** Undefined for no cursor; null for one that is not ours (a 422). */
export function decodeCursor(raw: string | undefined): Cursor | undefined | null {
  if (raw === undefined) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? { createdAt: new Date(parsed.data.t), id: parsed.data.i } : null;
  } catch {
    return null;
  }
}

/** The Prisma condition for rows after the cursor, in (createdAt, id) order. */
export function afterCursor(cursor: Cursor | undefined) {
  if (!cursor) return {};
  return { OR: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { gt: cursor.id } }] };
}

export const PAGE_ORDER = [{ createdAt: "asc" as const }, { id: "asc" as const }];

/** Rows fetched with take = limit + 1: the page, and the cursor of the next one if there is one. */
export function pageFrom<Row extends { createdAt: Date; id: string }>(rows: Row[], limit: number): { rows: Row[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
