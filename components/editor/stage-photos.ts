// With JavaScript, a form's picked photos go to /api/uploads on their own before the form is sent, and the
// form's server action gets each photo's token instead of the file: no server action takes a large body
// (lib/request-guards.ts, lib/uploads/staging.ts). Client code; the no-JavaScript path is ./no-script-upload.tsx.
import { PHOTO_UPLOAD_PATH } from "@/lib/request-guards";

export type StagedPhotos = { ok: true } | { ok: false; field: string; reason: string };

/**
 * Puts the token of each photo picked in `form` into `data`, in place of the file. A refusal names the field
 * and its message key (under "validation"). Signed out, or without the role, the photo is left out and the
 * form sent as it is: its action then says so for the whole form, in its own words.
 */
export async function stagePhotos(form: HTMLFormElement, data: FormData): Promise<StagedPhotos> {
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type="file"][name]')) {
    const file = input.files?.item(0);
    data.delete(input.name);
    if (!file || file.size === 0) continue;
    let response: Response;
    try {
      response = await fetch(PHOTO_UPLOAD_PATH, { method: "POST", body: file, headers: { "Content-Type": "application/octet-stream" } });
    } catch {
      return { ok: false, field: input.name, reason: "uploadFailed" };
    }
    if (response.status === 401 || response.status === 403) continue;
    const body = (await response.json().catch(() => null)) as { token?: unknown; reason?: unknown } | null;
    if (!response.ok || typeof body?.token !== "string") {
      return { ok: false, field: input.name, reason: typeof body?.reason === "string" ? body.reason : "uploadFailed" };
    }
    data.set(input.name, body.token);
  }
  return { ok: true };
}
