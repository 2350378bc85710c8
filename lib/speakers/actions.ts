"use server";

import { authorizedAction } from "@/lib/auth/authorized-action";
import { withEffects } from "@/lib/editor/action-effects";
import { uploadingAction } from "@/lib/editor/upload-action";
import { revalidateSpeakerContent } from "@/lib/site/revalidate";
import { createSpeakerDefinition, deleteSpeakerDefinition, updateSpeakerDefinition } from "./definitions";

type SpeakerChange = { speakerId: string; slug: string };

// The speaker's page, and the conference and report pages that show them, are fresh at once.
const refreshSpeaker = (data: SpeakerChange) => revalidateSpeakerContent(data.slug);

export const createSpeakerAction = withEffects(uploadingAction(createSpeakerDefinition, "photo"), refreshSpeaker);
export const updateSpeakerAction = withEffects(uploadingAction(updateSpeakerDefinition, "photo"), refreshSpeaker);
export const deleteSpeakerAction = withEffects(
  authorizedAction(deleteSpeakerDefinition),
  refreshSpeaker,
  (data) => `/beheer/${data.organisationSlug}/sprekers`,
);
