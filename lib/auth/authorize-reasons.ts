/**
 * Why access was refused. "notFound" covers both a record that does not exist and one in an organisation
 * the user does not belong to: the two must look the same, or ids could be probed for existence.
 * "forbidden" is for members whose role is not enough (they know the organisation exists).
 */
export type AuthorizationFailure = "unauthenticated" | "notFound" | "forbidden";
