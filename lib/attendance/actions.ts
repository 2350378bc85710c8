"use server";

import { refresh } from "next/cache";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { correctAttendanceDefinition } from "./definitions";

// After a correction the page the organiser is on is fetched again, so the counts and the list show it.
function thenRefresh<Input, Outcome extends { ok: boolean }>(action: (previous: Outcome | null, input: Input) => Promise<Outcome>) {
  return async (previous: Outcome | null, input: Input): Promise<Outcome> => {
    const outcome = await action(previous, input);
    if (outcome.ok) refresh();
    return outcome;
  };
}

export const correctAttendanceAction = thenRefresh(authorizedAction(correctAttendanceDefinition));
