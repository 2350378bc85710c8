// An editor's form with a photo field, posted without JavaScript (its submit buttons' formAction points here;
// with JavaScript the photo goes to /api/uploads and the form to its server action). Who sends it is checked
// before the body is read; the photos are streamed to staged files and the form comes back as a page that
// posts it, with each photo's token, to the editor's page: its server action then saves it as usual.
// A form without a picked photo is sent straight on: 307 makes the browser post the same body there.
import { isInternalPath } from "@/lib/site/link-targets";
import { FORM_UPLOAD_BYTES, FORM_UPLOAD_RETURN_FIELD } from "@/lib/request-guards";
import { readUploadForm } from "@/lib/uploads/form-post";
import { receivedPage, refusalPage, type NoScriptLocale, type NoScriptRefusal } from "@/lib/uploads/no-script-pages";
import { discardStagedPhoto } from "@/lib/uploads/staging";
import { uploadAccess } from "@/lib/uploads/upload-access";

const HTML = { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } as const;

function refusal(locale: NoScriptLocale, reason: NoScriptRefusal, status: number): Response {
  return new Response(refusalPage(locale, reason), { status, headers: HTML });
}

export async function POST(request: Request) {
  const locale: NoScriptLocale = new URL(request.url).searchParams.get("taal") === "en" ? "en" : "nl";
  const access = await uploadAccess(request);
  if (!access.ok) return refusal(locale, access.status === 401 ? "signedOut" : "forbidden", access.status);
  if (Number(request.headers.get("content-length") ?? 0) > FORM_UPLOAD_BYTES) return refusal(locale, "tooLarge", 413);

  const form = await readUploadForm(request, access.user.id);
  if (!form.ok) return refusal(locale, form.reason, form.reason === "tooLarge" ? 413 : 400);
  const returnTo = form.fields.find(([name]) => name === FORM_UPLOAD_RETURN_FIELD)?.[1] ?? "";
  if (!isInternalPath(returnTo)) {
    await Promise.all(form.photos.map(([, token]) => discardStagedPhoto(access.user.id, token)));
    return refusal(locale, "failed", 400);
  }
  if (form.photos.length === 0) return new Response(null, { status: 307, headers: { Location: returnTo, "Cache-Control": "no-store" } });
  return new Response(receivedPage(locale, returnTo, [...form.fields, ...form.photos], form.photos.length), { headers: HTML });
}
