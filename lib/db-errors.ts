// "A unique index refused this row", whichever client raised it: Prisma (P2002) or node-postgres on the
// registration rush path (SQLSTATE 23505). Callers turn such a lost race into the winner's result.
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  return error.code === "P2002" || error.code === "23505";
}
