"use server";

import { authorizedAction } from "@/lib/auth/authorized-action";
import { withEffects } from "@/lib/editor/action-effects";
import { kickMailWorker } from "@/lib/mail/worker";
import { messageDefinition } from "./definitions";

// The emails were queued in the action's transaction: the worker sends them at once.
export const messageAction = withEffects(authorizedAction(messageDefinition), (data) => {
  if (data.intent !== "preview") kickMailWorker();
});
