"use server";

import type { z } from "zod";
import { authorizedAction, runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import type { ActionOutcome } from "@/lib/auth/outcome";
import { currentUser } from "@/lib/auth/session";
import { withEffects } from "@/lib/editor/action-effects";
import { revalidateSpeakerContent } from "@/lib/site/revalidate";
import { withFiles } from "@/lib/uploads/form";
import { createSpeakerDefinition, deleteSpeakerDefinition, updateSpeakerDefinition } from "./definitions";

type SpeakerChange = { speakerId: string; slug: string };

// authorizedAction reads a form's strings only; these two also take the picked photo (lib/uploads/form.ts).
function withPhoto<Schema extends z.ZodType, Reason extends string>(definition: ActionDefinition<Schema, SpeakerChange, Reason>) {
  return async (_previous: ActionOutcome<SpeakerChange, Reason> | null, form: FormData | Record<string, unknown>) =>
    runAuthorized(definition, await currentUser(), form instanceof FormData ? withFiles(form, "photo") : form);
}

// The speaker's page, and the conference and report pages that show them, are fresh at once.
const refreshSpeaker = (data: SpeakerChange) => revalidateSpeakerContent(data.slug);

export const createSpeakerAction = withEffects(withPhoto(createSpeakerDefinition), refreshSpeaker);
export const updateSpeakerAction = withEffects(withPhoto(updateSpeakerDefinition), refreshSpeaker);
export const deleteSpeakerAction = withEffects(
  authorizedAction(deleteSpeakerDefinition),
  refreshSpeaker,
  (data) => `/beheer/${data.organisationSlug}/sprekers`,
);
