// "A unique index refused this row", whichever client raised it: Prisma (P2002) or node-postgres on the
// registration rush path (SQLSTATE 23505). Callers turn such a lost race into the winner's result.
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  return error.code === "P2002" || error.code === "23505";
}

/** PostgreSQL's lock_timeout (SQLSTATE 55P03), from Prisma or from node-postgres. */
export function isLockTimeout(error: unknown): boolean {
  if (error instanceof Error && "code" in error && error.code === "55P03") return true;
  return error instanceof Error && /lock timeout|55P03/.test(error.message);
}

/**
 * No pooled connection came free in time: pg-pool's own "timeout exceeded when trying to connect" after
 * DB_CONNECT_TIMEOUT_MS (its connectionTimeoutMillis also bounds the wait in its queue).
 */
export function isPoolTimeout(error: unknown): boolean {
  return error instanceof Error && /timeout exceeded when trying to connect/.test(error.message);
}
