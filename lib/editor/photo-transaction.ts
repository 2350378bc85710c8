import "server-only";
import type { FieldErrors } from "@/lib/auth/outcome";
import { db, type Tx } from "@/lib/db";
import { discardPhotoFile, storeUploadedPhoto } from "@/lib/uploads/store";

type Invalid = { ok: false; reason: "invalid"; fieldErrors: FieldErrors };

class Refused extends Error {
  constructor(readonly result: unknown) {
    super("refused after the photo was stored");
  }
}

/** Stores the picked photo when called: its Photo row id, null when none was picked, or the upload's refusal. */
export type PhotoStep = () => Promise<{ ok: true; photoId: string | null } | Invalid>;

/**
 * Runs `work` in one transaction; `work` calls `photo()` once it has decided to save, which stores the picked
 * photo (lib/uploads re-encodes it) with its Photo row in the same transaction. When `work` then refuses or
 * fails, the row rolls back and the stored file is removed again, so no orphan file stays behind.
 */
export async function withUploadedPhoto<T extends { ok: boolean }>(
  organisationId: string,
  upload: { field: string; file: File | undefined; altText: string },
  work: (tx: Tx, photo: PhotoStep) => Promise<T | Invalid>,
  options: { maxWait?: number; timeout?: number } = {},
): Promise<T | Invalid> {
  let storedFile: string | null = null;
  try {
    return await db.$transaction(
      async (tx) => {
        const photo: PhotoStep = async () => {
          if (!upload.file) return { ok: true, photoId: null };
          const stored = await storeUploadedPhoto({ organisationId, file: upload.file, altText: upload.altText }, tx);
          if (!stored.ok) return { ok: false, reason: "invalid", fieldErrors: { [upload.field]: stored.reason } };
          storedFile = stored.photo.file;
          return { ok: true, photoId: stored.photo.id };
        };
        const result = await work(tx, photo);
        if (!result.ok && storedFile) throw new Refused(result);
        return result;
      },
      // Re-encoding a large photo takes a moment; the default 5 s is too tight on a busy machine.
      { maxWait: options.maxWait ?? 10_000, timeout: Math.max(options.timeout ?? 0, 30_000) },
    );
  } catch (error) {
    if (storedFile) await discardPhotoFile(storedFile);
    if (error instanceof Refused) return error.result as T;
    throw error;
  }
}
