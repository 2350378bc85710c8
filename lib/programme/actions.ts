"use server";

import { authorizedAction } from "@/lib/auth/authorized-action";
import { withEffects } from "@/lib/editor/action-effects";
import { revalidateConferenceContent } from "@/lib/site/revalidate";
import {
  createRoundDefinition,
  createSessionDefinition,
  deleteRoundDefinition,
  deleteSessionDefinition,
  publishAllocationDefinition,
  roundAllocationDefinition,
  updateRoundDefinition,
  updateSessionDefinition,
} from "./definitions";

// The public conference page shows the programme and the places left per workshop: it is fresh at once.
const refreshConference = (data: { slug: string }) => revalidateConferenceContent(data.slug);

export const createSessionAction = withEffects(authorizedAction(createSessionDefinition), refreshConference);
export const updateSessionAction = withEffects(authorizedAction(updateSessionDefinition), refreshConference);
export const deleteSessionAction = withEffects(authorizedAction(deleteSessionDefinition), refreshConference);
export const createRoundAction = withEffects(authorizedAction(createRoundDefinition), refreshConference);
export const updateRoundAction = withEffects(authorizedAction(updateRoundDefinition), refreshConference);
export const deleteRoundAction = withEffects(authorizedAction(deleteRoundDefinition), refreshConference);
export const roundAllocationAction = withEffects(authorizedAction(roundAllocationDefinition), refreshConference);
export const publishAllocationAction = withEffects(authorizedAction(publishAllocationDefinition), refreshConference);
