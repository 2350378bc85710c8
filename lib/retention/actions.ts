"use server";

import { refresh } from "next/cache";
import { authorizedAction } from "@/lib/auth/authorized-action";
import type { ActionOutcome } from "@/lib/auth/outcome";
import { updateRetention } from "./definitions";

const update = authorizedAction(updateRetention);

// The schedule on the same page follows the new periods: the dashboard renders per request, so a refresh does.
export async function updateRetentionAction(
  previous: ActionOutcome<{ retentionMonths: number; needsRetentionDays: number }> | null,
  input: FormData,
): Promise<ActionOutcome<{ retentionMonths: number; needsRetentionDays: number }>> {
  const outcome = await update(previous, input);
  if (outcome.ok) refresh();
  return outcome;
}
