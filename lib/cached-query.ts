import "server-only";
import { createHash } from "node:crypto";
import { unstable_cache } from "next/cache";

// Next's data cache stores JSON, which would turn every Date into a string behind TypeScript's back. This
// wrapper keeps Dates as Dates on the way out of the cache.
const DATE_MARK = "\u0000date:";

function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const original = this[key];
    return original instanceof Date ? DATE_MARK + original.toISOString() : v;
  });
}

function decode<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) =>
    typeof v === "string" && v.startsWith(DATE_MARK) ? new Date(v.slice(DATE_MARK.length)) : v,
  ) as T;
}

export function cachedQuery<Args extends string[], Result>(
  load: (...args: Args) => Promise<Result>,
  key: string,
  options: { tags: (...args: Args) => string[]; revalidate: number },
): (...args: Args) => Promise<Result> {
  // The loader's source is part of the key: when a query starts selecting other fields, entries cached by
  // the previous version (which survive in .next/cache across restarts and deploys) are not read back as
  // the new shape. A select defined outside the loader is not covered: change the key with it.
  const version = createHash("sha256").update(load.toString()).digest("hex").slice(0, 12);
  return async (...args: Args) => {
    const cached = unstable_cache(async () => encode(await load(...args)), [key, version, ...args], {
      tags: options.tags(...args),
      revalidate: options.revalidate,
    });
    return decode<Result>(await cached());
  };
}
