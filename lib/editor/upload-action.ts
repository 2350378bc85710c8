import "server-only";
import type { z } from "zod";
import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import type { ActionOutcome } from "@/lib/auth/outcome";
import { currentUser } from "@/lib/auth/session";
import { withStagedPhotos } from "@/lib/uploads/form";

/**
 * As authorizedAction, for forms with a photo field: authorizedAction reads a form's strings only, this one
 * also passes the named fields' staged photos to the schema (lib/uploads/form.ts), and removes them after.
 */
export function uploadingAction<Schema extends z.ZodType, Data, Reason extends string>(
  definition: ActionDefinition<Schema, Data, Reason>,
  ...files: string[]
) {
  return async (_previous: ActionOutcome<Data, Reason> | null, form: FormData | Record<string, unknown>) => {
    const user = await currentUser();
    if (!(form instanceof FormData)) return runAuthorized(definition, user, form);
    const { input, discard } = await withStagedPhotos(form, user?.id ?? null, ...files);
    try {
      return await runAuthorized(definition, user, input);
    } finally {
      await discard();
    }
  };
}
