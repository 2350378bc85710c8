import "server-only";
import type { z } from "zod";
import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import type { ActionOutcome } from "@/lib/auth/outcome";
import { currentUser } from "@/lib/auth/session";
import { withFiles } from "@/lib/uploads/form";

/**
 * As authorizedAction, for forms with a file field: authorizedAction reads a form's strings only, this one
 * also passes the named files to the schema (lib/uploads/form.ts).
 */
export function uploadingAction<Schema extends z.ZodType, Data, Reason extends string>(
  definition: ActionDefinition<Schema, Data, Reason>,
  ...files: string[]
) {
  return async (_previous: ActionOutcome<Data, Reason> | null, form: FormData | Record<string, unknown>) =>
    runAuthorized(definition, await currentUser(), form instanceof FormData ? withFiles(form, ...files) : form);
}
