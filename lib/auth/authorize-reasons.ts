/**
 * Why access was refused. "notFound" covers both a record that does not exist and one in an organisation
 * the user does not belong to: the two must look the same, or ids could be probed for existence.
 * "forbidden" is for members whose role is not enough (they know the organisation exists).
 */
export type AuthorizationFailure = "unauthenticated" | "notFound" | "forbidden";

/** A refusal; see AuthorizationFailure for what each reason means. Kept apart from authorize.ts, which reads
 * the session through Auth.js, so that code that never needs Auth.js (the door's API) does not load it. */
export class AuthorizationError extends Error {
  constructor(readonly reason: AuthorizationFailure) {
    super(`access refused: ${reason}`);
    this.name = "AuthorizationError";
  }
}
