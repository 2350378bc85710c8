// @ts-check
// Which cache tags were revalidated when, kept in PostgreSQL (table cache_tag_revalidations) so that every
// app instance agrees. revalidateTag on one instance writes a row; each instance reads the rows that changed
// once a second into memory, so deciding whether a cached page is still good costs no database round trip.
//
// Plain JavaScript (CommonJS) with plain `pg`, not the Prisma client: this runs inside Next's cache handler,
// which Next loads with a bare import, also while `next build` prerenders (without a database), where no
// TypeScript loader is registered.
const pg = require("pg");

/** @typedef {{ staleAt: number, expiredAt: number }} TagState  Epoch ms: from staleAt entries carrying the tag are stale (served while rebuilt), from expiredAt not served at all. */
/** @typedef {"fresh" | "stale" | "expired"} Verdict */

/**
 * How an entry written at `writtenAt` (epoch ms) stands, given what is known about its tags.
 * @param {readonly string[]} tags
 * @param {number} writtenAt
 * @param {ReadonlyMap<string, TagState>} known
 * @param {number} now
 * @returns {Verdict}
 */
function verdictFor(tags, writtenAt, known, now) {
  /** @type {Verdict} */
  let verdict = "fresh";
  for (const tag of tags) {
    const state = known.get(tag);
    if (!state) continue;
    // Revalidated after the entry was written, and that revalidation has taken effect.
    if (state.expiredAt > writtenAt && state.expiredAt <= now) return "expired";
    if (state.staleAt > writtenAt) verdict = "stale";
  }
  return verdict;
}

/**
 * What revalidateTag(tags, durations) means in times, as Next's own file-system cache reads it.
 * @param {number} now
 * @param {{ expire?: number }} [durations]
 * @returns {TagState}
 */
function revalidationTimes(now, durations) {
  const expire = durations?.expire;
  return { staleAt: now, expiredAt: typeof expire === "number" ? now + expire * 1000 : now };
}

// Rows are read back from a little before the previous read's database time: a revalidation whose
// statement started before that read but committed after it is then still seen.
const READ_OVERLAP_MS = 5_000;

class TagRevalidations {
  /**
   * @param {string} databaseUrl
   * @param {{ pollMs: number, log?: (message: string) => void }} [options]
   */
  constructor(databaseUrl, options = { pollMs: 1_000 }) {
    this.options = options;
    /** @type {Map<string, TagState>} */
    this.known = new Map();
    /** Counts the revalidations this process has learnt of (its own and, read back, the other instances'):
     * anything that keeps a cached page beside Next (server/page-memo.ts) drops it when this moves. */
    this.generation = 0;
    /** @type {Date | null} Database time of the previous successful read; null until the first (which reads every row). */
    this.readUpTo = null;
    /** @type {NodeJS.Timeout | undefined} */
    this.timer = undefined;
    this.failing = false;
    this.pool = new pg.Pool({
      connectionString: databaseUrl,
      max: 2,
      // Never keeps a process (a script, a test) alive just for this pool.
      allowExitOnIdle: true,
      connectionTimeoutMillis: 5_000,
      statement_timeout: 5_000,
      application_name: "podium-cache-tags",
    });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    this.pool.on("error", () => {});
    /** @type {Map<string, TagState>} Recorded here, waiting for the next write to the table. */
    this.unwritten = new Map();
    /** @type {Promise<void> | null} The write in flight. */
    this.inFlight = null;
    /** @type {Promise<void> | null} The write that will carry what is in `unwritten`, started after inFlight. */
    this.queued = null;
    this.firstRead = this.refresh();
  }

  /** @param {string} message */
  log(message) {
    (this.options.log ?? console.warn)(`[cache-tags] ${message}`);
  }

  /** Reads back at intervals until stop(); the timer never keeps the process alive on its own. */
  start() {
    if (!this.timer) {
      this.timer = setInterval(() => void this.refresh(), this.options.pollMs);
      this.timer.unref();
    }
    return this;
  }

  async stop() {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.pool.end();
  }

