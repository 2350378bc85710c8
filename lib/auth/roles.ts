// Who may do what, per organisation. Pure data, so client components can hide what the server would refuse
// anyway; the server never trusts these lists without re-reading the role from the database.
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = ["OWNER", "ORGANISER", "HOST"] as const satisfies readonly Role[];

/** Members, roles and invitations. */
export const MANAGE_MEMBERS: readonly Role[] = ["OWNER"];
/** Conferences, programme, content, registrations. */
export const ORGANISE: readonly Role[] = ["OWNER", "ORGANISER"];
/** The door: check-in for the organisation's conferences. */
export const CHECK_IN: readonly Role[] = ["OWNER", "ORGANISER", "HOST"];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function hasRole(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}
