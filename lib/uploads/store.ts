import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { mediaPath } from "@/lib/site/urls";
import { prepareImage, type PreparedImage } from "./image";
import { MAX_UPLOAD_BYTES, type UploadRefusal } from "./limits";

/** What a page needs to show the photo with next/image (components/photo.tsx) and to refer to it. */
export type StoredPhoto = { id: string; file: string; src: string; width: number; height: number; altText: string };

export type PhotoInput = {
  organisationId: string;
  file: File;
  altText: string;
  caption?: string | null;
  credit?: string | null;
};

// Uploads live in their own folder beside the demo's, under a random name: 128 bits, so nobody finds a photo
// of a draft by guessing, and two uploads never collide.
const FOLDER = "photos";

function absolute(file: string): string {
  return path.join(path.resolve(env.UPLOADS_DIR), file);
}

/**
 * Checks and re-encodes an uploaded file without touching the disk or the database: do this before a
 * transaction (re-encoding a large photo takes a while), then savePreparedPhoto inside it.
 */
export async function preparePhotoUpload(file: File): Promise<{ ok: true; image: PreparedImage } | { ok: false; reason: UploadRefusal }> {
  // Refused before reading: a huge file never enters memory.
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, reason: "uploadTooLarge" };
  return prepareImage(new Uint8Array(await file.arrayBuffer()));
}

/**
 * Writes a prepared photo under a random name and creates its Photo row with the given client. When that
 * client is a transaction that later rolls back, call discardPhotoFile(photo.file).
 */
export async function savePreparedPhoto(
  client: Tx,
  input: Omit<PhotoInput, "file"> & { image: PreparedImage },
): Promise<StoredPhoto> {
  const { image } = input;
  const file = `${FOLDER}/${randomBytes(16).toString("base64url")}.${image.extension}`;
  const target = absolute(file);
  await mkdir(path.dirname(target), { recursive: true });
  // Written under a temporary name and renamed: the media route never serves half a file.
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, image.buffer, { flag: "wx" });
  await rename(temporary, target);

  try {
    const photo = await client.photo.create({
      data: {
        organisationId: input.organisationId,
        file,
        mimeType: image.mimeType,
        width: image.width,
        height: image.height,
        bytes: image.buffer.byteLength,
        altText: input.altText,
        caption: input.caption || null,
        credit: input.credit || null,
      },
      select: { id: true, file: true, width: true, height: true, altText: true },
    });
    return { ...photo, src: mediaPath(photo.file) };
  } catch (error) {
    await discardPhotoFile(file);
    throw error;
  }
}

/** Checks, re-encodes and stores an uploaded photo and creates its Photo row, in one call. */
export async function storeUploadedPhoto(
  input: PhotoInput,
  client: Tx = db,
): Promise<{ ok: true; photo: StoredPhoto } | { ok: false; reason: UploadRefusal }> {
  const prepared = await preparePhotoUpload(input.file);
  if (!prepared.ok) return prepared;
  return { ok: true, photo: await savePreparedPhoto(client, { ...input, image: prepared.image }) };
}

/** Removes a stored file whose row never came to be (or was deleted). Missing files are no error. */
export async function discardPhotoFile(file: string): Promise<void> {
  await unlink(absolute(file)).catch(() => undefined);
}
