// @ts-check
// Next's cache handler (next.config.js `cacheHandler`), for several `npm start` instances on one database.
//
// Everything public pages are served from goes through it: unstable_cache reads (lib/cached-query.ts, kind
// FETCH, with their tags and the page's implicit tags as `softTags`) and the rendered ISR pages and cached
// route handlers (kinds APP_PAGE and APP_ROUTE, whose tags, implicit `_N_T_/...` path tags included, are in
// the entry's x-next-cache-tags header). Entries stay where Next's own file-system cache keeps them (memory
// and .next on disk, per instance); what is shared is when each tag was revalidated (tag-revalidations.js).
// An entry written before one of its tags was revalidated, by whichever instance, is then treated as Next
// treats it after a local revalidateTag/revalidatePath: not served (expired), or served once while it is
// rendered again (stale).
//
// Another instance's revalidation is seen within about a second (the read-back interval). Instances' clocks
// are compared (entry written vs tag revalidated), so they must be kept in step (NTP), as usual for servers.
//
// Plain JavaScript: Next imports this file as it is, also in `next build` and plain `next start`, where no
// TypeScript loader is registered (and Turbopack compiles it into the server bundles besides).
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;
const { revalidationTimes, TagRevalidations } = require("./tag-revalidations.js");

/** @typedef {import("next/dist/server/lib/incremental-cache").CacheHandler} CacheHandler */
/** @typedef {import("next/dist/server/lib/incremental-cache").CacheHandlerContext} CacheHandlerContext */
/** @typedef {import("next/dist/server/lib/incremental-cache").CacheHandlerValue} CacheHandlerValue */
/** @typedef {Parameters<CacheHandler["get"]>[1]} GetContext */
/** @typedef {Parameters<CacheHandler["set"]>} SetArgs */

const POLL_MS = 1_000;
// One store per process, however many handlers Next creates (one per request) and however many copies of
// this module the server bundles hold.
const STORE = Symbol.for("podium.cacheTagRevalidations");

/** @returns {import("./tag-revalidations.js").TagRevalidations | null} */
function sharedStore() {
  const g = /** @type {Record<symbol, import("./tag-revalidations.js").TagRevalidations | null | undefined>} */ (
    /** @type {unknown} */ (globalThis)
  );
  if (g[STORE] === undefined) {
    const url = process.env.DATABASE_URL;
    // `next build` prerenders with this handler too, without a database: local behaviour is all it needs.
    const building = process.env.NEXT_PHASE === "phase-production-build";
    g[STORE] = url && !building ? new TagRevalidations(url, { pollMs: POLL_MS }).start() : null;
  }
  return g[STORE] ?? null;
}

/**
 * The tags an entry was stored with, read as Next itself reads them back.
 * @param {CacheHandlerValue} data
 * @param {GetContext} ctx
 * @returns {string[]}
 */
function tagsOf(data, ctx) {
  const value = data.value;
  if (!value) return [];
  if (value.kind === "FETCH") {
    const fromRead = ctx.kind === "FETCH" ? [...(ctx.tags ?? []), ...(ctx.softTags ?? [])] : [];
    return [...fromRead, ...(value.tags ?? [])];
  }
  if (value.kind === "APP_PAGE" || value.kind === "APP_ROUTE" || value.kind === "PAGES") {
    const header = value.headers?.["x-next-cache-tags"];
    return typeof header === "string" ? header.split(",") : [];
  }
  return [];
}

/** @implements {CacheHandler} */
class ClusterCacheHandler {
  /** @param {CacheHandlerContext} ctx */
  constructor(ctx) {
    // Next hands its own file-system cache the node fs wrapper and the server's dist directory; so does this.
    this.local = new FileSystemCache(/** @type {ConstructorParameters<typeof FileSystemCache>[0]} */ (ctx));
    this.store = sharedStore();
  }

  /**
   * @param {string} key
   * @param {GetContext} ctx
   * @returns {Promise<CacheHandlerValue | null>}
   */
  async get(key, ctx) {
    const data = await this.local.get(key, ctx);
    if (!data || !this.store) return data;
    // Only the first requests of a fresh process wait: until the table is read, revalidations made while
    // this instance was down are unknown.
    await this.store.ready();
    const verdict = this.store.verdict(tagsOf(data, ctx), data.lastModified);
    if (verdict === "expired") return null;
    // An entry that looks ages old is served once more while Next renders it again in the background.
    if (verdict === "stale") return { ...data, lastModified: 1 };
    return data;
  }

  /** @param {SetArgs} args */
  async set(...args) {
    await this.local.set(...args);
  }

  /**
   * @param {string | string[]} tags
   * @param {{ expire?: number }} [durations]
   */
  async revalidateTag(tags, durations) {
    await this.local.revalidateTag(tags, durations);
    if (!this.store) return;
    const list = typeof tags === "string" ? [tags] : tags;
    try {
      await this.store.record(list, revalidationTimes(Date.now(), durations));
    } catch (error) {
      // The change itself is committed already; failing the request now would not undo it. This instance
      // has expired the tags; the others serve the old page until its revalidate time runs out.
      console.error(
        `[cache-tags] could not share the revalidation of ${list.join(", ")}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  resetRequestCache() {
    this.local.resetRequestCache();
  }
}

/**
 * revalidateTag for code that answers outside Next's request handling (the production server's own handlers,
 * server/serve.ts), where next/cache's revalidateTag cannot run: recorded in the store that get() above
 * consults for every entry, here at once and for the other instances through the table. (Next's own
 * revalidateTag also marks the tags in its file-system cache's memory; get() reads the store after that, so
 * for what this handler serves the store alone decides.)
 * @param {readonly string[]} tags
 * @param {{ expire?: number }} [durations]
 */
async function revalidateTagsOutsideNext(tags, durations) {
  const store = sharedStore();
  if (!store) return;
  await store.record(tags, revalidationTimes(Date.now(), durations));
}

/**
 * A number that changes whenever this process learns of a revalidation, from itself or read back from
 * another instance; null without the shared store (no DATABASE_URL), when nothing beside Next may keep pages.
 * @returns {number | null}
 */
function revalidationGeneration() {
  const store = sharedStore();
  return store ? store.generation : null;
}

module.exports = ClusterCacheHandler;
module.exports.revalidationGeneration = revalidationGeneration;
module.exports.revalidateTagsOutsideNext = revalidateTagsOutsideNext;
