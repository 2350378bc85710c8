// When to try a failed email again, and what of the failure may be kept. Pure, so unit-tested beside.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

// A mail server that is briefly down is usually back within a minute; one that is misconfigured needs a
// person, who then has most of a day to fix it before the email is given up.
const DELAYS_MS = [15 * SECOND, MINUTE, 5 * MINUTE, 15 * MINUTE, HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR, 12 * HOUR];

/** After this many attempts an email is marked FAILED and never tried again. */
export const MAX_ATTEMPTS = 10;

/** Wait before the next try, after `attempts` tries (1 or more) have failed. */
export function retryDelayMs(attempts: number): number {
  const index = Math.min(Math.max(attempts, 1), DELAYS_MS.length) - 1;
  return DELAYS_MS[index] ?? 12 * HOUR;
}

const ADDRESS = /[^\s<>()"',;:]+@[^\s<>()"',;:]+/g;
const MAX_ERROR_LENGTH = 300;

/**
 * A short description of a failure for the lastError column and the logs. SMTP replies often quote the
 * recipient ("550 <ada@example.org>: unknown user"): addresses are removed so neither holds personal data.
 */
export function describeFailure(error: unknown): string {
  const parts: string[] = [];
  if (error instanceof Error) {
    const details = error as Error & { code?: unknown; responseCode?: unknown; command?: unknown };
    if (typeof details.code === "string") parts.push(details.code);
    if (typeof details.responseCode === "number") parts.push(String(details.responseCode));
    if (typeof details.command === "string") parts.push(details.command);
    parts.push(error.message);
  } else {
    parts.push(String(error));
  }
  const text = parts.join(" ").replace(ADDRESS, "[address]").replace(/\s+/g, " ").trim();
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}
