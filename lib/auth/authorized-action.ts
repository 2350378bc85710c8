import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Role } from "@/lib/generated/prisma/enums";
import { AuthorizationError, authorizeMembership, type OrganisationAccess } from "./authorize";
import type { ActionOutcome, FieldErrors, HandlerResult } from "./outcome";
import { currentUser, type CurrentUser } from "./session";

export interface ActionDefinition<Schema extends z.ZodType, Data, Reason extends string> {
  /** For the server log: "members.invite". */
  name: string;
  roles: readonly Role[];
  schema: Schema;
  /**
   * The organisation that owns the record the input points at, read from the database, or null if there is
   * no such record. Never taken from the input on trust: an id of another organisation's record must lead
   * to that organisation, where the user is no member.
   */
  organisationOf: (input: z.output<Schema>) => Promise<string | null>;
  handler: (input: z.output<Schema>, access: OrganisationAccess) => Promise<HandlerResult<Data, Reason>>;
}

/** Form fields as strings; React's own "$ACTION_..." fields of a form posted without JavaScript are left out. */
export function submittedValues(input: FormData | Record<string, unknown>): Record<string, string> {
  const entries = input instanceof FormData ? [...input.entries()] : Object.entries(input);
  return Object.fromEntries(
    entries.filter((entry): entry is [string, string] => typeof entry[1] === "string" && !entry[0].startsWith("$ACTION")),
  );
}

function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}

/** The error's class and, for database errors, Prisma's code (P2002...): enough to start, no personal data. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = "code" in error && typeof error.code === "string" ? ` ${error.code}` : "";
  return `${error.name}${code}`;
}

/**
 * The whole path of an action, with the user passed in (tests call this directly): authenticate, parse,
 * find the organisation the target belongs to, re-check the role in the database, run the mutation. An
 * unexpected error is logged by name only (messages can hold personal data) and answered generically.
 */
export async function runAuthorized<Schema extends z.ZodType, Data, Reason extends string>(
  definition: ActionDefinition<Schema, Data, Reason>,
  user: CurrentUser | null,
  input: FormData | Record<string, unknown>,
): Promise<ActionOutcome<Data, Reason>> {
  const values = submittedValues(input);
  if (!user) return { ok: false, reason: "unauthenticated", values };
  const parsed = definition.schema.safeParse(input instanceof FormData ? values : input);
  if (!parsed.success) return { ok: false, reason: "invalid", fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    const organisationId = await definition.organisationOf(parsed.data);
    if (!organisationId) return { ok: false, reason: "notFound", values };
    const access = await authorizeMembership(user, organisationId, definition.roles);
    const result = await definition.handler(parsed.data, access);
    return result.ok ? result : { ...result, values };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AuthorizationError) return { ok: false, reason: error.reason, values };
    console.error(`[action ${definition.name}] unexpected ${describe(error)}`);
    return { ok: false, reason: "unexpected", values };
  }
}

/**
 * A server action from a definition, in the shape useActionState wants: (previous state, form data). Works
 * without JavaScript, where the form posts and the page renders again with the outcome.
 */
export function authorizedAction<Schema extends z.ZodType, Data, Reason extends string>(
  definition: ActionDefinition<Schema, Data, Reason>,
) {
  return async (
    _previous: ActionOutcome<Data, Reason> | null,
    input: FormData | Record<string, unknown>,
  ): Promise<ActionOutcome<Data, Reason>> => runAuthorized(definition, await currentUser(), input);
}