  /**
   * Resolves once the table has been read at least once, or after `timeoutMs`: a database that is down
   * must not hold up pages that can still be served from the cache.
   * @param {number} [timeoutMs]
   */
  async ready(timeoutMs = 2_000) {
    /** @type {NodeJS.Timeout | undefined} */
    let timeout;
    await Promise.race([this.firstRead, new Promise((resolve) => (timeout = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timeout);
  }

  /** Reads the rows that changed since the previous read into memory. Never throws. */
  async refresh() {
    try {
      const since = this.readUpTo ? new Date(this.readUpTo.getTime() - READ_OVERLAP_MS) : new Date(0);
      // The database's clock at the start of this read comes with it (the extra row): the next read starts
      // from there, less the overlap.
      const { rows } = await this.pool.query(
        `SELECT tag, stale_at, expired_at, now() AS read_at FROM cache_tag_revalidations WHERE updated_at > $1
         UNION ALL SELECT NULL, NULL, NULL, now()`,
        [since],
      );
      for (const row of rows) {
        if (row.tag !== null) this.remember(row.tag, { staleAt: row.stale_at.getTime(), expiredAt: row.expired_at.getTime() });
      }
      /** @type {Date} */
      const readAt = rows[0].read_at;
      if (!this.readUpTo || readAt > this.readUpTo) this.readUpTo = readAt;
      if (this.failing) this.log("reading revalidated tags works again");
      this.failing = false;
    } catch (error) {
      // Logged once per outage, not once a second. Until it works again, this instance knows only its own
      // revalidations and what it read before.
      if (!this.failing) this.log(`cannot read revalidated tags: ${error instanceof Error ? error.message : String(error)}`);
      this.failing = true;
    }
  }

  /**
   * @param {string} tag
   * @param {TagState} state
   */
  remember(tag, state) {
    // The latest revalidation wins; a read that overtook a newer local one changes nothing.
    const previous = this.known.get(tag);
    if (previous && previous.staleAt === state.staleAt && previous.expiredAt === state.expiredAt) return;
    if (!previous || state.staleAt >= previous.staleAt) {
      this.known.set(tag, state);
      this.generation += 1;
    }
  }

  /**
   * Records a revalidation here at once and, in the table, for every other instance.
   * @param {readonly string[]} tags
   * @param {TagState} state
   */
  async record(tags, state) {
    const unique = [...new Set(tags)];
    if (unique.length === 0) return;
    for (const tag of unique) {
      this.remember(tag, state);
      const waiting = this.unwritten.get(tag);
      if (!waiting || state.staleAt >= waiting.staleAt) this.unwritten.set(tag, state);
    }
    return this.flush();
  }

  /**
   * One write at a time per instance; whatever is recorded while it runs goes out together in the next. In a
   * registration rush every sign-up revalidates its conference: one row, which 50 concurrent upserts would
   * otherwise take turns to lock, each waiting for the previous commit. A caller's promise resolves once a
   * write that includes its revalidation has committed, as when each wrote its own.
   * @returns {Promise<void>}
   */
  flush() {
    if (this.queued) return this.queued;
    const start = async () => {
      // Always yields first, so that `this.queued` is set before the batch is taken below.
      await (this.inFlight ?? Promise.resolve()).catch(() => {});
      this.queued = null;
      const batch = this.unwritten;
      this.unwritten = new Map();
      const write = this.write(batch);
      this.inFlight = write;
      try {
        await write;
      } finally {
        if (this.inFlight === write) this.inFlight = null;
      }
    };
    this.queued = start();
    return this.queued;
  }

  /** @param {Map<string, TagState>} batch */
  async write(batch) {
    if (batch.size === 0) return;
    // In one order on every instance: two batches that lock the same rows in opposite orders would deadlock.
    const tags = [...batch.keys()].sort();
    const states = tags.map((tag) => /** @type {TagState} */ (batch.get(tag)));
    // As in Next's own cache, the latest revalidation (by its time) sets when entries expire.
    // Named: planned once per connection, as in a registration rush it runs many times a second.
    await this.pool.query({
      name: "cache-tag-revalidations-write",
      text: `INSERT INTO cache_tag_revalidations (tag, stale_at, expired_at, updated_at)
       SELECT tag, stale_at, expired_at, clock_timestamp()
         FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS t (tag, stale_at, expired_at)
       ON CONFLICT (tag) DO UPDATE SET
         stale_at = GREATEST(cache_tag_revalidations.stale_at, EXCLUDED.stale_at),
         expired_at = CASE WHEN EXCLUDED.stale_at >= cache_tag_revalidations.stale_at
                           THEN EXCLUDED.expired_at ELSE cache_tag_revalidations.expired_at END,
         updated_at = clock_timestamp()`,
      values: [tags, states.map((state) => new Date(state.staleAt)), states.map((state) => new Date(state.expiredAt))],
    });
  }


  /**
   * @param {readonly string[]} tags
   * @param {number} writtenAt
   * @param {number} [now]
   * @returns {Verdict}
   */
  verdict(tags, writtenAt, now = Date.now()) {
    return verdictFor(tags, writtenAt, this.known, now);
  }
}

module.exports = { TagRevalidations, revalidationTimes, verdictFor };
