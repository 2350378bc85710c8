// Photos on their way into a form. The photo arrives first, on its own, at a route handler that has checked the
// session and the role (app/api/uploads, app/api/uploads/form), and is streamed to disk here with the size
// limit counted as it comes; the form's server action then gets a short token instead of the file, so no
// action ever reads a body larger than a form's text. The action turns the token back into a File
// (lib/uploads/form.ts) and lib/uploads re-encodes it as before.
//
// A staged file is kept per user, under a random name (128 bits), outside what the media route serves (it has
// no image extension): its bytes are unchecked until the action re-encodes them. Each is used once; files
// nobody used are removed after an hour, the next time that user stages one.
import "server-only";
import { randomBytes } from "node:crypto";
import { openAsBlob } from "node:fs";
import { mkdir, open, readdir, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { ORGANISE } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { MAX_UPLOAD_BYTES } from "./limits";

const FOLDER = "staging";
const TOKEN = /^[A-Za-z0-9_-]{22}$/;
const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;
const KEPT_MS = 60 * 60 * 1000;

export type StageRefusal = "uploadMissing" | "uploadTooLarge" | "uploadFailed";

/** Who may stage a photo: an owner or organiser of any organisation (the forms that use photos need that role). */
export async function mayStagePhotos(userId: string): Promise<boolean> {
  return (await db.membership.count({ where: { userId, role: { in: [...ORGANISE] } } })) > 0;
}

export function isStagedToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN.test(value);
}

function folderOf(userId: string): string {
  if (!USER_ID.test(userId)) throw new Error("staging: unexpected user id");
  return path.join(path.resolve(env.UPLOADS_DIR), FOLDER, userId);
}

async function removeOld(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const before = Date.now() - KEPT_MS;
  for (const name of names) {
    const file = path.join(folder, name);
    const info = await stat(file).catch(() => null);
    if (info && info.mtimeMs < before) await unlink(file).catch(() => undefined);
  }
}

/**
 * Writes `chunks` to a new staged file of `userId`, refusing more than MAX_UPLOAD_BYTES (counted as they come,
 * whatever the request declared) and an empty file. What was written of a refused one is removed.
 */
export async function stagePhoto(
  userId: string,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<{ ok: true; token: string } | { ok: false; reason: StageRefusal }> {
  const folder = folderOf(userId);
  await mkdir(folder, { recursive: true });
  await removeOld(folder);
  const token = randomBytes(16).toString("base64url");
  const target = path.join(folder, token);
  const partial = `${target}.part`;
  const file = await open(partial, "wx");
  let size = 0;
  let refusal: StageRefusal | null = null;
  try {
    for await (const chunk of chunks) {
      size += chunk.byteLength;
      if (size > MAX_UPLOAD_BYTES) {
        // Leaving the loop ends the iterator: the rest is not read.
        refusal = "uploadTooLarge";
        break;
      }
      await file.write(chunk);
    }
  } catch {
    // The client went away mid-way, or its multipart body broke off.
    refusal = "uploadFailed";
  } finally {
    await file.close();
  }
  if (!refusal && size === 0) refusal = "uploadMissing";
  if (refusal) {
    await unlink(partial).catch(() => undefined);
    return { ok: false, reason: refusal };
  }
  // Complete or not there: an action never reads half a file.
  await rename(partial, target);
  return { ok: true, token };
}

/** The staged file as a File (read from disk when used), or null when `userId` staged none by that token. */
export async function stagedPhoto(userId: string, token: string): Promise<File | null> {
  if (!isStagedToken(token)) return null;
  try {
    return new File([await openAsBlob(path.join(folderOf(userId), token))], "upload");
  } catch {
    return null;
  }
}

export async function discardStagedPhoto(userId: string, token: string): Promise<void> {
  if (isStagedToken(token)) await unlink(path.join(folderOf(userId), token)).catch(() => undefined);
}
