"use server";

import { authorizedAction } from "@/lib/auth/authorized-action";
import { withEffects } from "@/lib/editor/action-effects";
import { createQuestionDefinition, deleteQuestionDefinition, moveQuestionDefinition, updateQuestionDefinition } from "./definitions";

// The sign-up form is rendered per request (it carries a fresh idempotency key): nothing public to revalidate.
const nothingCached = () => undefined;

export const createQuestionAction = withEffects(authorizedAction(createQuestionDefinition), nothingCached);
export const updateQuestionAction = withEffects(authorizedAction(updateQuestionDefinition), nothingCached);
export const moveQuestionAction = withEffects(authorizedAction(moveQuestionDefinition), nothingCached);
export const deleteQuestionAction = withEffects(authorizedAction(deleteQuestionDefinition), nothingCached);
