// lib/auth/authorized-action.ts parses a FormData's strings only (files cannot be shown again in a form
// rendered without JavaScript). An action that takes a photo gets, in the photo's field, the token of a photo
// staged before (lib/uploads/staging.ts): this turns each named field's token into the staged File, so the
// shared zod schema sees a File and the refusal still carries the strings. Files posted in the form itself are
// not read: photos come only through /api/uploads, which checked the session and the role first.
import "server-only";
import { submittedValues } from "@/lib/auth/authorized-action";
import { discardStagedPhoto, isStagedToken, stagedPhoto } from "./staging";

export type FormWithPhotos = {
  input: Record<string, unknown>;
  /** Used once: the action calls this when it is done, saved or refused. */
  discard: () => Promise<void>;
};

export async function withStagedPhotos(form: FormData, userId: string | null, ...names: string[]): Promise<FormWithPhotos> {
  const input: Record<string, unknown> = submittedValues(form);
  const tokens: string[] = [];
  for (const name of names) {
    const token = form.get(name);
    delete input[name];
    if (!isStagedToken(token) || !userId) continue;
    tokens.push(token);
    // A token that is not (or no longer) this user's staged photo: an empty file, which the schema answers with
    // "choose a photo" on that field.
    input[name] = (await stagedPhoto(userId, token)) ?? new File([], "staged-photo-missing");
  }
  const discard = async () => {
    if (userId) await Promise.all(tokens.map((token) => discardStagedPhoto(userId, token)));
  };
  return { input, discard };
}
