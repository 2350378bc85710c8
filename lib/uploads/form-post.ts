// An editor's whole form, posted as multipart without JavaScript to /api/uploads/form: read as a stream with
// busboy, its text fields kept in order (each at most a form's worth), each picked photo streamed straight to a
// staged file (lib/uploads/staging.ts). Nothing of it is held in memory beyond the text.
import "server-only";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import { DASHBOARD_FORM_BYTES, FORM_UPLOAD_BYTES, MAX_PHOTOS_PER_FORM } from "@/lib/request-guards";
import { MAX_UPLOAD_BYTES } from "./limits";
import { discardStagedPhoto, stagePhoto } from "./staging";

export type UploadFormPost =
  | { ok: true; fields: Array<[string, string]>; photos: Array<[string, string]> }
  | { ok: false; reason: "tooLarge" | "failed" };

type Staged = { name: string; result: Awaited<ReturnType<typeof stagePhoto>> };

/** A file part's bytes. When staging stops reading (too large), the rest is dropped, so busboy goes on parsing. */
async function* fileBytes(stream: Readable): AsyncGenerator<Uint8Array> {
  try {
    yield* stream.iterator({ destroyOnReturn: false });
  } finally {
    stream.resume();
  }
}

export async function readUploadForm(request: Request, userId: string): Promise<UploadFormPost> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!request.body || !/^multipart\/form-data/i.test(contentType)) return { ok: false, reason: "failed" };
  const parser = busboy({
    headers: { "content-type": contentType },
    defParamCharset: "utf8",
    // One byte past the photo limit: stagePhoto then sees the photo is too large, and busboy skips the rest of it.
    limits: { fileSize: MAX_UPLOAD_BYTES + 1, files: MAX_PHOTOS_PER_FORM, fieldSize: DASHBOARD_FORM_BYTES, fields: 1000, parts: 1000 + MAX_PHOTOS_PER_FORM },
  });
  const fields: Array<[string, string]> = [];
  const staging: Array<Promise<Staged>> = [];
  let tooMuch = false;
  parser.on("field", (name, value, info) => {
    if (info.nameTruncated || info.valueTruncated) tooMuch = true;
    fields.push([name, value]);
  });
  parser.on("file", (name, stream) => staging.push(stagePhoto(userId, fileBytes(stream)).then((result) => ({ name, result }))));
  for (const limit of ["partsLimit", "filesLimit", "fieldsLimit"] as const) parser.on(limit, () => (tooMuch = true));

  // The whole body counted too: sent without a length it could otherwise be many fields of a form's worth each.
  let size = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > FORM_UPLOAD_BYTES) {
        tooMuch = true;
        return done(new Error("form too large"));
      }
      done(null, chunk);
    },
  });
  let failed = false;
  try {
    // Node's web streams are readable by Node; TypeScript's DOM types do not say so.
    await pipeline(Readable.fromWeb(request.body as Parameters<typeof Readable.fromWeb>[0]), counted, parser);
  } catch {
    failed = !tooMuch;
  }
  const staged = await Promise.all(staging);
  const photos = staged.flatMap(({ name, result }) => (result.ok ? [[name, result.token] as [string, string]] : []));
  // An empty file input posts a part without bytes: no photo picked there.
  const refused = staged.some(({ result }) => !result.ok && result.reason === "uploadTooLarge");
  if (failed || tooMuch || refused) {
    await Promise.all(photos.map(([, token]) => discardStagedPhoto(userId, token)));
    return { ok: false, reason: failed ? "failed" : "tooLarge" };
  }
  return { ok: true, fields, photos };
}
