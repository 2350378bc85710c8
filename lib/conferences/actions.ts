"use server";

import { authorizedAction } from "@/lib/auth/authorized-action";
import { withEffects } from "@/lib/editor/action-effects";
import { uploadingAction } from "@/lib/editor/upload-action";
import { revalidateConferenceContent } from "@/lib/site/revalidate";
import { cancel, create, duplicate, publish, reminders, update } from "./definitions";

const editor = (data: { organisationSlug: string; conferenceId: string }) =>
  `/beheer/${data.organisationSlug}/conferenties/${data.conferenceId}`;

// A draft is on no public page yet, but revalidating its address costs nothing and keeps the rule simple:
// whatever changed, the public pages that could show it are fresh on the next view.
export const createConferenceAction = withEffects(uploadingAction(create, "coverUpload"), () => undefined, editor);

export const updateConferenceAction = withEffects(uploadingAction(update, "coverUpload"), (data) => {
  revalidateConferenceContent(data.slug);
  if (data.previousSlug !== data.slug) revalidateConferenceContent(data.previousSlug);
});

export const publishConferenceAction = withEffects(authorizedAction(publish), (data) => revalidateConferenceContent(data.slug));

export const cancelConferenceAction = withEffects(authorizedAction(cancel), (data) => revalidateConferenceContent(data.slug));

export const duplicateConferenceAction = withEffects(authorizedAction(duplicate), () => undefined, editor);

// Reminders are emails, not pages: nothing public changes.
export const conferenceRemindersAction = withEffects(authorizedAction(reminders), () => undefined);
