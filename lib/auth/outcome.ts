// What every server action returns: importable by client components (no server code in here).
import type { AuthorizationFailure } from "./authorize-reasons";

export type FieldErrors = Record<string, string>;

/** Refusals every authorized action can give, besides its own domain reasons. */
export type CommonReason = AuthorizationFailure | "rateLimited" | "unexpected";

export type ActionOutcome<Data = undefined, Reason extends string = never> =
  | { ok: true; data: Data }
  | {
      ok: false;
      reason: Reason | CommonReason;
      /** Seconds to wait, with "rateLimited". */
      retryAfterSeconds?: number;
      /** What was submitted, so a form rendered without JavaScript can show it again. */
      values: Record<string, string>;
    }
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors; values: Record<string, string> };

/** What a handler returns; the wrapper adds the submitted values to a refusal. */
export type HandlerResult<Data, Reason extends string> =
  | { ok: true; data: Data }
  | { ok: false; reason: Reason | "rateLimited"; retryAfterSeconds?: number }
  // A domain rule that belongs to one field ("this room is taken then"), shown beside that field like a
  // zod error; the rule needs the database, so the schema alone cannot say it.
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors };
