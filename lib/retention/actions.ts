"use server";

import { refresh } from "next/cache";
import { authorizedAction } from "@/lib/auth/authorized-action";
import type { ActionOutcome } from "@/lib/auth/outcome";
import { updateRetention } from "./definitions";

type Outcome = ActionOutcome<{ retentionMonths: number; needsRetentionDays: number }>;

// The schedule on the same page follows the new periods: the dashboard renders per request, so a refresh does.
export async function updateRetentionAction(previous: Outcome | null, input: FormData): Promise<Outcome> {
  const outcome = await authorizedAction(updateRetention)(previous, input);
  if (outcome.ok) refresh();
  return outcome;
}
