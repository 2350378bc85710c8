// The speaker forms, shared by the client (zodResolver) and the server actions. Messages are keys under
// "editor.validation". The photo is optional; when one is picked, its alt text is required.
import { z } from "zod";
import { multilineText, optionalText, recordId, requestKey, requiredText } from "@/lib/editor/fields";
import { lineText } from "@/lib/text";
import { optionalImageFileSchema } from "@/lib/uploads/schema";
import { ALT_TEXT_MAX } from "@/lib/uploads/limits";

const speakerFields = z.object({
  name: requiredText(120),
  role: optionalText(160),
  affiliation: optionalText(160),
  bio: multilineText(5000),
  photo: optionalImageFileSchema,
  photoAlt: lineText().max(ALT_TEXT_MAX, "tooLong"),
});

function checkPhoto(value: { photo?: File | undefined; photoAlt: string }, context: z.RefinementCtx) {
  if (value.photo && value.photoAlt === "") context.addIssue({ code: "custom", path: ["photoAlt"], message: "altRequired" });
}

export const createSpeakerSchema = speakerFields.extend({ organisationId: recordId, requestKey }).superRefine(checkPhoto);
export const updateSpeakerSchema = speakerFields.extend({ speakerId: recordId }).superRefine(checkPhoto);
export const deleteSpeakerSchema = z.object({ speakerId: recordId });

export type CreateSpeaker = z.output<typeof createSpeakerSchema>;
export type UpdateSpeaker = z.output<typeof updateSpeakerSchema>;

/** The strings of the speaker form (the photo itself is a file, never refilled). */
export type SpeakerFormValues = { name: string; role: string; affiliation: string; bio: string; photoAlt: string };
export const EMPTY_SPEAKER: SpeakerFormValues = { name: "", role: "", affiliation: "", bio: "", photoAlt: "" };
