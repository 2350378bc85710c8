// POST one photo as the request's body (the editors' script sends each picked photo here before the form):
// checked for who sends it before reading, streamed to disk with the size counted, answered with the token the
// form's server action then gets instead of the file (lib/uploads/staging.ts).
import { bilingual, jsonError, SMALL_JSON_HEADERS } from "@/lib/api/json";
import { MAX_UPLOAD_BYTES } from "@/lib/uploads/limits";
import { stagePhoto } from "@/lib/uploads/staging";
import { uploadAccess } from "@/lib/uploads/upload-access";

function refusal(status: number, reason: string): Response {
  return jsonError(status, status === 413 ? "payload_too_large" : status === 401 ? "unauthenticated" : status === 403 ? "forbidden" : "invalid", bilingual(`validation.${reason}`), { reason });
}

export async function POST(request: Request) {
  const access = await uploadAccess(request);
  if (!access.ok) return refusal(access.status, "uploadFailed");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES) return refusal(413, "uploadTooLarge");
  // Node's web streams are async iterable; TypeScript's DOM types do not say so.
  const staged = await stagePhoto(access.user.id, (request.body ?? []) as unknown as AsyncIterable<Uint8Array>);
  if (!staged.ok) return refusal(staged.reason === "uploadTooLarge" ? 413 : staged.reason === "uploadMissing" ? 422 : 400, staged.reason);
  return Response.json({ token: staged.token }, { status: 201, headers: SMALL_JSON_HEADERS });
}
