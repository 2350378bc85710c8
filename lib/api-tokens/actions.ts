"use server";

import { refresh } from "next/cache";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { createToken, revokeToken } from "./definitions";

// The API page is rendered per request: after a change the browser fetches it again.
function refreshing<Input, Outcome extends { ok: boolean }>(action: (previous: Outcome | null, input: Input) => Promise<Outcome>) {
  return async (previous: Outcome | null, input: Input): Promise<Outcome> => {
    const outcome = await action(previous, input);
    if (outcome.ok) refresh();
    return outcome;
  };
}

export const createApiTokenAction = refreshing(authorizedAction(createToken));
export const revokeApiTokenAction = refreshing(authorizedAction(revokeToken));
