"use server";

import { refresh } from "next/cache";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { addWebhook, removeWebhook, resend, switchOnWebhook } from "./definitions";
import { kickWebhookWorker } from "./worker";

function refreshing<Input, Outcome extends { ok: boolean }>(action: (previous: Outcome | null, input: Input) => Promise<Outcome>) {
  return async (previous: Outcome | null, input: Input): Promise<Outcome> => {
    const outcome = await action(previous, input);
    if (outcome.ok) refresh();
    return outcome;
  };
}

export const createWebhookAction = refreshing(authorizedAction(addWebhook));
export const deleteWebhookAction = refreshing(authorizedAction(removeWebhook));
export const enableWebhookAction = refreshing(authorizedAction(switchOnWebhook));

export async function resendDeliveryAction(previous: Parameters<ReturnType<typeof authorizedAction<typeof resend.schema, null, "notFound">>>[0], input: FormData) {
  const outcome = await refreshing(authorizedAction(resend))(previous, input);
  if (outcome.ok) kickWebhookWorker();
  return outcome;
}
