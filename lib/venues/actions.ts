"use server";

import { authorizedAction } from "@/lib/auth/authorized-action";
import { withEffects } from "@/lib/editor/action-effects";
import { revalidateConferenceContent } from "@/lib/site/revalidate";
import {
  createRoomDefinition,
  createVenueDefinition,
  deleteRoomDefinition,
  deleteVenueDefinition,
  updateRoomDefinition,
  updateVenueDefinition,
} from "./definitions";

// Conference pages show their venue's address, accessibility notes and rooms: those pages are refreshed.
const refreshConferences = (data: { conferenceSlugs: string[] }) => {
  for (const slug of data.conferenceSlugs) revalidateConferenceContent(slug);
};

export const createVenueAction = withEffects(authorizedAction(createVenueDefinition), refreshConferences);
export const updateVenueAction = withEffects(authorizedAction(updateVenueDefinition), refreshConferences);
export const deleteVenueAction = withEffects(
  authorizedAction(deleteVenueDefinition),
  refreshConferences,
  (data) => `/beheer/${data.organisationSlug}/locaties`,
);
export const createRoomAction = withEffects(authorizedAction(createRoomDefinition), refreshConferences);
export const updateRoomAction = withEffects(authorizedAction(updateRoomDefinition), refreshConferences);
export const deleteRoomAction = withEffects(authorizedAction(deleteRoomDefinition), refreshConferences);
